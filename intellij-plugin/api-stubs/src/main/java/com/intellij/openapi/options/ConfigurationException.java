// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package com.intellij.openapi.options;

public class ConfigurationException extends Exception {
    public ConfigurationException(String message) {
        super(message);
    }
}
