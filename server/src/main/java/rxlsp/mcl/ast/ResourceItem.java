package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/**
 * One {@code … ,} item of a resource body. Every kind may be guarded with {@code condition ?: …}; the
 * {@code condition} field is {@code null} when it is not.
 */
public sealed interface ResourceItem extends Node {

    /** {@code name => value,}. */
    record Field(TextRange range, String name, TextRange nameRange, Expr condition, Expr value)
            implements ResourceItem {
    }

    /** {@code Before => Kind["name"],} and its siblings {@code Depend}, {@code Notify}, {@code Listen}. */
    record Edge(TextRange range, EdgeKind kind, TextRange kindRange, Expr condition, Stmt.EdgeHalf target)
            implements ResourceItem {
    }

    /** {@code Meta:property => value,}: one meta parameter. */
    record MetaField(TextRange range, String property, TextRange propertyRange, Expr condition, Expr value)
            implements ResourceItem {
    }

    /** {@code Meta => struct{…},}: all meta parameters at once. */
    record Meta(TextRange range, Expr condition, Expr value) implements ResourceItem {
    }

    /**
     * A capitalized item that is neither an edge nor {@code Meta} ({@code Foo => 1,}, {@code Foo:x => 1,}):
     * kept so that the tree is complete; the parse stage reports it.
     */
    record Unknown(TextRange range, String name, TextRange nameRange, Expr condition, Expr value)
            implements ResourceItem {
    }

    enum EdgeKind {
        BEFORE, DEPEND, NOTIFY, LISTEN;

        /** The kind for a capitalized item name, or {@code null}. */
        public static EdgeKind of(String name) {
            return switch (name) {
                case "Before" -> BEFORE;
                case "Depend" -> DEPEND;
                case "Notify" -> NOTIFY;
                case "Listen" -> LISTEN;
                default -> null;
            };
        }
    }
}
