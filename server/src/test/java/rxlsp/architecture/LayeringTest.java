package rxlsp.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one direction of flow, checked on the compiled classes: text, then the two front ends (Nix and
 * its rx.nix embedding, MCL), then the workspace, the project's configuration (rx-lsp.toml), the
 * analysis that keeps what it found, the protocol-free features, and last the two edges (the
 * language server and the CLI).
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rxlsp");
    }

    @Test
    void layersOnlyUseLowerLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy("rxlsp.text..")
                .layer("nix").definedBy("rxlsp.nix..")
                .layer("embed").definedBy("rxlsp.embed..")
                .layer("mcl").definedBy("rxlsp.mcl..")
                .layer("workspace").definedBy("rxlsp.workspace..")
                .layer("config").definedBy("rxlsp.config..")
                .layer("analysis").definedBy("rxlsp.analysis..")
                .layer("features").definedBy("rxlsp.features..")
                .layer("lsp").definedBy("rxlsp.lsp..")
                .layer("cli").definedBy("rxlsp.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("lsp").mayOnlyBeAccessedByLayers("cli") // the CLI starts the server
                .whereLayer("features").mayOnlyBeAccessedByLayers("lsp", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("lsp", "cli") // rx-lsp.toml: read at the edges
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("features", "lsp", "cli")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("config", "analysis", "features", "lsp", "cli")
                .whereLayer("mcl").mayOnlyBeAccessedByLayers("config", "analysis", "features", "lsp", "cli")
                .whereLayer("embed").mayOnlyBeAccessedByLayers("workspace", "config", "analysis", "features", "lsp", "cli")
                .whereLayer("nix").mayOnlyBeAccessedByLayers("embed", "workspace", "analysis", "features", "lsp", "cli")
                .check(classes);
    }

    @Test
    void mclPackagesHaveNoCycles() {
        slices().matching("rxlsp.mcl.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layerPackagesHaveNoCycles() {
        slices().matching("rxlsp.(*)..").should().beFreeOfCycles().check(classes);
    }
}
