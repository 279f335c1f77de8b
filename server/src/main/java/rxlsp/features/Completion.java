package rxlsp.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FileEdit;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.catalog.MetaParam;
import rxlsp.mcl.catalog.ResourceKind;
import rxlsp.mcl.catalog.ResourceParam;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextEdit;

/**
 * Completion of MCL where it is written (a {@code .mcl} file, a raw block, a var value, a marked
 * string) and of rx.nix's options on the Nix side. The context is read from the text around the
 * cursor, so a half-typed program gets help too; the names come from the kept analysis. Every
 * inserted text replaces the word being typed and is written for the Nix string it lands in (the
 * program's map escapes it), snippets included.
 */
public final class Completion {
    private static final Pattern IMPORT_STRING = Pattern.compile("import\\s+\"([^\"\\n]*)$");
    private static final Pattern ARROW_BEFORE = Pattern.compile("([a-z][a-z0-9_]*)\\s*=>\\s*$");
    private static final Pattern ITEM_NAME = Pattern.compile("(?m)^\\s*([a-z][a-z0-9_]*)\\s*=>");
    private static final Pattern INCLUDE_BEFORE = Pattern.compile("\\binclude\\s+$");
    private static final List<String> STATEMENT_KEYWORDS = List.of("import", "class", "func", "include", "if", "for",
            "forkv", "panic", "collect");
    private static final List<String> EXPRESSION_KEYWORDS = List.of("true", "false", "func", "if", "not", "and", "or", "in");
    private static final List<String> EDGES = List.of("Before", "Depend", "Notify", "Listen");
    /** Text written the same in every Nix string (see {@link Proposals}). */
    private static final Pattern PLAIN_NAME = Pattern.compile("\\$?[A-Za-z0-9_.:]*");
    /** Snippet tabstop markers, private-use characters no Nix string escapes: n is U+E000 + n. */
    private static final char TABSTOP = '\uE000';
    private static final char PLACEHOLDER_END = '\uE0FF';

    private Completion() {
    }

    public enum Kind { VARIABLE, FUNCTION, CLASS, KEYWORD, RESOURCE, PARAMETER, PACKAGE, VALUE, FILE, OPTION, SNIPPET }

    /**
     * One proposal.
     *
     * @param edit       what accepting it does to the document (offsets of the document's text)
     * @param snippet    true when {@code edit}'s text is in LSP snippet syntax
     * @param additional further edits of the same document (an import the proposal needs)
     * @param resolve    what to describe when the client asks for documentation
     */
    public record Item(String label, Kind kind, String detail, String sortText, TextEdit edit, boolean snippet,
                       List<TextEdit> additional, Subject resolve) {
        public Item {
            additional = List.copyOf(additional);
        }
    }

    /** What an item documents, resolved later ({@code completionItem/resolve}). */
    public record Subject(String what, String name) {
        static final String FUNCTION = "function";
        static final String RESOURCE = "resource";
        static final String PARAM = "param";
        static final String META = "meta";
        static final String OPTION = "option";
    }

    /**
     * @param snippets whether the client accepts snippet syntax
     * @param files    lists the {@code .mcl} files and module folders next to a file (for {@code import "…"})
     */
    public record Options(boolean snippets, java.util.function.Function<Path, List<String>> files) {
        public static final Options PLAIN = new Options(false, p -> List.of());
    }

    public static List<Item> at(Cursor cursor, Options options) {
        if (cursor.mcl().isPresent() && !cursor.mcl().get().generated()) {
            return mcl(cursor, cursor.mcl().get(), options);
        }
        return NixOptionCompletion.at(cursor);
    }

    /** Items a response carries at most; with more, the list is marked incomplete and asked for again as the user types. */
    public static final int MAX_ITEMS = 200;

    /** The items one response carries, and whether there were more. */
    public record Page(List<Item> items, boolean incomplete) {
    }

    /**
     * At most {@link #MAX_ITEMS} of {@code items}: those whose label holds the characters typed so far
     * (the text from the start of an item's edit to the cursor) in order, as editors filter, best
     * first by sort text. After a bare {@code $} every constant of mgmt's catalogue is a candidate
     * (two thousand items, a response of hundreds of kilobytes per keystroke); the next keystroke
     * narrows them.
     */
    public static Page page(List<Item> items, String text, int offset) {
        if (items.size() <= MAX_ITEMS) {
            return new Page(items, false);
        }
        List<Item> matching = new java.util.ArrayList<>();
        for (Item item : items) {
            int start = item.edit().start();
            String typed = start <= offset && offset <= text.length() ? text.substring(start, offset) : "";
            if (inOrder(typed, item.label())) {
                matching.add(item);
            }
        }
        matching.sort(java.util.Comparator.comparing(Item::sortText, java.util.Comparator.nullsLast(String::compareTo)));
        return new Page(List.copyOf(matching.subList(0, Math.min(MAX_ITEMS, matching.size()))), true);
    }

