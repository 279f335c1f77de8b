package rxlsp.nix;

/**
 * What Nix's parser makes of one attribute name of an attrpath or an {@code inherit}: a constant
 * name, a name only known at evaluation time, or nothing usable because the text is incomplete.
 *
 * @param kind which of the three
 * @param name the constant name; null unless {@link Kind#STATIC}
 */
record AttrKey(Kind kind, String name) {
    enum Kind {
        /** A name fixed at parse time: {@code a}, {@code "a"}, {@code ${"a"}}. */
        STATIC,
        /** A name computed at evaluation time: {@code ${x}}, {@code "a${x}"}. */
        DYNAMIC,
        /** A MISSING or erroneous name: nothing reliable can be said about it. */
        INCOMPLETE
    }

    static final AttrKey DYNAMIC = new AttrKey(Kind.DYNAMIC, null);
    static final AttrKey INCOMPLETE = new AttrKey(Kind.INCOMPLETE, null);

    static AttrKey of(String name) {
        return new AttrKey(Kind.STATIC, name);
    }

    boolean isStatic() {
        return kind == Kind.STATIC;
    }

    boolean isDynamic() {
        return kind == Kind.DYNAMIC;
    }
}
