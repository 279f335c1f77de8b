package rxlsp.mcl.ast;

import java.util.List;
import rxlsp.text.TextRange;

/** MCL statements. Fields documented as nullable are {@code null} when absent from the source. */
public sealed interface Stmt extends Node {

    /** {@code $name [type] = value}; {@code type} nullable. */
    record Bind(TextRange range, String name, TextRange nameRange, MclType type, Expr value) implements Stmt {
    }

    /** {@code kind name { items }}; the kind may be a colon path ({@code http:server:ui}). */
    record Resource(TextRange range, String kind, TextRange kindRange, Expr name, List<ResourceItem> items)
            implements Stmt {
        public Resource {
            items = List.copyOf(items);
        }
    }

    /** {@code Kind["name"] -> Kind["name"] -> …} (one or more arrows). */
    record EdgeChain(TextRange range, List<EdgeHalf> halves) implements Stmt {
        public EdgeChain {
            halves = List.copyOf(halves);
        }
    }

    /** {@code Kind["a"].out -> Kind["b"].in}: sends a value from one resource to another. */
    record SendRecv(TextRange range, EdgeHalf from, String sendField, EdgeHalf to, String recvField)
            implements Stmt {
    }

    /** {@code otherwise} is nullable (no {@code else}). */
    record If(TextRange range, Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        public If {
            then = List.copyOf(then);
            otherwise = otherwise == null ? null : List.copyOf(otherwise);
        }
    }

    /** {@code for $index, $value in list { body }}. */
    record For(TextRange range, Param index, Param value, Expr list, List<Stmt> body) implements Stmt {
        public For {
            body = List.copyOf(body);
        }
    }

    /** {@code forkv $key, $value in map { body }}. */
    record ForKv(TextRange range, Param key, Param value, Expr map, List<Stmt> body) implements Stmt {
        public ForKv {
            body = List.copyOf(body);
        }
    }

    /** {@code func name(params) [type] { body }}; {@code result} nullable. */
    record Func(TextRange range, String name, TextRange nameRange, List<Param> params, MclType result, Expr body)
            implements Stmt {
        public Func {
            params = List.copyOf(params);
        }
    }

    /**
     * {@code class a:b(params) { body }}. {@code path} has more than one name for the nesting sugar
     * {@code class a:b}, which defines class {@code b} inside class {@code a}. {@code params} is
     * nullable: {@code class c {}} and {@code class c() {}} are different to mgmt.
     */
    record Class(TextRange range, List<String> path, TextRange nameRange, List<Param> params, List<Stmt> body)
            implements Stmt {
        public Class {
            path = List.copyOf(path);
            params = params == null ? null : List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** {@code include name(args) as alias}; {@code args} and {@code alias} nullable. */
    record Include(TextRange range, String name, TextRange nameRange, List<Expr> args, String alias)
            implements Stmt {
        public Include {
            args = args == null ? null : List.copyOf(args);
        }
    }

    /**
     * {@code import "path" as alias}; {@code alias} is nullable, {@code "*"} for {@code as *}. The path
     * is taken verbatim: mgmt neither decodes escapes nor interpolates it.
     */
    record Import(TextRange range, String path, TextRange pathRange, String alias) implements Stmt {
    }

    /** {@code panic(args)}: one argument, or two for the debugging form. */
    record Panic(TextRange range, List<Expr> args) implements Stmt {
        public Panic {
            args = List.copyOf(args);
        }
    }

    /** {@code collect kind name { … }}: collects exported resources instead of defining one. */
    record Collect(TextRange range, Resource resource) implements Stmt {
    }

    /** {@code Kind[name]}, one end of an edge; {@code kind} keeps the source capitalisation. */
    record EdgeHalf(TextRange range, String kind, Expr name) implements Node {
    }
}
