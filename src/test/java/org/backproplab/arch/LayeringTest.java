package org.backproplab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package picture of docs/architecture.md, enforced: format <- nn <- grad <- train <- io <- tui
 * <- serve <- cli, each package using only those to its left, so the picture cannot drift from the code.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importTheProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backproplab");
    }

    @Test
    void nothingImportsAPackageAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("format").definedBy("org.backproplab.format..")
                .layer("nn").definedBy("org.backproplab.nn..")
                .layer("grad").definedBy("org.backproplab.grad..")
                .layer("train").definedBy("org.backproplab.train..")
                .layer("io").definedBy("org.backproplab.io..")
                .layer("tui").definedBy("org.backproplab.tui..")
                .layer("serve").definedBy("org.backproplab.serve..")
                .layer("cli").definedBy("org.backproplab.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("tui").mayOnlyBeAccessedByLayers("serve", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("tui", "serve", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("io", "tui", "serve", "cli")
                .whereLayer("grad").mayOnlyBeAccessedByLayers("train", "io", "tui", "serve", "cli")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("grad", "train", "io", "tui", "serve", "cli")
                .check(classes);
    }

    /** The engine knows no terminal, no network and no command line: it runs the same under all three. */
    @Test
    void theEngineUsesNoTerminalNoServerAndNoCommandLine() {
        noClasses().that().resideInAnyPackage("org.backproplab.format..", "org.backproplab.nn..", "org.backproplab.grad..",
                        "org.backproplab.train..", "org.backproplab.io..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "org.apache.sshd..",
                        "picocli..")
                .check(classes);
    }

    /** The lab draws snapshots: no panel or view of the TUI runs the network or a gradient itself. */
    @Test
    void theTuiReadsSnapshotsAndNeverRunsTheNetwork() {
        noClasses().that().resideInAPackage("org.backproplab.tui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.backproplab.nn.Network")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backproplab.grad.ChainRule")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backproplab.grad.NumericGradient")
                .check(classes);
    }

    /** The terminal plumbing knows no panel and no run: it carries frames and keys for any screen. */
    @Test
    void theTerminalPlumbingKnowsNothingOfThePanels() {
        noClasses().that().resideInAPackage("org.backproplab.tui.term..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.tui", "org.backproplab.train..",
                        "org.backproplab.grad..", "org.backproplab.nn..", "org.backproplab.serve..", "org.backproplab.cli..")
                .check(classes);
    }
}
