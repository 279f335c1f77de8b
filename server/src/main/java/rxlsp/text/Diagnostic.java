package rxlsp.text;

import java.util.Comparator;
import java.util.List;

/**
 * One finding about a text, independent of LSP.
 *
 * @param range   where, in offsets of the text it was found in
 * @param source  the language or layer that found it: {@code nix}, {@code mcl} or {@code rx}
 * @param stage   the analysis stage: {@code syntax}, {@code init}, {@code interpolate}, {@code scope}, {@code type}
 * @param code    a stable identifier users can filter on, e.g. {@code nix-undefined-variable}
 * @param related further places that explain the finding (the first definition of a duplicate, …)
 */
public record Diagnostic(TextRange range, Severity severity, String source, String stage, String code,
                         String message, List<Related> related) {

    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::range)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        related = List.copyOf(related);
    }

    public static Diagnostic error(TextRange range, String source, String stage, String code, String message) {
        return new Diagnostic(range, Severity.ERROR, source, stage, code, message, List.of());
    }

    public Diagnostic withRelated(TextRange where, String note) {
        var all = new java.util.ArrayList<>(related);
        all.add(new Related(where, note));
        return new Diagnostic(range, severity, source, stage, code, message, all);
    }

    /**
     * A secondary location: in the same text, or in another file ({@code file} non-null: a definition
     * in another module, the other side of a type conflict in another fragment).
     */
    public record Related(TextRange range, String message, java.nio.file.Path file) {
        /** A place in the same text as the diagnostic. */
        public Related(TextRange range, String message) {
            this(range, message, null);
        }
    }

    /** The same finding at another place, with other related places (after mapping between texts). */
    public Diagnostic relocated(TextRange newRange, List<Related> newRelated) {
        return new Diagnostic(newRange, severity, source, stage, code, message, newRelated);
    }
}
