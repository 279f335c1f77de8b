package rxlsp.mcl.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource kind mgmt registers.
 *
 * @param kind       the kind as MCL writes it, may contain {@code :} ({@code http:server:ui})
 * @param params     fields by MCL name, in catalogue order
 * @param traits     embedded engine traits: {@code Base}, {@code Edgeable}, {@code Sendable}, {@code Recvable}, …;
 *                   empty when unknown (a kind only seen in {@code mgmt docs generate} output)
 * @param sendFields for Sendable kinds, the values it sends, name to MCL type
 * @param constants  the {@code $const.res.…} names it registers, qualified without {@code $}
 */
public record ResourceKind(String kind, Map<String, ResourceParam> params, Set<String> traits,
                           Map<String, String> sendFields, List<String> constants, String description) {
    public ResourceKind {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        traits = Collections.unmodifiableSet(new TreeSet<>(traits));
        sendFields = Collections.unmodifiableMap(new LinkedHashMap<>(sendFields));
        constants = List.copyOf(constants);
        description = description == null ? "" : description;
    }

    public boolean canSend() {
        return traits.contains("Sendable");
    }

    public boolean canReceive() {
        return traits.contains("Recvable");
    }
}
