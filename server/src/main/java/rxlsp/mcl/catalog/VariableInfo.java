package rxlsp.mcl.catalog;

/**
 * A variable mgmt predefines.
 *
 * @param pkg       package to import for it ({@code os}); empty for the global scope (and the
 *                  {@code $const.res.*} constants, which need no import)
 * @param name      name inside the package, without {@code $}
 * @param qualified how MCL writes it without {@code $}: {@code hostname}, {@code os.family_redhat},
 *                  {@code const.res.file.state.exists}
 */
public record VariableInfo(String pkg, String name, String qualified, String type, String description) {
    public VariableInfo {
        description = description == null ? "" : description;
    }
}
