package rxlsp.nix;

/** Generated Nix sources for tests that need size. */
final class NixSamples {
    private NixSamples() {
    }

    /**
     * A NixOS-module-like file of {@code blocks} functions of 20 lines each, using every kind of scope
     * (formals with defaults and {@code @}, {@code let}, {@code inherit}, {@code rec}, interpolation,
     * lambdas) without {@code with}, so that every variable is really looked up. Each block holds
     * exactly one undefined variable, {@code missingN}.
     */
    static String largeModule(int blocks) {
        StringBuilder out = new StringBuilder(blocks * 700);
        out.append("{ lib, pkgs, config, ... }:\n");
        out.append("let\n");
        out.append("  helpers = rec {\n");
        out.append("    double = x: x * 2;\n");
        out.append("    greet = name: \"hello ${name}\";\n");
        out.append("    both = a: b: [ (double a) (greet b) ];\n");
        out.append("  };\n");
        for (int i = 0; i < blocks; i++) {
            out.append("  block").append(i).append(" = { a, b ? a, c ? { }, ... }@args:\n");
            out.append("    let\n");
            out.append("      inherit (helpers) double greet;\n");
            out.append("      sum = a + b;\n");
            out.append("      nested = rec { x = sum; y = x + 1; z.w = y; };\n");
            out.append("    in {\n");
            out.append("      name = \"block-").append(i).append("\";\n");
            out.append("      value = double nested.y;\n");
            out.append("      text = greet \"n${toString sum}\";\n");
            out.append("      script = ''\n");
            out.append("        echo ${toString sum} ''${mcl} > /tmp/").append(i).append("\n");
            out.append("        ${lib.concatStringsSep \" \" (map toString [ a b ])}\n");
            out.append("      '';\n");
            out.append("      list = [ a b (args.c or 0) (if a > b then a else b) ];\n");
            out.append("      settings.enable = config.services.x.enable;\n");
            out.append("      settings.package = pkgs.hello;\n");
            out.append("      more = builtins.map (n: n + sum) [ 1 2 3 ];\n");
            out.append("      prev = ").append(i == 0 ? "null" : "block" + (i - 1)).append(";\n");
            out.append("      broken = missing").append(i).append(";\n");
            out.append("    };\n");
        }
        out.append("in\n{\n  blocks = [\n");
        for (int i = 0; i < blocks; i++) {
            out.append("    block").append(i).append('\n');
        }
        out.append("  ];\n}\n");
        return out.toString();
    }
}
