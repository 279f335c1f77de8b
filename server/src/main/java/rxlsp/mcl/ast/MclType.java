package rxlsp.mcl.ast;

import java.util.List;
import rxlsp.text.TextRange;

/** A type as written in the source: {@code int}, {@code []str}, {@code map{str: int}}, …. */
public sealed interface MclType extends Node {

    /** {@code bool}, {@code str}, {@code int}, {@code float} or {@code variant}. */
    record Scalar(TextRange range, String name) implements MclType {
    }

    record ListOf(TextRange range, MclType element) implements MclType {
    }

    record MapOf(TextRange range, MclType key, MclType value) implements MclType {
    }

    record StructOf(TextRange range, List<Field> fields) implements MclType {
        public StructOf {
            fields = List.copyOf(fields);
        }
    }

    /** @param args argument types; an argument's name is {@code null} when it is not written */
    record FuncOf(TextRange range, List<Arg> args, MclType result) implements MclType {
        public FuncOf {
            args = List.copyOf(args);
        }
    }

    record Field(TextRange range, String name, MclType type) implements Node {
    }

    record Arg(TextRange range, String name, MclType type) implements Node {
    }
}
