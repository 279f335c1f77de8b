package rxlsp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's options and what a command line gave them. rx-lsp parses its few options itself:
 * picocli, which it used before, is compiled for Java 5, so the JVM's start-up cache cannot hold its
 * classes, and building its model by reflection cost more than the check of a small file.
 *
 * <p>Accepted forms: {@code --name value}, {@code --name=value}, {@code -n value}, {@code -nvalue},
 * flags without a value, {@code --} before positional arguments that start with {@code -}. A lone
 * {@code -} is a positional argument.
 */
final class Args {
    /** One option: its names (the first is its key), the label of its value (null for a flag) and its help. */
    record Option(List<String> names, String paramLabel, String description) {
        static Option flag(String description, String... names) {
            return new Option(List.of(names), null, description);
        }

        static Option value(String paramLabel, String description, String... names) {
            return new Option(List.of(names), paramLabel, description);
        }

        String key() {
            return names.getFirst();
        }

        boolean takesValue() {
            return paramLabel != null;
        }
    }

    /** A command line that does not fit the command; the message says what, in the user's terms. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Help lines are wrapped to fit a terminal of this width. */
    private static final int LINE_WIDTH = 100;

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /** Parses {@code arguments} against {@code options}; every option may be given at most once. */
    static Args parse(List<String> arguments, List<Option> options) throws UsageException {
        Args args = new Args();
        boolean onlyPositionals = false;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (onlyPositionals || a.equals("-") || !a.startsWith("-")) {
                args.positionals.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            Option option = find(options, name).orElse(null);
            if (option == null && !a.startsWith("--") && a.length() > 2) { // -j4
                option = find(options, a.substring(0, 2)).filter(Option::takesValue).orElse(null);
                if (option != null) {
                    inline = a.substring(2);
                }
            }
            if (option == null) {
                throw new UsageException("unknown option `" + name + "`");
            }
            if (args.values.containsKey(option.key())) {
                throw new UsageException("option `" + option.key() + "` given twice");
            }
            if (!option.takesValue()) {
                if (inline != null) {
                    throw new UsageException("option `" + name + "` takes no value");
                }
                args.values.put(option.key(), List.of());
            } else if (inline != null) {
                args.values.put(option.key(), List.of(inline));
            } else if (i + 1 < arguments.size()) {
                args.values.put(option.key(), List.of(arguments.get(++i)));
            } else {
                throw new UsageException("option `" + name + "` needs a value (" + option.paramLabel() + ")");
            }
        }
        return args;
    }

    private static Optional<Option> find(List<Option> options, String name) {
        return options.stream().filter(o -> o.names().contains(name)).findFirst();
    }

    boolean has(Option option) {
        return values.containsKey(option.key());
    }

    Optional<String> value(Option option) {
        List<String> v = values.get(option.key());
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** The option table of a command's help: names and value label, then the description. */
    static String optionTable(List<Option> options) {
        StringBuilder out = new StringBuilder();
        List<String> heads = options.stream()
                .map(o -> "  " + String.join(", ", o.names()) + (o.takesValue() ? " " + o.paramLabel() : ""))
                .toList();
        int width = heads.stream().mapToInt(String::length).max().orElse(0) + 2;
        for (int i = 0; i < options.size(); i++) {
            String head = heads.get(i);
            out.append(head).append(" ".repeat(width - head.length()));
            int column = width;
            for (String word : options.get(i).description().split(" ")) {
                if (column > width && column + 1 + word.length() > LINE_WIDTH) {
                    out.append('\n').append(" ".repeat(width));
                    column = width;
                } else if (column > width) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** An integer option value, at least {@code min}. */
    static int integer(Option option, String value, int min) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min) {
                throw new UsageException("option `" + option.key() + "` must be at least " + min + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("option `" + option.key() + "` takes a whole number, not `" + value + "`");
        }
    }
}
