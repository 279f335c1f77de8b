package rxlsp.mcl.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.testing.ProjectPaths;

/** The committed catalogue resources match the reference facts, and every entry has a description. */
class CatalogResourcesTest {

    @Test
    void committedResourcesMatchTheFacts() throws IOException {
        ProjectPaths.requireTier(Files.isDirectory(CatalogGenerator.facts()),
                "the catalogue facts are not at " + CatalogGenerator.facts());
        Path resources = ProjectPaths.root().resolve(CatalogGenerator.RESOURCES);
        boolean regenerate = Boolean.getBoolean("rx.regenerateCatalog");
        for (var e : CatalogGenerator.renderAll().entrySet()) {
            Path file = resources.resolve(e.getKey());
            if (regenerate) {
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                System.out.println("regenerated " + file);
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(e.getValue(), committed, e.getKey() + " is out of date with the facts: regenerate it ("
                    + "mvn -B -q -o test -Dtest=CatalogResourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Drx.regenerateCatalog=true)");
        }
    }

    @Test
    void everyEntryHasADescription() {
        List<String> missing = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            Catalog c = Catalog.builtIn(d);
            c.functions().stream().filter(f -> f.description().isBlank()).forEach(f -> missing.add(d + " function " + f.qualified()));
            c.variables().stream().filter(v -> v.description().isBlank()).forEach(v -> missing.add(d + " variable " + v.qualified()));
            c.resources().stream().filter(r -> r.description().isBlank()).forEach(r -> missing.add(d + " resource " + r.kind()));
            c.metaParams().stream().filter(m -> m.description().isBlank()).forEach(m -> missing.add(d + " meta " + m.name()));
        }
        assertTrue(missing.isEmpty(), "entries without a description:\n" + String.join("\n", missing));
    }

    @Test
    void everyDescriptionDescribesSomething() throws IOException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Dialect d : Dialect.values()) {
            Catalog c = Catalog.builtIn(d);
            c.functions().forEach(f -> keys.add("function\t" + f.qualified()));
            c.variables().forEach(v -> keys.add("variable\t" + v.qualified()));
            c.metaParams().forEach(m -> keys.add("meta\t" + m.name()));
            c.resources().forEach(r -> {
                keys.add("resource\t" + r.kind());
                r.params().keySet().forEach(p -> keys.add("param\t" + r.kind() + "\t" + p));
            });
        }
        List<String> stale = new ArrayList<>();
        try (var in = Catalog.class.getResourceAsStream("descriptions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String key = line.substring(0, line.lastIndexOf('\t'));
                if (!keys.contains(key)) {
                    stale.add(key.replace('\t', ' '));
                }
            }
        }
        assertTrue(stale.isEmpty(), "descriptions of nothing (typo, or removed from the facts):\n" + String.join("\n", stale));
    }
}
