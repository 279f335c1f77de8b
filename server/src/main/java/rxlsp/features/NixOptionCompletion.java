package rxlsp.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ResSchema;
import rxlsp.embed.RxOptions;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextEdit;

/**
 * Completion where rx.nix's options are written in Nix: the next name of an {@code rx.} option path
 * ({@code rx.mcl.raw}, {@code rx.mgmt.package}, …), the kinds after {@code rx.res.}, the fields of a
 * kind inside {@code rx.res.<kind>.<name> = { … }} not given yet, the values mgmt names for a field
 * ({@code state = "exists"}) and the packages in {@code rx.mcl.imports}.
 */
final class NixOptionCompletion {
    /** A dotted attribute path being typed at the end of the text before the cursor, at a binding's start. */
    private static final Pattern TYPED_PATH = Pattern.compile(
            "(?:^|[{;])\\s*((?:(?:[A-Za-z_][A-Za-z0-9_'-]*|\"[^\"\\n]*\")\\.)*)([A-Za-z_][A-Za-z0-9_'-]*)?$");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_'-]*|\"([^\"\\n]*)\"");
    private static final String RX = "rx";
    private static final String RES = "res";

    private NixOptionCompletion() {
    }

    static List<Completion.Item> at(Cursor cursor) {
        DocumentModel doc = cursor.document();
        if (doc.nix() == null) {
            return List.of();
        }
        int offset = cursor.offset();
        String text = doc.text();
        Optional<FragmentSite> imported = Completion.siteAt(doc, offset, FragmentRole.IMPORT);
        if (imported.isPresent() && imported.get().string() != null) {
            return packages(doc, imported.get().string(), offset);
        }
        List<String> enclosing = enclosingPath(cursor);
        Optional<List<Completion.Item>> value = fieldValues(cursor, enclosing);
        if (value.isPresent()) {
            return value.get();
        }
        String before = text.substring(Math.max(0, offset - 400), offset);
        Matcher m = TYPED_PATH.matcher(before);
        if (!m.find()) {
            return List.of();
        }
        List<String> path = new ArrayList<>(enclosing);
        Matcher seg = SEGMENT.matcher(m.group(1));
        while (seg.find()) {
            path.add(seg.group(1) != null ? seg.group(1) : seg.group());
        }
        if (!path.isEmpty() && path.get(0).equals("config")) {
            path.remove(0);
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        int start = offset - prefix.length();
        int end = offset;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_'-".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        int wordEnd = end;
        Map<String, String> names = next(path, cursor);
        List<Completion.Item> out = new ArrayList<>();
        names.forEach((name, type) -> {
            List<String> full = new ArrayList<>(path);
            full.add(name);
            out.add(new Completion.Item(name, Completion.Kind.OPTION, type, name,
                    new TextEdit(start, wordEnd, AttrNames.display(name)), false, List.of(),
                    new Completion.Subject(Completion.Subject.OPTION, String.join("\u0000", full))));
        });
        return out;
    }

    /** The names that may follow {@code path} (an rx option path so far), with their Nix types. */
    private static Map<String, String> next(List<String> path, Cursor cursor) {
        Map<String, String> out = new LinkedHashMap<>();
        if (path.isEmpty()) {
            out.put(RX, "rx.nix options");
            return out;
        }
        if (!path.get(0).equals(RX)) {
            return out;
        }
        if (path.size() == 2 && path.get(1).equals(RES)) {
            ResSchema.builtIn().kinds().forEach((k, kind) -> out.put(k, "mgmt resource " + kind.mgmtName()));
            return out;
        }
        if (path.size() == 4 && path.get(1).equals(RES)) {
            Optional<ResSchema.Kind> kind = ResSchema.builtIn().kind(path.get(2));
            Set<String> given = givenFields(cursor);
            kind.ifPresent(k -> k.fields().forEach((f, t) -> {
                if (!given.contains(f)) {
                    out.put(f, "null or " + t);
                }
            }));
            return out;
        }
        for (RxOptions.Option o : RxOptions.all()) {
            List<String> p = o.path();
            if (p.size() > path.size() && matchesPrefix(p, path) && !p.get(path.size()).equals(RxOptions.ANY_NAME)) {
                out.putIfAbsent(p.get(path.size()), p.size() == path.size() + 1 ? o.type() : "submodule");
            }
        }
        if (path.size() == 1) {
            out.putIfAbsent(RES, "attribute set of resource kinds");
        }
        return out;
    }

    private static boolean matchesPrefix(List<String> option, List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            if (!option.get(i).equals(RxOptions.ANY_NAME) && !option.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The attribute paths of the bindings whose value holds the cursor, outermost first. */
    private static List<String> enclosingPath(Cursor cursor) {
        List<String> out = new ArrayList<>();
        String text = cursor.document().text();
        for (SyntaxNode n : cursor.nixPath()) {
            if (!n.is("binding")) {
                continue;
            }
            Optional<SyntaxNode> attrpath = n.child("attrpath");
            if (attrpath.isEmpty() || attrpath.get().end() >= cursor.offset()) {
                continue; // the cursor is in this binding's name: it is being typed
            }
            for (SyntaxNode attr : attrpath.get().children("attr")) {
                out.add(AttrNames.staticName(attr, text).orElse("?"));
            }
        }
        return out;
    }

    /** The field names already set in the attribute set around the cursor. */
    private static Set<String> givenFields(Cursor cursor) {
        Set<String> out = new LinkedHashSet<>();
        String text = cursor.document().text();
        for (int i = cursor.nixPath().size() - 1; i >= 0; i--) {
            SyntaxNode n = cursor.nixPath().get(i);
            if (n.is("attrset_expression") || n.is("rec_attrset_expression")) {
                for (SyntaxNode set : n.namedChildren()) {
                    for (SyntaxNode b : set.children("binding")) {
                        b.child("attrpath").ifPresent(p -> p.children("attr").stream().findFirst()
                                .flatMap(a -> AttrNames.staticName(a, text)).ifPresent(out::add));
                    }
                }
                return out;
            }
        }
        return out;
    }

    /** Inside the string value of an {@code rx.res} field: the values mgmt names for it. */
    private static Optional<List<Completion.Item>> fieldValues(Cursor cursor, List<String> enclosing) {
        List<String> path = new ArrayList<>(enclosing);
        if (!path.isEmpty() && path.get(0).equals("config")) {
            path.remove(0);
        }
        if (path.size() != 5 || !path.get(0).equals(RX) || !path.get(1).equals(RES)) {
            return Optional.empty();
        }
        SyntaxNode string = null;
        for (SyntaxNode n : cursor.nixPath()) {
            if (n.is("string_expression")) {
                string = n;
            }
        }
        if (string == null) {
            return Optional.empty();
        }
        Optional<ResSchema.Kind> kind = ResSchema.builtIn().kind(path.get(2));
        if (kind.isEmpty()) {
            return Optional.of(List.of());
        }
        String prefix = "const.res." + kind.get().mgmtName() + "." + path.get(4) + ".";
        int start = string.start() + 1;
        List<Completion.Item> out = new ArrayList<>();
        Catalog.builtIn(Dialect.MGMT_1_1).variables().stream().filter(v -> v.qualified().startsWith(prefix)).forEach(v -> {
            String value = v.qualified().substring(prefix.length());
            out.add(new Completion.Item(value, Completion.Kind.VALUE, "value of " + path.get(4), value,
                    new TextEdit(start, cursor.offset(), value), false, List.of(), null));
        });
        return Optional.of(out);
    }

    /** Package names for an element of {@code rx.mcl.imports}. */
    private static List<Completion.Item> packages(DocumentModel doc, SyntaxNode string, int offset) {
        int start = string.start() + 1;
        if (offset < start) {
            return List.of();
        }
        List<Completion.Item> out = new ArrayList<>();
        for (String pkg : Catalog.builtIn(Dialect.MGMT_1_1).packages()) {
            out.add(new Completion.Item(pkg, Completion.Kind.PACKAGE, "system package", pkg,
                    new TextEdit(start, offset, pkg), false, List.of(), null));
        }
        return out;
    }

    /** What an option (path with NUL-separated names) is, for completion's documentation. */
    static Optional<Markup> describe(String joined) {
        List<String> names = List.of(joined.split("\u0000"));
        Optional<RxOptions.Option> o = RxOptions.of(names);
        if (o.isPresent()) {
            return Optional.of(Markup.builder().code("nix", String.join(".", names) + " : " + o.get().type()).text(o.get().description()).build());
        }
        if (names.size() == 3 && names.get(1).equals(RES)) {
            return ResSchema.builtIn().kind(names.get(2)).map(k -> Markup.builder()
                    .text("resources of mgmt's kind `" + k.mgmtName() + "` (" + k.fields().size() + " fields)").build());
        }
        return Optional.empty();
    }
}
