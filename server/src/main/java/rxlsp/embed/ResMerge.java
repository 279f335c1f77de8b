package rxlsp.embed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rx.res} after the module system's merge, field by field. Each kind is an option of type
 * {@code attrsOf (submodule …)} with the default {@code { }}; its definitions are merged first, then
 * the definitions of each instance among the kept ones, then, inside the submodule, each field's
 * ({@code nullOr …} with the default {@code null}, which competes at {@link MergeLevel#OPTION_DEFAULT}).
 * The submodule is a module evaluation of its own whose modules are the instance's definitions, in
 * order; it merges them in reverse, like any evaluation: so a field's definitions come in the reverse
 * order of the instance definitions they are written in (what one of them holds keeps its order).
 */
final class ResMerge {
    /**
     * A field definition with the module it is written in.
     *
     * @param instance which instance definition of the configuration it is written in
     */
    record Def(ResField field, ModuleScan module, int instance) {
    }

    /**
     * One field of one instance.
     *
     * @param reaching the definitions whose kind and instance definitions were kept: they reach the
     *                 submodule, where a field that does not exist is an error
     * @param kept     the definitions the field's own merge keeps, sorted by order
     * @param nullDefault true when the option's default {@code null} is among the kept definitions
     */
    record Field(String kind, String name, String field, List<Def> reaching, List<Def> kept, boolean nullDefault) {
    }

    private ResMerge() {
    }

    /** Kind, instance and field names (each in byte order) to the merged field. */
    static Map<String, Map<String, Map<String, Field>>> of(List<ModuleNode> order, Merge merge) {
        Map<String, List<MergeLevel>> kinds = new HashMap<>();
        Map<String, Map<String, List<List<MergeLevel>>>> instances = new HashMap<>();
        Map<String, Map<String, Map<String, List<Def>>>> fields = new TreeMap<>(ByteOrder.UTF8);
        Map<List<Object>, Integer> instanceDefinitions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ModuleNode n = order.get(i);
            for (OptionDefinition d : n.scan().definitions()) {
                if (d.unit() != n.unit() || !d.option().startsWith("rx.res.")) {
                    continue;
                }
                String kind = d.option().substring("rx.res.".length());
                if (d.instance() == null) {
                    kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(d.level());
                } else {
                    instances.computeIfAbsent(kind, k -> new HashMap<>())
                            .computeIfAbsent(d.instance(), k -> new ArrayList<>()).add(d.levels());
                }
            }
            for (ResField f : n.scan().resFields()) {
                if (f.unit() == n.unit()) {
                    int instance = instanceDefinitions.computeIfAbsent(
                            List.of(i, f.kind(), f.name(), f.levels().get(0), f.levels().get(1)), k -> instanceDefinitions.size());
                    fields.computeIfAbsent(f.kind(), k -> new TreeMap<>(ByteOrder.UTF8))
                            .computeIfAbsent(f.name(), k -> new TreeMap<>(ByteOrder.UTF8))
                            .computeIfAbsent(f.field(), k -> new ArrayList<>()).add(new Def(f, n.scan(), instance));
                }
            }
        }
        Map<String, Map<String, Map<String, Field>>> out = new TreeMap<>(ByteOrder.UTF8);
        fields.forEach((kind, byName) -> {
            int bestKind = merge.best(kinds.getOrDefault(kind, List.of()), MergeLevel.OPTION_DEFAULT);
            byName.forEach((name, byField) -> {
                List<MergeLevel> reachingInstances = new ArrayList<>();
                for (List<MergeLevel> levels : instances.getOrDefault(kind, Map.of()).getOrDefault(name, List.of())) {
                    if (merge.kept(levels.get(0), bestKind)) {
                        reachingInstances.add(levels.get(1));
                    }
                }
                int bestInstance = merge.best(reachingInstances, MergeLevel.NEVER);
                byField.forEach((field, written) -> {
                    List<Def> defs = submoduleOrder(written);
                    List<Def> reaching = defs.stream().filter(d -> merge.kept(d.field().levels().get(0), bestKind)
                            && merge.kept(d.field().levels().get(1), bestInstance)).toList();
                    List<MergeLevel> own = reaching.stream().map(d -> d.field().levels().get(2)).toList();
                    boolean nullDefault = merge.best(own, MergeLevel.OPTION_DEFAULT) == MergeLevel.OPTION_DEFAULT;
                    List<Def> kept = merge.survivors(reaching, d -> d.field().levels().get(2), List.of(),
                            MergeLevel.OPTION_DEFAULT);
                    out.computeIfAbsent(kind, k -> new TreeMap<>(ByteOrder.UTF8))
                            .computeIfAbsent(name, k -> new TreeMap<>(ByteOrder.UTF8))
                            .put(field, new Field(kind, name, field, reaching, kept, nullDefault));
                });
            });
        });
        return out;
    }

    /** The definitions as the submodule merges them: instance definitions reversed, each one's own in order. */
    private static List<Def> submoduleOrder(List<Def> defs) {
        List<Def> out = new ArrayList<>(defs.size());
        int end = defs.size();
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && defs.get(start - 1).instance() == defs.get(end - 1).instance()) {
                start--;
            }
            out.addAll(defs.subList(start, end));
            end = start;
        }
        return out;
    }
}
