package rxlsp.mcl.catalog;

/**
 * A field MCL can set on a resource.
 *
 * @param type MCL type text; null when MCL cannot express the Go field (mgmt skips those)
 */
public record ResourceParam(String name, String type, String description) {
    public ResourceParam {
        description = description == null ? "" : description;
    }
}
