import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.backproplab.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Part of the build, not of the program (Maven runs it before packaging, as a single-file Java program):
 * writes the man pages as AsciiDoc from the program's own picocli model, one page per command,
 * {@code backprop-lab.adoc} and {@code backprop-lab-COMMAND.adoc}, each ending with a "See also"
 * that names the others. Asciidoctor then turns them into troff.
 *
 * <p>Usage: {@code java -cp CLASSPATH src/build/ManPages.java OUTPUT-DIRECTORY}
 */
public final class ManPages {
    public static void main(String[] args) throws IOException {
        File dir = new File(args[0]);
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot make " + dir);
        }
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        CommandLine root = Main.wholeCommandLine(nowhere, nowhere);
        List<CommandSpec> pages = new ArrayList<>();
        pages.add(root.getCommandSpec());
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                pages.add(sub.getCommandSpec());
            }
        }
        for (CommandSpec page : pages) {
            // each line of the help's description is a paragraph of its own, as the help shows it
            page.usageMessage().description(Arrays.stream(page.usageMessage().description()).map(line -> line + "%n")
                    .toArray(String[]::new));
            if (page.usageMessage().footerHeading().equals(Main.PRESETS_HEADING)) {
                page.usageMessage().footerHeading("Presets"); // a section title; the help's heading is a sentence
            }
            String seeAlso = pages.stream().filter(p -> p != page).map(p -> "*" + p.qualifiedName("-") + "*(1)")
                    .collect(Collectors.joining(", "));
            StringWriter text = new StringWriter();
            try (PrintWriter out = new PrintWriter(text)) {
                ManPageGenerator.writeSingleManPage(out, page);
                out.printf("== See also%n%n%s%n", seeAlso);
            }
            Files.writeString(dir.toPath().resolve(page.qualifiedName("-") + ".adoc"), asWritten(text.toString()),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * The help's text as it is: AsciiDoc would turn "<= 0.1" into "⇐ 0.1" ("is implied by"), and
     * "->" and "=>" into arrows, so those are escaped; and the manual is named as the program is.
     */
    static String asWritten(String adoc) {
        for (String typographic : new String[] {"<=", "=>", "->", "<-", "(C)", "(R)", "(TM)"}) {
            adoc = adoc.replace(typographic, "\\" + typographic);
        }
        return adoc.replaceFirst("(?m)^:manmanual: .*$", ":manmanual: Backprop Lab Manual");
    }
}
