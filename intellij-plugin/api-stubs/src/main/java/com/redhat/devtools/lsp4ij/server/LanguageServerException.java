// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package com.redhat.devtools.lsp4ij.server;

public class LanguageServerException extends RuntimeException {
    public LanguageServerException(String message) {
        super(message);
    }
}
