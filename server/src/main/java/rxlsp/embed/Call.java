package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.nix.SyntaxNode;

/**
 * A Nix function application read by name: {@code lib.mkIf c x} is function {@code mkIf} with
 * arguments {@code c} and {@code x}. Only the last name of a select counts, so {@code lib.mkIf},
 * {@code lib.modules.mkIf} and a bare {@code mkIf} (from {@code with lib;}) read the same.
 */
record Call(String function, List<SyntaxNode> args, String text) {

    static Call of(SyntaxNode apply, String text) {
        List<SyntaxNode> args = new ArrayList<>();
        SyntaxNode f = apply;
        while (f != null && (f.is("apply_expression") || f.is("parenthesized_expression"))) {
            if (f.is("apply_expression")) {
                f.child("argument").ifPresent(a -> args.add(0, a));
                f = f.child("function").orElse(null);
            } else {
                f = f.child("expression").orElse(null);
            }
        }
        return new Call(nameOf(f, text), List.copyOf(args), text);
    }

    private static String nameOf(SyntaxNode f, String text) {
        if (f == null) {
            return "";
        }
        if (f.is("variable_expression")) {
            return f.text(text);
        }
        if (f.is("select_expression") && !f.children().stream().anyMatch(c -> c.is("or"))) {
            List<SyntaxNode> attrs = f.child("attrpath").map(p -> p.children("attr")).orElse(List.of());
            if (!attrs.isEmpty() && attrs.get(attrs.size() - 1).is("identifier")) {
                return attrs.get(attrs.size() - 1).text(text);
            }
        }
        return "";
    }

    /** What a module-system function does to the definition it wraps. */
    enum Effect { CONDITION, OVERRIDE, ORDER, MERGE }

    /**
     * A module-system wrapper around {@code value}: a condition ({@code mkIf c}), an override or order
     * priority, or {@code mkMerge} (whose {@code value} is the list of definitions).
     */
    record Wrapper(Effect effect, int priority, SyntaxNode condition, SyntaxNode value) {
    }

    Optional<Wrapper> wrapper() {
        SyntaxNode last = args.isEmpty() ? null : args.get(args.size() - 1);
        return Optional.ofNullable(switch (function) {
            case "mkIf" -> args.size() == 2 ? new Wrapper(Effect.CONDITION, 0, args.get(0), last) : null;
            case "mkMerge" -> args.size() == 1 ? new Wrapper(Effect.MERGE, 0, null, last) : null;
            case "mkForce" -> fixed(Effect.OVERRIDE, 50, last);
            case "mkVMOverride" -> fixed(Effect.OVERRIDE, 10, last);
            case "mkImageMediaOverride" -> fixed(Effect.OVERRIDE, 60, last);
            case "mkDefault" -> fixed(Effect.OVERRIDE, 1000, last);
            case "mkOptionDefault" -> fixed(Effect.OVERRIDE, MergeLevel.OPTION_DEFAULT, last);
            case "mkOverride" -> numbered(Effect.OVERRIDE, last);
            case "mkBefore" -> fixed(Effect.ORDER, 500, last);
            case "mkAfter" -> fixed(Effect.ORDER, 1500, last);
            case "mkOrder" -> numbered(Effect.ORDER, last);
            default -> null;
        });
    }

    private Wrapper fixed(Effect effect, int priority, SyntaxNode value) {
        return args.size() == 1 ? new Wrapper(effect, priority, null, value) : null;
    }

    private Wrapper numbered(Effect effect, SyntaxNode value) {
        return args.size() == 2 ? intArg(0).map(p -> new Wrapper(effect, p, null, value)).orElse(null) : null;
    }

    private Optional<Integer> intArg(int i) {
        SyntaxNode a = args.get(i);
        while (a.is("parenthesized_expression") && a.child("expression").isPresent()) {
            a = a.child("expression").get();
        }
        if (!a.is("integer_expression")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(a.text(text)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code builtins.readFile ./x.mcl} or {@code lib.fileContents ./x.mcl}: the file, resolved. */
    Optional<Path> readFileTarget(Path nixFile) {
        if (args.size() != 1 || !(function.equals("readFile") || function.equals("fileContents"))) {
            return Optional.empty();
        }
        return PathLiterals.resolve(args.get(0), text, nixFile);
    }
}