    /** Whether {@code label} holds the characters of {@code typed} in order, ignoring case. */
    static boolean inOrder(String typed, String label) {
        int at = 0;
        for (int i = 0; i < typed.length(); i++) {
            int found = indexIgnoringCase(label, typed.charAt(i), at);
            if (found < 0) {
                return false;
            }
            at = found + 1;
        }
        return true;
    }

    private static int indexIgnoringCase(String s, char c, int from) {
        char lower = Character.toLowerCase(c);
        for (int i = from; i < s.length(); i++) {
            if (Character.toLowerCase(s.charAt(i)) == lower) {
                return i;
            }
        }
        return -1;
    }

    /** The documentation of an item's subject. */
    public static Optional<Markup> resolve(Subject subject, Catalog catalog) {
        String name = subject.name();
        return switch (subject.what()) {
            case Subject.FUNCTION -> catalog.function(name).map(f -> {
                Markup.Builder b = Markup.builder().code("mcl", MclDescriptions.callSignature(f)).text(f.description());
                if (!f.pkg().isEmpty()) {
                    b.text("from package `" + f.pkg() + "`");
                }
                return b.build();
            });
            case Subject.RESOURCE -> MclDescriptions.resourceKind(catalog, name);
            case Subject.PARAM -> {
                int dot = name.indexOf('.');
                yield dot < 0 ? Optional.empty() : MclDescriptions.resourceParam(catalog, name.substring(0, dot), name.substring(dot + 1));
            }
            case Subject.META -> MclDescriptions.metaParam(catalog, name);
            case Subject.OPTION -> NixOptionCompletion.describe(name);
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------- MCL

    private static List<Item> mcl(Cursor cursor, Cursor.Mcl at, Options options) {
        MclUnit unit = at.unit();
        String text = unit.shown();
        int offset = at.programOffset();
        if (unit.inHole(offset)) {
            return List.of();
        }
        MclTextContext ctx = MclTextContext.at(text, offset);
        Proposals out = new Proposals(cursor.document(), unit, ctx.wordStart(), wordEnd(text, offset), options);
        String lineBefore = text.substring(text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1, offset);
        switch (ctx.state()) {
            case COMMENT -> {
                return List.of();
            }
            case STRING -> {
                Matcher imp = IMPORT_STRING.matcher(lineBefore);
                if (imp.find()) {
                    importPaths(cursor.document(), unit, imp, out, options);
                }
                return out.items();
            }
            case INTERPOLATION -> {
                MclScope scope = MclScope.at(unit, offset, ctx);
                scope.variables().forEach((name, what) -> out.add(name, Kind.VARIABLE, what, name, null));
                return out.items();
            }
            case CODE -> {
            }
        }
        MclScope scope = MclScope.at(unit, offset, ctx);
        if (ctx.variable()) {
            scope.variables().forEach((name, what) -> out.add("$" + name, Kind.VARIABLE, what, "$" + name, null));
            return out.items();
        }
        String kind = ctx.resourceKind(text);
        if (kind != null) {
            resourceBody(unit, text, offset, ctx, kind, lineBefore, scope, out);
            return out.items();
        }
        if (INCLUDE_BEFORE.matcher(text.substring(Math.max(0, ctx.wordStart() - 40), ctx.wordStart())).find()) {
            scope.classes().forEach((name, what) -> out.add(name, Kind.CLASS, what, name, null));
            return out.items();
        }
        if (ctx.word().contains(".")) {
            scope.functions().forEach((name, what) -> {
                if (name.contains(".")) {
                    out.add(name, Kind.FUNCTION, what, name, new Subject(Subject.FUNCTION, qualified(scope, name)));
                }
            });
            notImported(unit, scope, out);
            return out.items();
        }
        boolean statementStart = ctx.lineStart() && (ctx.innermostOpen() < 0 || text.charAt(ctx.innermostOpen()) == '{');
        if (statementStart) {
            for (ResourceKind r : unit.catalog().resources()) {
                if (!r.kind().startsWith("_")) {
                    String insert = options.snippets() ? r.kind() + " \"" + TABSTOP_1 + "name" + PLACEHOLDER_END + "\" {\n\t" + TABSTOP + "\n}"
                            : r.kind();
                    out.add(r.kind(), Kind.RESOURCE, "resource", insert, new Subject(Subject.RESOURCE, r.kind()), options.snippets());
                }
            }
            STATEMENT_KEYWORDS.forEach(k -> out.add(k, Kind.KEYWORD, "keyword", k, null));
        }
        EXPRESSION_KEYWORDS.forEach(k -> out.add(k, Kind.KEYWORD, "keyword", k, null));
        scope.functions().forEach((name, what) -> out.add(name, Kind.FUNCTION, what, name,
                new Subject(Subject.FUNCTION, qualified(scope, name))));
        scope.packages().forEach((alias, path) -> out.add(alias, Kind.PACKAGE, "package " + path, alias, null));
        scope.classes().forEach((name, what) -> out.add(name, Kind.CLASS, what, name, null));
        if (!ctx.word().isEmpty()) {
            notImported(unit, scope, out);
        }
        return out.items();
    }

    private static final char TABSTOP_1 = (char) (TABSTOP + 1);

    /** The end of the word the cursor is in: accepting an item replaces all of it, not just what precedes the cursor. */
    static int wordEnd(String text, int offset) {
        int end = offset;
        while (end < text.length() && MclTextContext.isWordChar(text.charAt(end)) && text.charAt(end) != '.') {
            end++;
        }
        return end;
    }

    /** The catalogue name of a function known in scope as {@code name} (an alias prefix replaced by its package). */
    private static String qualified(MclScope scope, String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return name;
        }
        String path = scope.packages().get(name.substring(0, dot));
        return path == null ? name : path + name.substring(dot);
    }

    /** Items in a resource body: parameters not given yet, {@code Meta:} properties, values after {@code =>}. */
    private static void resourceBody(MclUnit unit, String text, int offset, MclTextContext ctx, String kind,
                                     String lineBefore, MclScope scope, Proposals out) {
        Catalog catalog = unit.catalog();
        Optional<ResourceKind> r = catalog.resource(kind);
        String beforeWord = lineBefore.substring(0, Math.max(0, lineBefore.length() - ctx.word().length()));
        Matcher arrow = ARROW_BEFORE.matcher(beforeWord);
        if (arrow.find()) {
            String param = arrow.group(1);
            ResourceParam p = r.map(k -> k.params().get(param)).orElse(null);
            if (p != null && "bool".equals(p.type())) {
                out.add("true", Kind.VALUE, "bool", "true", null);
                out.add("false", Kind.VALUE, "bool", "false", null);
            }
            String prefix = "const.res." + kind + "." + param + ".";
            catalog.variables().stream().filter(v -> v.qualified().startsWith(prefix))
                    .forEach(v -> out.add("$" + v.qualified(), Kind.VALUE, v.type(), "$" + v.qualified(), null));
            scope.variables().forEach((name, what) -> {
                if (!name.startsWith("const.")) {
                    out.add("$" + name, Kind.VARIABLE, what, "$" + name, null);
                }
            });
            return;
        }
        if (ctx.word().startsWith("Meta:")) {
            for (MetaParam m : catalog.metaParams()) {
                out.add("Meta:" + m.name(), Kind.PARAMETER, m.type(), "Meta:" + m.name() + " => ", new Subject(Subject.META, m.name()));
            }
            return;
        }
        int open = ctx.innermostOpen();
        int close = matchingClose(text, open);
        Set<String> given = new LinkedHashSet<>();
        Matcher m = ITEM_NAME.matcher(text.substring(open + 1, close));
        while (m.find()) {
            if (open + 1 + m.start(1) != ctx.wordStart()) {
                given.add(m.group(1));
            }
        }
        r.ifPresent(k -> k.params().values().forEach(p -> {
            if (!given.contains(p.name()) && p.type() != null) {
                out.add(p.name(), Kind.PARAMETER, p.type(), p.name() + " => ", new Subject(Subject.PARAM, kind + "." + p.name()));
            }
        }));
        out.add("Meta:", Kind.PARAMETER, "meta parameters", "Meta:", null);
        EDGES.forEach(e -> out.add(e, Kind.KEYWORD, "edge", e + " => ", null));
    }

    /** The closing brace of the block opened at {@code open}, or the end of the text (skipping strings and comments). */
    private static int matchingClose(String text, int open) {
        int depth = 0;
        boolean string = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                }
            } else if (c == '"') {
                string = true;
            } else if (c == '#') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Functions of packages the program does not import yet, each with the edit that imports it: an
     * entry of {@code rx.mcl.imports} in the Nix module, or an {@code import} line in a {@code .mcl} file.
     */
    private static void notImported(MclUnit unit, MclScope scope, Proposals out) {
        Set<String> imported = new java.util.HashSet<>(scope.packages().values());
        for (FunctionInfo f : unit.catalog().functions()) {
            if (f.pkg().isEmpty() || f.internal() || imported.contains(f.pkg()) || f.pkg().contains("/")) {
                continue;
            }
            Optional<TextEdit> importEdit = ImportEdits.adding(out.document(), unit, f.pkg());
            if (importEdit.isEmpty()) {
                continue;
            }
            String name = f.pkg() + "." + f.name();
            out.add(name, Kind.FUNCTION, MclDescriptions.callSignature(f) + " (adds import \"" + f.pkg() + "\")", name,
                    new Subject(Subject.FUNCTION, f.qualified()), false, importEdit.get(), "~" + name);
        }
    }

