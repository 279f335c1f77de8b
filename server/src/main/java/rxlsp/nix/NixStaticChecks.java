package rxlsp.nix;

import java.util.List;
import rxlsp.text.Diagnostic;

/** Placeholder until the static checks land. */
public final class NixStaticChecks {
    private NixStaticChecks() {
    }

    public static List<Diagnostic> of(NixSyntaxTree tree) {
        return List.of();
    }
}
