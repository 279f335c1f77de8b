package rxlsp.embed;

import java.util.List;
import rxlsp.text.DiagnosticCodes;

/**
 * What rx.nix's rendering of an {@code rx.res} value does that mgmt will not accept. Warnings, since
 * the Nix is valid and the failure only shows when mgmt reads the program.
 */
final class ResHazards {
    private ResHazards() {
    }

    static void number(double value, NixValue v, ResMerge.Def d, List<FileDiagnostic> problems) {
        String rendered = GoFormat.floatV(value);
        if (rendered.contains("e")) {
            problems.add(ResRenderer.warning(d, v.node().range(), DiagnosticCodes.RX_EXPONENT_NUMBER,
                    "rx.nix renders this number as `" + rendered + "`, which is not an MCL number "
                            + "(MCL has no exponent form); set this field in rx.mcl.raw instead"));
        }
    }

    static void string(FragmentReader.StringValue decoded, NixValue v, ResMerge.Def d, List<FileDiagnostic> problems) {
        String known = withoutHoles(decoded);
        if (GoFormat.hasNumericEscape(known)) {
            problems.add(ResRenderer.warning(d, v.node().range(), DiagnosticCodes.RX_GO_ESCAPE,
                    "rx.nix quotes a character of this string with a Go escape (`\\x`, `\\u`), which MCL "
                            + "strings do not accept"));
        }
        if (known.contains("${")) {
            problems.add(ResRenderer.warning(d, v.node().range(), DiagnosticCodes.RX_RES_INTERPOLATION,
                    "rx.nix does not escape `${` in rx.res strings: mgmt will read it as an MCL interpolation"));
        }
    }

    private static String withoutHoles(FragmentReader.StringValue decoded) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (var h : decoded.holes()) {
            b.append(decoded.value(), at, h.start()).append(' '); // a hole is unknown text: neither an escape nor `${`
            at = h.end();
        }
        return b.append(decoded.value().substring(at)).toString();
    }

    static void attrs(NixValue.Attrs a, ResMerge.Def d, List<FileDiagnostic> problems) {
        problems.add(ResRenderer.warning(d, a.node().range(), DiagnosticCodes.RX_MAP_VALUE,
                "rx.nix renders an attribute set as `{ key: value, }`, which is not MCL (maps are written "
                        + "`{\"key\" => value}`); set this field in rx.mcl.raw instead"));
    }
}
