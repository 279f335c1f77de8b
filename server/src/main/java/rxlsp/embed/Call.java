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

    /** The value a module-system wrapper or a conditional passes through, with its priorities. */
    record Unwrapped(SyntaxNode value, Priority priority) {
    }

    Optional<Unwrapped> unwrap(Priority p) {
        SyntaxNode last = args.isEmpty() ? null : args.get(args.size() - 1);
        Priority q = switch (function) {
            case "mkIf", "optionalAttrs", "optionalString" -> args.size() == 2 ? p : null;
            case "mkDefault" -> args.size() == 1 ? p.withOverride(1000) : null;
            case "mkForce" -> args.size() == 1 ? p.withOverride(50) : null;
            case "mkOptionDefault" -> args.size() == 1 ? p.withOverride(1500) : null;
            case "mkOverride" -> args.size() == 2 ? intArg(0).map(p::withOverride).orElse(null) : null;
            case "mkBefore" -> args.size() == 1 ? p.withOrder(500) : null;
            case "mkAfter" -> args.size() == 1 ? p.withOrder(1500) : null;
            case "mkOrder" -> args.size() == 2 ? intArg(0).map(p::withOrder).orElse(null) : null;
            default -> null;
        };
        return q == null ? Optional.empty() : Optional.of(new Unwrapped(last, q));
    }

    private Optional<Integer> intArg(int i) {
        SyntaxNode a = args.get(i);
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
