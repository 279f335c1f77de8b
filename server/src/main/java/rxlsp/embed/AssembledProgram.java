package rxlsp.embed;

import java.util.List;
import rxlsp.text.TextRange;

/**
 * The {@code main.mcl} rx.nix would write for a configuration, and how to read it.
 *
 * @param text         the program as rx.nix renders it; a Nix interpolation or a value that needs
 *                     evaluation is printed as its Nix source {@code ${…}}
 * @param analysisText the same text with every such hole replaced by MCL of the same length that
 *                     stands for an unknown value (see {@link HolePlaceholders})
 * @param holes        where the holes are, in both texts
 * @param complete     false when some part of the program is only known after evaluating Nix
 *                     (an opaque list element, a missing file): name checks must then hold back
 * @param fragments    the MCL texts the program is made of, in program order
 * @param problems     what assembling found wrong in the Nix (conflicts, rx.nix rendering hazards)
 */
public record AssembledProgram(String text, String analysisText, SourceMap map, List<TextRange> holes,
                               boolean complete, List<FragmentText> fragments, List<FileDiagnostic> problems) {
    public AssembledProgram {
        holes = List.copyOf(holes);
        fragments = List.copyOf(fragments);
        problems = List.copyOf(problems);
    }
}
