package rxlsp.nix;

/**
 * The tree-sitter-nix grammar's symbol and field names, read once per process, so that walking a
 * tree creates no strings.
 */
final class NixLanguage {
    private static final String[] SYMBOL_NAMES = TreeSitterCalls.languageNames(true);
    private static final String[] FIELD_NAMES = TreeSitterCalls.languageNames(false);

    private NixLanguage() {
    }

    static String symbolName(int symbol) {
        return symbol >= 0 && symbol < SYMBOL_NAMES.length ? SYMBOL_NAMES[symbol] : "ERROR";
    }

    /** The number of symbols; they are numbered from 0. */
    static int symbolCount() {
        return SYMBOL_NAMES.length;
    }

    static String fieldName(int fieldId) {
        return fieldId > 0 && fieldId < FIELD_NAMES.length ? FIELD_NAMES[fieldId] : null;
    }
}
