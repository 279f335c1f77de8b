// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package com.intellij.execution.configurations;

import java.nio.charset.Charset;
import java.util.List;

public class GeneralCommandLine {
    public GeneralCommandLine(List<String> command) {
    }

    public GeneralCommandLine withCharset(Charset charset) {
        return this;
    }
}