    private static void importPaths(DocumentModel doc, MclUnit unit, Matcher imp, Proposals out, Options options) {
        for (String pkg : unit.catalog().packages()) {
            out.add(pkg, Kind.PACKAGE, "system package", pkg, null);
        }
        if (unit.kind() == MclUnit.Kind.FILE) {
            options.files().apply(doc.path()).forEach(f -> out.add(f, Kind.FILE, f.endsWith("/") ? "module folder" : "MCL file", f, null));
        }
    }

    /** Collects items, each replacing the word being typed; items whose text cannot be written there are left out. */
    private static final class Proposals {
        private final DocumentModel document;
        private final MclUnit unit;
        private final int start;
        private final int end;
        private final Options options;
        private final List<Item> items = new ArrayList<>();
        private final Set<String> labels = new java.util.HashSet<>();
        /** The replaced word's place in the document, when a plain name may be written there as it is. */
        private final TextEdit plainSlot;

        Proposals(DocumentModel document, MclUnit unit, int start, int end, Options options) {
            this.document = document;
            this.unit = unit;
            this.start = start;
            this.end = end;
            this.options = options;
            // a name of letters, digits, `_`, `.`, `:` and a leading `$` needs no escape in either Nix
            // string kind unless a `{` follows it (`${`): then every item goes through the encoder
            boolean braceAfter = end < unit.shown().length() && unit.shown().charAt(end) == '{';
            this.plainSlot = braceAfter ? null : unit.map().toSource(new TextEdit(start, end, "x"))
                    .filter(e -> e.file().equals(document.path()) && e.edit().newText().equals("x"))
                    .map(FileEdit::edit).orElse(null);
        }

