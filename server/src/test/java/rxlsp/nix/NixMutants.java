package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded token-level mutations of Nix source for the differential fuzzer: a file is cut into tokens
 * with the whitespace and comments before each, then tokens are deleted, inserted, replaced, swapped
 * with their neighbour, glued to the token before (the whitespace between them removed), or get an
 * escape, quote or interpolation put inside (a string literal) or glued to their end. Inserted
 * tokens come from the same file or from a list of tokens at the edges of Nix's lexer. The tokenizer
 * is a rough one of its own, independent of the parser under test: it only chooses where to cut.
 */
final class NixMutants {
    /** Tokens that sit on the edges of Nix's lexer and grammar, inserted besides the file's own. */
    private static final List<String> EDGE_TOKENS = List.of(
            "//", "/", ";", ",", ":", "@", ".", "...", "=", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "->",
            "++", "+", "-", "*", "!", "?", "{", "}", "[", "]", "(", ")", "${", "\"", "''", "'", "$", "\\", "#", "\r",
            "\n", "\r\n", "\t", "/*", "*/", "~/", "~/a", "./a/", "./a//b", "a/b", "/a", "<nixpkgs>", "http://x.y/z",
            "9223372036854775807", "9223372036854775808", "1.0e999", "1.0e-400", "2.5e-308", "1.", ".5", "0.1e2",
            "rec", "let", "in", "or", "inherit", "with", "assert", "if", "then", "else", "__curPos", "x'",
            "{ }", "{ , }", "{ ... }", "''${", "'''", "''\\", "\"${", "$${");
    /** What is inserted inside a string literal: its escapes, interpolation and quote characters. */
    private static final List<String> STRING_EDGES = List.of("${", "}", "$", "$$", "$${", "\\", "\\$", "\\\"", "\"", "'", "''",
            "'''", "''$", "''\\", "''\\n", "\r", "\n", "\t", " ", "${x}");
    /** Tokens other than strings and comments, which {@link #tokens} scans by hand (they may be long). */
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "[a-zA-Z][a-zA-Z0-9+\\-.]*:[a-zA-Z0-9%/?:@&=+$,\\-_.!~*']+", // URI
            "<[a-zA-Z0-9._\\-+]+(?:/[a-zA-Z0-9._\\-+]+)*>",           // <path>
            "~?[a-zA-Z0-9._\\-+]*(?:/[a-zA-Z0-9._\\-+]+)+/?",         // path
            "(?:[1-9][0-9]*\\.[0-9]*|0?\\.[0-9]+)(?:[Ee][+-]?[0-9]+)?", // float
            "[0-9]+",
            "[a-zA-Z_][a-zA-Z0-9_'\\-]*",
            "\\.\\.\\.|\\$\\{|==|!=|<=|>=|&&|\\|\\||->|//|\\+\\+",
            "[\\s\\S]"));

    /** A token and the whitespace and comments before it. */
    record Token(String before, String text) {
    }

    /** One mutant: its text and what was done, for the report. */
    record Mutant(String origin, String text, String operations) {
    }

    private NixMutants() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            int start = at;
            at = skipSpace(text, at);
            String before = text.substring(start, at);
            if (at == text.length()) {
                out.add(new Token(before, ""));
                break;
            }
            int end;
            if (text.startsWith("''", at)) {
                end = indentedStringEnd(text, at + 2);
            } else if (text.charAt(at) == '"') {
                end = stringEnd(text, at + 1);
            } else {
                token.region(at, text.length()).lookingAt();
                end = token.end();
            }
            out.add(new Token(before, text.substring(at, end)));
            at = end;
        }
        return out;
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                at++;
            } else if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++;
                }
            } else if (text.startsWith("/*", at) && text.indexOf("*/", at + 2) >= 0) {
                at = text.indexOf("*/", at + 2) + 2;
            } else {
                return at;
            }
        }
        return at;
    }

    private static int stringEnd(String text, int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '"') {
                return at + 1;
            } else {
                at++;
            }
        }
        return text.length();
    }

    private static int indentedStringEnd(String text, int at) {
        while (at < text.length()) {
            if (!text.startsWith("''", at)) {
                at++;
            } else if (text.startsWith("'''", at) || text.startsWith("''$", at)) {
                at += 3;
            } else if (text.startsWith("''\\", at)) {
                at += 4;
            } else {
                return at + 2;
            }
        }
        return text.length();
    }

    static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokens) {
            out.append(t.before()).append(t.text());
        }
        return out.toString();
    }

    /** One mutant of {@code source} (named {@code origin}) with one to three mutations. */
    static Mutant mutate(String origin, String source, Random random) {
        List<Token> tokens = new ArrayList<>(tokens(source));
        int count = random.nextInt(100) < 60 ? 1 : random.nextInt(100) < 60 ? 2 : 3;
        List<String> done = new ArrayList<>();
        for (int m = 0; m < count && !tokens.isEmpty(); m++) {
            int i = random.nextInt(tokens.size());
            Token t = tokens.get(i);
            switch (random.nextInt(6)) {
                case 0 -> {
                    tokens.set(i, new Token(t.before(), ""));
                    done.add("delete " + show(t.text()) + " @" + i);
                }
                case 1 -> {
                    String x = pick(tokens, random);
                    boolean glueBefore = random.nextBoolean();
                    boolean glueAfter = random.nextBoolean();
                    tokens.set(i, new Token(glueAfter ? "" : t.before().isEmpty() ? " " : t.before(), t.text()));
                    tokens.add(i, new Token(glueBefore ? "" : " ", x));
                    done.add("insert " + show(x) + " @" + i + (glueBefore ? " glued before" : "") + (glueAfter ? " glued after" : ""));
                }
                case 2 -> {
                    String x = pick(tokens, random);
                    tokens.set(i, new Token(t.before(), x));
                    done.add("replace " + show(t.text()) + " @" + i + " by " + show(x));
                }
                case 3 -> {
                    if (i + 1 < tokens.size()) {
                        Token u = tokens.get(i + 1);
                        tokens.set(i, new Token(t.before(), u.text()));
                        tokens.set(i + 1, new Token(u.before(), t.text()));
                        done.add("swap " + show(t.text()) + " " + show(u.text()) + " @" + i);
                    }
                }
                case 4 -> {
                    tokens.set(i, new Token("", t.text()));
                    done.add("glue " + show(t.text()) + " @" + i);
                }
                default -> {
                    // inside a string literal, where its own lexer rules apply; elsewhere a glued token
                    boolean string = t.text().length() >= 2 && (t.text().startsWith("\"") || t.text().startsWith("''"));
                    String x = string ? STRING_EDGES.get(random.nextInt(STRING_EDGES.size())) : pick(tokens, random);
                    int at = string ? 1 + random.nextInt(t.text().length() - 1) : t.text().length();
                    tokens.set(i, new Token(t.before(), t.text().substring(0, at) + x + t.text().substring(at)));
                    done.add("insert " + show(x) + " into " + show(t.text().length() > 30 ? t.text().substring(0, 30) + "…" : t.text())
                            + " at " + at + " @" + i);
                }
            }
        }
        return new Mutant(origin, render(tokens), String.join(", ", done));
    }

    private static String pick(List<Token> tokens, Random random) {
        if (random.nextBoolean()) {
            return EDGE_TOKENS.get(random.nextInt(EDGE_TOKENS.size()));
        }
        for (int tries = 0; tries < 10; tries++) {
            String t = tokens.get(random.nextInt(tokens.size())).text();
            if (!t.isEmpty() && t.length() < 200) {
                return t;
            }
        }
        return ";";
    }

    /** A text as a Java-like literal, so that control characters show in reports. */
    static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
