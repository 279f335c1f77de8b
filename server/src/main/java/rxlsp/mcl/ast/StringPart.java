package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/** A piece of a string literal after escapes are decoded: plain text or a {@code ${name}} interpolation. */
public sealed interface StringPart extends Node {

    /** Text with its escapes decoded; {@code range} covers the source characters, escapes included. */
    record Text(TextRange range, String value) implements StringPart {
    }

    /**
     * {@code ${name}} or {@code ${pkg.name}}: a reference to the variable {@code $name}.
     *
     * @param range     the whole {@code ${…}}
     * @param nameRange the name alone
     */
    record Interpolation(TextRange range, String name, TextRange nameRange) implements StringPart {
    }
}