        DocumentModel document() {
            return document;
        }

        void add(String label, Kind kind, String detail, String insert, Subject resolve) {
            add(label, kind, detail, insert, resolve, false);
        }

        void add(String label, Kind kind, String detail, String insert, Subject resolve, boolean snippet) {
            add(label, kind, detail, insert, resolve, snippet, null, label);
        }

        void add(String label, Kind kind, String detail, String insert, Subject resolve, boolean snippet,
                 TextEdit additional, String sortText) {
            if (!labels.add(label)) {
                return;
            }
            if (plainSlot != null && !snippet && PLAIN_NAME.matcher(insert).matches()) {
                items.add(new Item(label, kind, detail, sortText, new TextEdit(plainSlot.start(), plainSlot.end(), insert), false,
                        additional == null ? List.of() : List.of(additional), resolve));
                return;
            }
            Optional<FileEdit> edit = unit.map().toSource(new TextEdit(start, end, insert));
            if (edit.isEmpty() || !edit.get().file().equals(document.path())) {
                return;
            }
            TextEdit e = edit.get().edit();
            if (snippet) {
                e = new TextEdit(e.start(), e.end(), snippetText(e.newText()));
            }
            items.add(new Item(label, kind, detail, sortText, e, snippet, additional == null ? List.of() : List.of(additional), resolve));
        }

        List<Item> items() {
            return List.copyOf(items);
        }
    }

    /** Text already written for its Nix string, as LSP snippet syntax: literal {@code $ } \} escaped, markers made tabstops. */
    static String snippetText(String written) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '$' || c == '}' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == PLACEHOLDER_END) {
                out.append('}');
            } else if (c == TABSTOP) {
                out.append("$0");
            } else if (c > TABSTOP && c < PLACEHOLDER_END) {
                out.append("${").append(c - TABSTOP).append(':');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The site an offset of a Nix module is in, when it is one of rx.nix's (for the Nix side). */
    static Optional<FragmentSite> siteAt(DocumentModel doc, int offset, FragmentRole role) {
        if (doc.scan() == null) {
            return Optional.empty();
        }
        for (FragmentSite s : doc.scan().sites()) {
            SyntaxNode e = s.expression();
            if (s.role() == role && e.start() <= offset && offset <= e.end()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
