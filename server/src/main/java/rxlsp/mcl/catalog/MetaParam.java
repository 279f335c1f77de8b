package rxlsp.mcl.catalog;

/** A meta parameter, written {@code Meta:name => value} in a resource; {@code name} is without {@code Meta:}. */
public record MetaParam(String name, String type, String description) {
    public MetaParam {
        description = description == null ? "" : description;
    }
}
