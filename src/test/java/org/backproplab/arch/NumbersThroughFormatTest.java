package org.backproplab.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every number the program writes as text goes through {@code format.Numbers}: a double pasted
 * into a string (x + "", StringBuilder.append(x), String.valueOf, String.format's %e) comes out in
 * Java's own form, 2.460443523984862E-5, where every screen and command writes 2.46e-05, and
 * String.format rounds from the shortest decimal, not from the value. The sources are read by
 * the Java compiler itself (their types resolved), so no concatenation hides behind a variable.
 *
 * <p>Left out: Numbers itself; the machine formats, which write Java's round-trip form on purpose
 * (JSON numbers, the CSV rows of the loss history and of train); toString (for debugging); and
 * the message of an IllegalArgumentException or IllegalStateException, a programmer's guard that
 * input never reaches (what a user's input meets is a usage error or an invalid file, checked here).
 */
class NumbersThroughFormatTest {
    /** Class#method where a double's own Java form is the point. */
    private static final Set<String> MACHINE_FORMATS = Set.of("org.backproplab.io.Json#number",
            "org.backproplab.io.LossHistoryCsv#row", "org.backproplab.cli.TrainCommand#csv");
    private static final Set<String> GUARDS = Set.of("java.lang.IllegalArgumentException", "java.lang.IllegalStateException");

    @Test
    void noDoubleBecomesTextButThroughNumbers() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> found = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics,
                    List.of("-proc:none", "-XDsuppressNotes", "-nowarn", "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjectsFromPaths(sources));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null)).toList();
            assertThat(errors).as("the sources compile").isEmpty();
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : units) new Finder(trees, unit, found).scan(unit, null);
        }
        assertThat(found).as("doubles made text outside format.Numbers").isEmpty();
    }

    /** Finds a double or float made text: concatenated, appended, valueOf'd, toString'd or formatted. */
    private static final class Finder extends TreePathScanner<Void, Void> {
        private final Trees trees;
        private final CompilationUnitTree unit;
        private final List<String> found;
        private String type = "";
        private String method = "";
        private int guards;

        Finder(Trees trees, CompilationUnitTree unit, List<String> found) {
            this.trees = trees;
            this.unit = unit;
            this.found = found;
        }

        private TypeMirror typeOf(Tree t) {
            return trees.getTypeMirror(new TreePath(getCurrentPath(), t));
        }

        private boolean floating(Tree t) {
            TypeMirror m = typeOf(t);
            if (m == null) return false;
            return m.getKind() == TypeKind.DOUBLE || m.getKind() == TypeKind.FLOAT
                    || m.toString().equals("java.lang.Double") || m.toString().equals("java.lang.Float");
        }

        private boolean string(Tree t) {
            TypeMirror m = typeOf(t);
            return m != null && m.toString().equals("java.lang.String");
        }

        private boolean exempt() {
            return type.equals("org.backproplab.format.Numbers") || MACHINE_FORMATS.contains(type + "#" + method)
                    || method.equals("toString") || guards > 0;
        }

        private void report(Tree t) {
            if (exempt()) return;
            long line = unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, t));
            String text = t.toString().replaceAll("\\s+", " ");
            found.add(unit.getSourceFile().getName() + ":" + line + ": " + text.substring(0, Math.min(120, text.length())));
        }

        @Override
        public Void visitClass(ClassTree c, Void v) {
            String outer = type;
            Element e = trees.getElement(getCurrentPath());
            if (e instanceof TypeElement te) type = te.getQualifiedName().toString();
            super.visitClass(c, v);
            type = outer;
            return null;
        }

        @Override
        public Void visitMethod(MethodTree m, Void v) {
            String outer = method;
            method = m.getName().toString();
            super.visitMethod(m, v);
            method = outer;
            return null;
        }

        @Override
        public Void visitNewClass(NewClassTree n, Void v) {
            TypeMirror t = typeOf(n);
            boolean guard = t != null && GUARDS.contains(t.toString());
            if (guard) guards++;
            super.visitNewClass(n, v);
            if (guard) guards--;
            return null;
        }

        @Override
        public Void visitBinary(BinaryTree b, Void v) {
            if (b.getKind() == Tree.Kind.PLUS && string(b) && (floating(b.getLeftOperand()) || floating(b.getRightOperand()))) {
                report(b);
            }
            return super.visitBinary(b, v);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree a, Void v) {
            if (a.getKind() == Tree.Kind.PLUS_ASSIGNMENT && string(a.getVariable()) && floating(a.getExpression())) report(a);
            return super.visitCompoundAssignment(a, v);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void v) {
            Element e = trees.getElement(getCurrentPath());
            if (e instanceof ExecutableElement m && m.getEnclosingElement() instanceof TypeElement owner) {
                String where = owner.getQualifiedName() + "#" + m.getSimpleName();
                boolean makesText = switch (where) {
                    case "java.lang.StringBuilder#append", "java.lang.StringBuilder#insert", "java.lang.String#valueOf",
                         "java.lang.Double#toString", "java.lang.Float#toString", "java.lang.String#format",
                         "java.lang.String#formatted", "java.io.PrintWriter#printf", "java.io.PrintWriter#format",
                         "java.io.PrintStream#printf", "java.io.PrintStream#format", "java.io.PrintWriter#print",
                         "java.io.PrintWriter#println", "java.io.PrintStream#print", "java.io.PrintStream#println" -> true;
                    default -> false;
                };
                if (makesText) {
                    for (ExpressionTree arg : call.getArguments()) {
                        if (floating(arg)) {
                            report(call);
                            break;
                        }
                    }
                }
            }
            return super.visitMethodInvocation(call, v);
        }
    }
}
