package rxlsp.mcl.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** How one catalogue entry is laid over another: the newer one wins, but gaps in it are filled from the older. */
final class Overlay {
    private Overlay() {
    }

    static FunctionInfo function(FunctionInfo base, FunctionInfo top) {
        // A docs JSON entry only knows the signature; the poly kind and constraints stay ours when it agrees.
        boolean sameSignature = java.util.Objects.equals(base.signature(), top.signature()) || top.signature() == null;
        String signature = top.signature() != null ? top.signature() : base.signature();
        return new FunctionInfo(top.pkg(), top.name(), top.qualified(), signature,
                sameSignature ? base.poly() : top.poly(), sameSignature ? base.constraints() : top.constraints(),
                top.sigHint() != null ? top.sigHint() : base.sigHint(), top.internal() || base.internal(),
                text(base.description(), top.description()), top.arity() != null ? top.arity() : base.arity());
    }

    static VariableInfo variable(VariableInfo base, VariableInfo top) {
        return new VariableInfo(top.pkg(), top.name(), top.qualified(), top.type(), text(base.description(), top.description()));
    }

    static MetaParam meta(MetaParam base, MetaParam top) {
        return new MetaParam(top.name(), top.type(), text(base.description(), top.description()));
    }

    static ResourceKind resource(ResourceKind base, ResourceKind top) {
        Map<String, ResourceParam> params = new LinkedHashMap<>();
        top.params().forEach((name, p) -> {
            ResourceParam old = base.params().get(name);
            params.put(name, old == null ? p : new ResourceParam(name, p.type(), text(old.description(), p.description())));
        });
        return new ResourceKind(top.kind(), params, top.traits().isEmpty() ? base.traits() : top.traits(),
                top.sendFields().isEmpty() ? base.sendFields() : top.sendFields(),
                top.constants().isEmpty() ? base.constants() : top.constants(), text(base.description(), top.description()));
    }

    private static String text(String base, String top) {
        return top == null || top.isBlank() ? base : top;
    }
}
