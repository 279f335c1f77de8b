package rxlsp.mcl.check;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a piece of MCL that does not parse may define, read from its words rather than from a
 * syntax tree: {@code $x = …} (also with a type), {@code func f(…)}, {@code class c} and imports. It
 * errs on the side of finding too many (a pattern inside a comment or a string counts too): a name
 * found here is only ever excused from "undefined", never reported.
 */
public final class UnparsedDefinitions {
    /** {@code $name [type] =}, not {@code ==} or {@code =>}; the type is letters, brackets, braces, colons, commas. */
    private static final Pattern BIND = Pattern.compile("\\$([a-z][a-z0-9_]*)[ \\t]*[a-z\\[\\]{}:, \\t]*?=(?![=>])");
    private static final Pattern FUNC = Pattern.compile("\\bfunc[ \\t]+([a-z][a-z0-9_]*)");
    private static final Pattern CLASS = Pattern.compile("\\bclass[ \\t]+([a-z][a-z0-9_:]*)");
    private static final Pattern IMPORT = Pattern.compile("\\bimport[ \\t]+\"([^\"\\n]*)\"(?:[ \\t]+as[ \\t]+([a-z*][a-z0-9_]*))?");

    private UnparsedDefinitions() {
    }

    public static Unknowns in(CharSequence text, String reason) {
        Set<String> vars = new TreeSet<>();
        Set<String> funcs = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        boolean everything = false;
        for (Matcher m = BIND.matcher(text); m.find(); ) {
            vars.add(m.group(1));
        }
        for (Matcher m = FUNC.matcher(text); m.find(); ) {
            funcs.add(m.group(1));
        }
        for (Matcher m = CLASS.matcher(text); m.find(); ) {
            String path = m.group(1);
            classes.add(path.substring(path.lastIndexOf(':') + 1));
        }
        for (Matcher m = IMPORT.matcher(text); m.find(); ) {
            String alias = m.group(2) != null ? m.group(2) : ImportPaths.alias(m.group(1));
            if ("*".equals(alias)) {
                everything = true; // its names cannot be known without the import
            } else if (alias != null && !alias.isEmpty()) {
                packages.add(alias); // `alias.name` uses stay unchecked
            }
        }
        return new Unknowns(everything, vars, funcs, classes, packages, reason);
    }
}
