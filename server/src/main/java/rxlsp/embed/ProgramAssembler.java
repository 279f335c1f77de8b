package rxlsp.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * Builds {@code main.mcl} the way rx.nix's renderer does: header, the sorted unique imports with
 * {@code deploy}, the sorted vars as {@code $name = <trimmed value>}, the raw blocks in merge order
 * (each ending in a line feed, then a blank line unless it already ends in two), then {@code rx.res}.
 * The module system's merge comes first ({@link Merge}): over the configuration's modules in merge
 * order ({@link ConfigurationLoader}), definitions under a false {@code mkIf} are dropped, only those
 * with the lowest override number are kept, and lists are concatenated sorted by order, stably.
 */
public final class ProgramAssembler {
    static final String HEADER = "# Generated MCL for host \"main\"\n\n";
    private static final Pattern MCL_VAR_NAME = Pattern.compile("[a-z]([a-z0-9_]*[a-z0-9])?");

    private final FragmentReader reader;
    private final StringBuilder text = new StringBuilder();
    private final List<SourceMap.Piece> pieces = new ArrayList<>();
    private final List<TextRange> holes = new ArrayList<>();
    private final List<FragmentText> fragments = new ArrayList<>();
    private final List<FileDiagnostic> problems = new ArrayList<>();
    private boolean complete = true;

    private ProgramAssembler(FragmentReader reader) {
        this.reader = reader;
    }

    public static AssembledProgram assemble(Configuration cfg, FragmentReader reader) {
        return assemble(cfg, reader, NixVersion.CURRENT);
    }

    /** @param nix the Nix that writes the renderer's input (its float format shows in the program) */
    public static AssembledProgram assemble(Configuration cfg, FragmentReader reader, NixVersion nix) {
        List<ModuleNode> order = cfg.order();
        ProgramAssembler a = new ProgramAssembler(reader);
        a.text.append(HEADER);
        a.imports(listMerge(order, FragmentRole.IMPORT, "rx.mcl.imports"));
        a.vars(order);
        a.raw(listMerge(order, FragmentRole.RAW, "rx.mcl.raw"));
        new ResRenderer(a.text, a.pieces, a.holes, reader, a.problems, nix).render(order);
        a.problems.addAll(ResDefinitionChecks.check(order, ResSchema.builtIn(), reader));
        String rendered = a.text.toString();
        return new AssembledProgram(rendered, HolePlaceholders.apply(rendered, a.holes),
                new SourceMap(a.pieces), a.holes, a.complete, a.fragments, a.problems);
    }

    /** A site with the module it is written in. */
    record Located(FragmentSite site, ModuleScan module) {
    }

    /** The sites of one role, module by module in merge order. */
    private static List<Located> sites(List<ModuleNode> order, FragmentRole role) {
        List<Located> out = new ArrayList<>();
        for (ModuleNode n : order) {
            for (FragmentSite s : n.scan().sites()) {
                if (s.role() == role && s.unit() == n.unit()) {
                    out.add(new Located(s, n.scan()));
                }
            }
        }
        return out;
    }

    /** Every definition of an option, module by module in merge order (also those without elements). */
    private static List<MergeLevel> definitions(List<ModuleNode> order, String option) {
        List<MergeLevel> out = new ArrayList<>();
        for (ModuleNode n : order) {
            for (OptionDefinition d : n.scan().definitions()) {
                if (d.unit() == n.unit() && d.option().equals(option) && d.instance() == null) {
                    out.add(d.level());
                }
            }
        }
        return out;
    }

    /**
     * A list option's elements as the module system merges them: the kept definitions (the option's
     * default {@code [ ]} competes at {@link MergeLevel#OPTION_DEFAULT}) sorted by order, each one's
     * elements whose own condition holds.
     */
    private static List<Located> listMerge(List<ModuleNode> order, FragmentRole role, String option) {
        return Merge.OPTIMISTIC.survivors(sites(order, role), d -> d.site().levels().get(0), definitions(order, option),
                MergeLevel.OPTION_DEFAULT).stream().filter(d -> Merge.OPTIMISTIC.present(d.site().levels().get(1))).toList();
    }

    // ---- imports

    private void imports(List<Located> defs) {
        Map<String, Located> byName = new TreeMap<>(ByteOrder.UTF8);
        byName.put("deploy", null);
        for (Located d : defs) {
            Optional<FragmentText> t = reader.read(d.site(), d.module(), problems);
            if (t.isEmpty()) {
                complete = false;
                continue;
            }
            String name = t.get().value();
            if (byName.containsKey(name)) {
                String why = name.equals("deploy")
                        ? "rx.nix always imports \"deploy\"; this entry is dropped"
                        : "\"" + name + "\" is already imported; rx.nix keeps one";
                problems.add(warning(d, d.site().expression().range(), DiagnosticCodes.RX_DUPLICATE_IMPORT, why));
                continue;
            }
            byName.put(name, d);
        }
        for (Map.Entry<String, Located> e : byName.entrySet()) {
            text.append("import ");
            Located d = e.getValue();
            int start = text.length();
            text.append(GoFormat.quote(e.getKey()));
            if (d != null) {
                pieces.add(new SourceMap.Piece(start, text.length(), null, 0,
                        new SourceLocation(d.module().file(), d.site().expression().range())));
            }
            text.append('\n');
        }
        text.append('\n');
    }

    // ---- vars

