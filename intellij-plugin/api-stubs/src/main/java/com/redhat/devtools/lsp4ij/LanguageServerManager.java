// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package com.redhat.devtools.lsp4ij;

import com.intellij.openapi.project.Project;

public class LanguageServerManager {
    private LanguageServerManager(Project project) {
    }

    public static LanguageServerManager getInstance(Project project) {
        throw new UnsupportedOperationException("compile-time stub: LSP4IJ provides LanguageServerManager");
    }

    public void start(String languageServerId) {
        throw new UnsupportedOperationException("compile-time stub: LSP4IJ provides LanguageServerManager");
    }
}
