package rxlsp.embed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * rx.nix's options other than the {@code rx.res} kinds (see {@link ResSchema}): their Nix types,
 * defaults and what they do, for hover and completion on the Nix side.
 */
public final class RxOptions {
    /** Stands for any attribute name in an option path. */
    public static final String ANY_NAME = "<name>";

    /**
     * One option.
     *
     * @param path        its names, {@link #ANY_NAME} where any name fits
     * @param type        the Nix type, in words
     * @param defaultText the default as Nix would print it, {@code none} when there is none
     */
    public record Option(List<String> path, String type, String defaultText, String description) {
        public Option {
            path = List.copyOf(path);
        }

        public boolean matches(List<String> names) {
            if (names.size() != path.size()) {
                return false;
            }
            for (int i = 0; i < names.size(); i++) {
                if (!path.get(i).equals(ANY_NAME) && !path.get(i).equals(names.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Holder {
        static final List<Option> ALL = load();
    }

    private RxOptions() {
    }

    public static List<Option> all() {
        return Holder.ALL;
    }

    /** The option an attribute path names exactly. */
    public static Optional<Option> of(List<String> names) {
        return all().stream().filter(o -> o.matches(names)).findFirst();
    }

    private static List<Option> load() {
        List<Option> out = new ArrayList<>();
        try (var in = RxOptions.class.getResourceAsStream("rx-options.tsv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(new Option(List.of(cols[0].split("\\.")), cols[1], cols[2], cols[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
