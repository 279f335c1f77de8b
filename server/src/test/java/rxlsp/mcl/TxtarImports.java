package rxlsp.mcl;

import java.util.Map;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.ModuleMetadata;

/** Local imports served from the sections of a txtar archive, named as paths inside it ({@code dir/main.mcl}). */
public final class TxtarImports implements ImportResolver {
    private final Map<String, String> sections;

    public TxtarImports(Map<String, String> sections) {
        this.sections = sections;
    }

    @Override
    public Result resolve(String from, String importPath) {
        String base = from == null || !from.contains("/") ? "" : from.substring(0, from.lastIndexOf('/') + 1);
        String target = normalize(base + importPath);
        if (importPath.endsWith("/")) {
            String main = "main.mcl";
            String metadata = sections.get(target + "metadata.yaml");
            if (metadata != null) {
                ModuleMetadata.Result meta = ModuleMetadata.mainFile(metadata);
                if (meta.problem() != null) {
                    return new Failed(meta.problem());
                }
                main = meta.main();
            }
            target = normalize(target + main);
        }
        String text = sections.get(target);
        return text == null ? new Failed("cannot find `" + target + "`") : new Found(target, text);
    }

    private static String normalize(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/", -1)) {
            if (p.equals("..")) {
                parts.pollLast();
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts) + (path.endsWith("/") ? "/" : "");
    }
}
