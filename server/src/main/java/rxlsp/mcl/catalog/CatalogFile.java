package rxlsp.mcl.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the project's catalogue resource files. Line format (tab-separated, {@code #} comments, empty cell = none):
 * <pre>
 * function  pkg  name  qualified  signature  poly  constraints(" | ")  sig_hint  internal(yes|no)
 * variable  pkg  name  type
 * resource  kind  traits(",")  send_fields(name:type ",")  constants(" ", without $)  sent_by_value(",")
 * param     kind  name  type  go_type
 * meta      name  type
 * metastruct  type
 * </pre>
 * and {@code descriptions.tsv}: {@code category  key…  text}, with categories {@code function}, {@code variable},
 * {@code resource}, {@code param} (two keys: kind, name) and {@code meta}; {@code arities.tsv}: see {@link #arities}.
 */
final class CatalogFile {
    private CatalogFile() {
    }

    static Map<String, String> descriptions(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 3) {
                throw new IllegalStateException("bad description line: " + line);
            }
            String key = String.join("\t", Arrays.copyOfRange(cells, 0, cells.length - 1));
            out.put(key, cells[cells.length - 1].strip());
        }
        return out;
    }

    /**
     * {@code arities.tsv}: {@code line  registered-name  min  max}, line {@code 1.1}, {@code 1.0} or
     * {@code both}, max {@code *} for no limit; the arities of the given line, by registered name.
     */
    static Map<String, Arity> arities(List<String> lines, String line) {
        Map<String, Arity> out = new HashMap<>();
        for (String row : lines) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("\t", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("bad arity line: " + row);
            }
            if (cells[0].equals("both") || cells[0].equals(line)) {
                out.put(cells[1], new Arity(Integer.parseInt(cells[2]),
                        cells[3].equals("*") ? Arity.UNBOUNDED : Integer.parseInt(cells[3])));
            }
        }
        return out;
    }

    static Catalog read(List<String> lines, Map<String, String> descriptions, Map<String, Arity> arities) {
        Map<String, FunctionInfo> functions = new TreeMap<>();
        Map<String, VariableInfo> variables = new TreeMap<>();
        Map<String, String[]> resourceRows = new LinkedHashMap<>();
        Map<String, Map<String, ResourceParam>> params = new HashMap<>();
        Map<String, MetaParam> metas = new LinkedHashMap<>();
        Map<String, String> goTypes = new HashMap<>();
        Set<String> sentByValue = new java.util.HashSet<>();
        String metaStruct = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            switch (c[0]) {
                case "function" -> functions.put(c[3], new FunctionInfo(c[1], c[2], c[3], orNull(c[4]), Poly.parse(c[5]),
                        c[6].isEmpty() ? List.of() : List.of(c[6].split(" \\| ")), orNull(c[7]), c[8].equals("yes"),
                        descriptions.get("function\t" + c[3]), arities.get(c[3])));
                case "variable" -> {
                    String qualified = c[1].isEmpty() ? c[2] : c[1] + "." + c[2];
                    variables.put(qualified, new VariableInfo(c[1], c[2], qualified, c[3], descriptions.get("variable\t" + qualified)));
                }
                case "resource" -> resourceRows.put(c[1], c);
                case "param" -> {
                    params.computeIfAbsent(c[1], k -> new LinkedHashMap<>())
                            .put(c[2], new ResourceParam(c[2], orNull(c[3]), descriptions.get("param\t" + c[1] + "\t" + c[2])));
                    goTypes.put(Catalog.key(c[1], c[2]), c[4]);
                }
                case "meta" -> metas.put(c[1], new MetaParam(c[1], c[2], descriptions.get("meta\t" + c[1])));
                case "metastruct" -> metaStruct = c[1];
                default -> throw new IllegalStateException("bad catalogue line: " + line);
            }
        }
        Map<String, ResourceKind> resources = new TreeMap<>();
        for (String[] c : resourceRows.values()) {
            String kind = c[1];
            Set<String> traits = c[2].isEmpty() ? Set.of() : Set.of(c[2].split(","));
            Map<String, String> sends = new LinkedHashMap<>();
            if (!c[3].isEmpty()) {
                for (String field : c[3].split(",")) {
                    int colon = field.indexOf(':');
                    sends.put(field.substring(0, colon), field.substring(colon + 1));
                }
            }
            List<String> constants = c[4].isEmpty() ? List.of() : List.of(c[4].split(" "));
            if (!c[5].isEmpty()) {
                for (String field : c[5].split(",")) {
                    sentByValue.add(Catalog.key(kind, field));
                }
            }
            for (String constant : constants) {
                // const.res.<kind>.<param>.<value>: the kind has no '.', so the last two parts are param and value
                String[] parts = constant.split("\\.");
                String param = parts[parts.length - 2];
                String what = "Value `" + parts[parts.length - 1] + "` for the `" + param + "` field of `" + kind + "`.";
                // mgmt registers each constant as a value of its param's type (int for gzip's level and
                // tar's format, str for the states); a param the catalogue has no type for stays open
                ResourceParam p = params.getOrDefault(kind, Map.of()).get(param);
                String type = p != null && p.type() != null ? p.type() : "?1";
                variables.put(constant, new VariableInfo("", constant, constant, type, what));
            }
            resources.put(kind, new ResourceKind(kind, params.getOrDefault(kind, Map.of()), traits, sends, constants,
                    descriptions.get("resource\t" + kind)));
        }
        return new Catalog(functions, variables, resources, metas, metaStruct, goTypes, sentByValue);
    }

    private static String orNull(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