    /**
     * {@code rx.mcl.vars} ({@code attrsOf str}, default {@code { }}): its kept definitions, then per
     * name the kept definitions of that var.
     */
    private void vars(List<ModuleNode> order) {
        List<MergeLevel> options = definitions(order, "rx.mcl.vars");
        int best = Merge.OPTIMISTIC.best(options, MergeLevel.OPTION_DEFAULT);
        Map<String, List<Located>> byName = new TreeMap<>(ByteOrder.UTF8);
        for (Located d : sites(order, FragmentRole.VAR)) {
            if (Merge.OPTIMISTIC.kept(d.site().levels().get(0), best)) {
                byName.computeIfAbsent(d.site().name(), k -> new ArrayList<>()).add(d);
            }
        }
        if (order.stream().anyMatch(n -> n.scan().definitions().stream().anyMatch(o -> o.unit() == n.unit()
                && o.option().equals("rx.mcl.vars") && o.opaque() && Merge.OPTIMISTIC.kept(o.level(), best)))) {
            complete = false; // vars only Nix can list: the program may define names not seen here
        }
        List<Map.Entry<String, List<Located>>> kept = new ArrayList<>();
        for (Map.Entry<String, List<Located>> e : byName.entrySet()) {
            List<Located> survivors = Merge.OPTIMISTIC.survivors(e.getValue(), d -> d.site().levels().get(1), List.of(),
                    MergeLevel.NEVER);
            if (!survivors.isEmpty()) {
                kept.add(Map.entry(e.getKey(), survivors));
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Located>> e : kept) {
            Located d = e.getValue().get(0);
            String name = e.getKey();
            if (!MCL_VAR_NAME.matcher(name).matches()) {
                for (Located each : e.getValue()) { // wherever the name is written
                    problems.add(new FileDiagnostic(each.module().file(), new Diagnostic(each.site().nameRange(),
                            Severity.ERROR, "rx", "syntax", DiagnosticCodes.RX_INVALID_VAR_NAME,
                            "`" + name + "` is not an MCL variable name: rx.nix writes `$" + name
                                    + "`, which mgmt cannot parse (use lower-case letters, digits and `_`)",
                            List.of())));
                }
            }
            int lineStart = text.length();
            text.append('$').append(name);
            pieces.add(new SourceMap.Piece(lineStart, text.length(), null, 0,
                    new SourceLocation(d.module().file(), d.site().nameRange())));
            text.append(" = ");
            Optional<FragmentText> value = reader.read(d.site(), d.module(), problems);
            if (value.isPresent()) {
                conflicts(e.getValue(), value.get().value());
                copyTrimmed(value.get());
            } else {
                hole(d);
            }
            text.append('\n');
        }
        text.append('\n');
    }

    private void conflicts(List<Located> kept, String first) {
        Located firstDefinition = kept.get(0);
        for (Located other : kept.subList(1, kept.size())) {
            Optional<FragmentText> t = reader.read(other.site(), other.module(), new ArrayList<>());
            if (t.isPresent() && !t.get().value().equals(first)) {
                boolean sameFile = firstDefinition.module().file().equals(other.module().file());
                problems.add(new FileDiagnostic(other.module().file(), new Diagnostic(other.site().nameRange(),
                        Severity.ERROR, "rx", "syntax", DiagnosticCodes.RX_CONFLICTING_DEFINITIONS,
                        "`rx.mcl.vars." + other.site().name() + "` is defined with different values in "
                                + "several modules; the NixOS module system rejects this",
                        List.of(new Diagnostic.Related(firstDefinition.site().nameRange(), "also defined here",
                                sameFile ? null : firstDefinition.module().file())))));
            }
        }
    }

    private void copyTrimmed(FragmentText t) {
        String v = t.value();
        int from = 0;
        int to = v.length();
        while (from < to && GoSpace.isSpace(v.codePointAt(from))) {
            from += Character.charCount(v.codePointAt(from));
        }
        while (to > from && GoSpace.isSpace(v.codePointBefore(to))) {
            to -= Character.charCount(v.codePointBefore(to));
        }
        copy(t, from, to);
    }

    /** Appends {@code [from, to)} of a fragment as copied text. */
    private void copy(FragmentText t, int from, int to) {
        int start = text.length();
        text.append(t.value(), from, to);
        pieces.add(new SourceMap.Piece(start, text.length(), t, from, null));
        for (TextRange h : t.holes()) {
            if (h.start() >= from && h.end() <= to) {
                holes.add(new TextRange(start + h.start() - from, start + h.end() - from));
            }
        }
        if (!fragments.contains(t)) {
            fragments.add(t);
        }
    }

    /** A value that needs Nix evaluation: printed as its source, known to be unknown. */
    private void hole(Located d) {
        complete = false;
        String source = d.site().expression().text(d.module().text());
        int start = text.length();
        text.append("${").append(source).append('}');
        holes.add(new TextRange(start, text.length()));
        pieces.add(new SourceMap.Piece(start, text.length(), null, 0,
                new SourceLocation(d.module().file(), d.site().expression().range())));
    }

    // ---- raw blocks

    private void raw(List<Located> defs) {
        for (Located d : defs) {
            Optional<FragmentText> t = reader.read(d.site(), d.module(), problems);
            String block;
            if (t.isPresent()) {
                copy(t.get(), 0, t.get().value().length());
                block = t.get().value();
            } else {
                hole(d);
                block = "";
            }
            if (!block.endsWith("\n")) {
                text.append('\n');
            }
            if (!(block + (block.endsWith("\n") ? "" : "\n")).endsWith("\n\n")) {
                text.append('\n');
            }
        }
    }

    private static FileDiagnostic warning(Located d, TextRange range, String code, String message) {
        return new FileDiagnostic(d.module().file(),
                new Diagnostic(range, Severity.WARNING, "rx", "syntax", code, message, List.of()));
    }
}
