// Compile-time stand-in: the IDE loads the real type. Only the members rx-lsp calls, with the exact
// package, name and signature of the source recorded in ../../SIGNATURES.tsv (checked by StubSignaturesTest).
package com.intellij.ide.util;

public abstract class PropertiesComponent {
    public abstract String getValue(String name);

    public abstract void setValue(String name, String value, String defaultValue);

    public static PropertiesComponent getInstance() {
        throw new UnsupportedOperationException("compile-time stub: the IDE provides PropertiesComponent");
    }
}
