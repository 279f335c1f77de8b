package rxlsp.nix;

import io.github.treesitter.jtreesitter.Language;

/**
 * The tree-sitter-nix language, loaded once per process (loading costs ~200 ms), with its symbol and
 * field names cached so that walking a tree creates no strings.
 */
final class NixLanguage {
    static final Language LANGUAGE = Language.load(NativeLibraries.nixGrammar(), "tree_sitter_nix");
    private static final String[] SYMBOL_NAMES = symbolNames();
    private static final String[] FIELD_NAMES = fieldNames();

    private NixLanguage() {
    }

    static String symbolName(int symbol) {
        return symbol >= 0 && symbol < SYMBOL_NAMES.length ? SYMBOL_NAMES[symbol] : "ERROR";
    }

    static String fieldName(int fieldId) {
        return fieldId > 0 && fieldId < FIELD_NAMES.length ? FIELD_NAMES[fieldId] : null;
    }

    private static String[] symbolNames() {
        int n = LANGUAGE.getSymbolCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            String s = LANGUAGE.getSymbolName((short) i);
            names[i] = s == null ? "" : s.intern();
        }
        return names;
    }

    private static String[] fieldNames() {
        int n = LANGUAGE.getFieldCount();
        String[] names = new String[n + 1];
        for (int i = 1; i <= n; i++) {
            String f = LANGUAGE.getFieldNameForId((short) i);
            names[i] = f == null ? null : f.intern();
        }
        return names;
    }
}
