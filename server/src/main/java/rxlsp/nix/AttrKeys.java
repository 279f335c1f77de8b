package rxlsp.nix;

/** Reads attribute names of attrpaths and {@code inherit}s the way Nix's parser does. */
final class AttrKeys {
    private AttrKeys() {
    }

    /** The key of one {@code attr} child of an {@code attrpath} or {@code inherited_attrs}. */
    static AttrKey of(SyntaxNode attr, String text) {
        if (attr.isMissing() || attr.hasError()) {
            return AttrKey.INCOMPLETE;
        }
        return switch (attr.type()) {
            case "identifier" -> AttrKey.of(attr.text(text));
            case "string_expression" -> StaticStrings.plain(attr, text);
            // ${e} names the attribute e evaluates to; Nix fixes it at parse time when e is a constant string
            case "interpolation" -> StaticStrings.valueOf(attr.child("expression").orElse(null), text);
            default -> AttrKey.INCOMPLETE;
        };
    }

    /** How Nix prints an attribute name in messages: bare when it reads as an identifier, else quoted. */
    static String display(String name) {
        if (isPlainIdentifier(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append("\\$");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPlainIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (!(first == '_' || first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c == '\'' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return switch (name) {
            case "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or" -> false;
            default -> true;
        };
    }
}
