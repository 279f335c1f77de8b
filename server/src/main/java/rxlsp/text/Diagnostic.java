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

    /** Longer messages (quoting a name of megabytes, say) keep their start and end, and say how much was left out. */
    static final int MAX_MESSAGE = 1_000;
    private static final int KEPT_START = 700;
    private static final int KEPT_END = 200;

    public Diagnostic {
        related = List.copyOf(related);
        message = bounded(message);
    }

    static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        int left = message.length() - KEPT_START - KEPT_END;
        return message.substring(0, KEPT_START) + "… (" + left + " characters left out) …"
                + message.substring(message.length() - KEPT_END);
    }

    public static Diagnostic error(TextRange range, String source, String stage, String code, String message) {
        return new Diagnostic(range, Severity.ERROR, source, stage, code, message, List.of());
    }

    /** The same finding in a text where everything moved by {@code by} (a piece parsed on its own). */
    public Diagnostic shifted(int by) {
        return new Diagnostic(range.shifted(by), severity, source, stage, code, message,
                related.stream().map(r -> new Related(r.range().shifted(by), r.message())).toList());
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
