package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The verbs of a {@code fmt.printf} format string and the argument type each one demands, as mgmt's
 * printf infers them: {@code %s %q} str, {@code %d} int, {@code %f} float, {@code %t} bool,
 * {@code %v %T} anything; {@code %%} is a literal percent sign.
 */
final class FormatVerbs {
    private FormatVerbs() {
    }

    /**
     * The demanded types in order ({@code null} entries: any type), or {@code null} when the format uses a
     * verb rx-lsp does not know, in which case nothing is checked.
     */
    static List<Type> of(String format) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            int j = i + 1;
            while (j < format.length() && "+-# 0123456789.".indexOf(format.charAt(j)) >= 0) {
                j++;
            }
            if (j >= format.length()) {
                return null;
            }
            char verb = format.charAt(j);
            switch (verb) {
                case '%' -> {
                    if (j != i + 1) {
                        return null;
                    }
                }
                case 's', 'q' -> out.add(Type.Prim.STR);
                case 'd' -> out.add(Type.Prim.INT);
                case 'f' -> out.add(Type.Prim.FLOAT);
                case 't' -> out.add(Type.Prim.BOOL);
                case 'v', 'T' -> out.add(null);
                default -> {
                    return null;
                }
            }
            i = j;
        }
        return out;
    }
}
