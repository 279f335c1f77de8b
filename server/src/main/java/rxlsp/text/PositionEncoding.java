package rxlsp.text;

/** How the character part of a line/column position counts: the LSP position encodings. */
public enum PositionEncoding {
    UTF8("utf-8"),
    UTF16("utf-16"),
    UTF32("utf-32");

    private final String lspName;

    PositionEncoding(String lspName) {
        this.lspName = lspName;
    }

    public String lspName() {
        return lspName;
    }

    public static java.util.Optional<PositionEncoding> fromLspName(String name) {
        for (PositionEncoding e : values()) {
            if (e.lspName.equalsIgnoreCase(name)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
