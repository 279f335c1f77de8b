// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package org.jetbrains.plugins.textmate.api;

import java.nio.file.Path;
import java.util.List;

// Upstream is Kotlin (an interface with a nested data class); this is its Java view.
public interface TextMateBundleProvider {
    List<PluginBundle> getBundles();

    final class PluginBundle {
        private final String name;
        private final Path path;

        public PluginBundle(String name, Path path) {
            this.name = name;
            this.path = path;
        }

        public final String getName() {
            return name;
        }

        public final Path getPath() {
            return path;
        }
    }
}
