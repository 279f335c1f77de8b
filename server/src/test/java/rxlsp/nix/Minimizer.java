package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a text that shows a property (a disagreement with Nix) to a small one that still shows it,
 * by removing chunks, as in delta debugging: whole lines first, then tokens, then characters, halving the chunk
 * size when no chunk of the current size can go.
 */
final class Minimizer {
    /** At most this many property checks per text: each costs a parse by rx-lsp and by Nix. */
    private static final int BUDGET = 2_000;

    private Minimizer() {
    }

    static String minimise(String text, Predicate<String> property) {
        int[] budget = {BUDGET};
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)")));
        lines = shrink(lines, units -> String.join("", units), property, budget);
        // then tokens with the whitespace before them, then characters
        List<String> tokens = new ArrayList<>();
        for (NixMutants.Token t : NixMutants.tokens(String.join("", lines))) {
            tokens.add(t.before() + t.text());
        }
        tokens = shrink(tokens, units -> String.join("", units), property, budget);
        List<String> chars = new ArrayList<>();
        String joined = String.join("", tokens);
        joined.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        return String.join("", shrink(chars, units -> String.join("", units), property, budget));
    }

    private static List<String> shrink(List<String> units, java.util.function.Function<List<String>, String> join,
            Predicate<String> property, int[] budget) {
        int chunk = Math.max(1, units.size() / 2);
        while (chunk >= 1 && budget[0] > 0) {
            boolean removed = false;
            for (int from = 0; from < units.size() && budget[0] > 0; ) {
                List<String> candidate = new ArrayList<>(units.subList(0, from));
                candidate.addAll(units.subList(Math.min(units.size(), from + chunk), units.size()));
                budget[0]--;
                if (candidate.size() < units.size() && property.test(join.apply(candidate))) {
                    units = candidate;
                    removed = true;
                } else {
                    from += chunk;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return units;
    }
}
