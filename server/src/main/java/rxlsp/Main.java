package rxlsp;

/** Entry point; replaced by the real command line below. */
public final class Main {
    public static void main(String[] args) throws Exception {
        try (var p = new rxlsp.nix.NixParser()) {
            for (String a : args) {
                var t = p.parse(a);
                System.out.println(a.replace("\n", "\\n"));
                for (var d : rxlsp.features.Diagnostics.ofNix(t)) {
                    System.out.println("   " + d.range() + " " + d.code() + ": " + d.message());
                }
            }
        }
    }
}
