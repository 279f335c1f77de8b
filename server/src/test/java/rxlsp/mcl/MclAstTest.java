package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rxlsp.mcl.Dialect.MGMT_1_0;
import static rxlsp.mcl.Dialect.MGMT_1_1;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.MclType;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.TextRange;

/** The shape of the AST the front end builds: precedence, layout, statements, ranges and comments. */
class MclAstTest {

    static Program parseClean(String text, Dialect dialect) {
        MclParseResult result = MclFrontEnd.parse(text, dialect);
        assertEquals(List.of(), result.diagnostics(), "diagnostics of:\n" + text);
        return result.program();
    }

    static String valueOf(String expr, Dialect dialect) {
        Program p = parseClean("$v = " + expr + "\n", dialect);
        return AstShape.of(((Stmt.Bind) p.statements().getFirst()).value());
    }

    @Nested
    class Precedence {
        @ParameterizedTest
        @CsvSource(delimiterString = " :: ", value = {
            "1 + 2 * 3                  :: (+ 1 (* 2 3))",
            "1 - 2 - 3                  :: (- (- 1 2) 3)",
            "(1 + 2) * 3                :: (* (paren (+ 1 2)) 3)",
            "not $a and $b or $c        :: (or (and (not $a) $b) $c)",
            "$a or $b and $c            :: (or $a (and $b $c))",
            "$a == 1 and $b != 2        :: (and (== $a 1) (!= $b 2))",
            "$x in $l                   :: (in $x $l)",
            "$a + 1 < $b * 2            :: (< (+ $a 1) (* $b 2))",
            "$a <|> $b <|> $c           :: (<|> (<|> $a $b) $c)",
            "$x + $st->f <|> $d         :: (+ $x (-> $st f $d))",
            "$l[0]->f                   :: (-> ([] $l 0) f)",
            "$m[\"k\"][1]               :: ([] ([] $m \"k\") 1)",
            "$f(1, 2)                   :: (call $f 1 2)",
            "fmt.printf(\"%d\", 1)      :: (fmt.printf \"%d\" 1)",
            "func($x) { $x }(3)         :: (call (func 1 $x) 3)",
            "if $c { 1 } else { 2 }     :: (if $c 1 2)",
            "[1, [2, 3]]                :: [1 [2 3]]",
            "{\"a\" => 1, \"b\" => 2}   :: {\"a\"=>1 \"b\"=>2}",
            "struct{x => 1, y => \"s\"} :: struct{x=>1 y=>\"s\"}",
            "-1.5                       :: -1.5",
        })
        void mgmt11(String expr, String shape) {
            assertEquals(shape, valueOf(expr, MGMT_1_1));
        }

        @ParameterizedTest
        @CsvSource(delimiterString = " :: ", value = {
            "$a or $b and $c            :: (and (or $a $b) $c)",
            "$a and $b or $c            :: (or (and $a $b) $c)",
            "$a in $l[0]                :: ([] (in $a $l) 0)",
            "$m[\"k\"] || \"b\" + \"c\" :: (+ ([] $m \"k\" \"b\") \"c\")",
            "$st->f || 3                :: (-> $st f 3)",
            "[1, 2,]                    :: [1 2]",
        })
        void mgmt10(String expr, String shape) {
            assertEquals(shape, valueOf(expr, MGMT_1_0));
        }

        @Test
        void multiLineContainersAreTheSameTree() {
            assertEquals(valueOf("[1, 2]", MGMT_1_1), valueOf("[\n\t1,\n\n\t2,\n]", MGMT_1_1));
            assertEquals(valueOf("len(\"a\")", MGMT_1_1), valueOf("len(\n\t\"a\",\n)", MGMT_1_1));
        }
    }

    @Nested
    class Statements {
        @Test
        void resourceItems() {
            Program p = parseClean("""
                    file "/tmp/a" {
                    \tstate => $s,
                    \tmode => $m ?: "0644",
                    \tMeta:noop => true,
                    \tMeta => struct{retry => 3,},
                    \tBefore => File["/tmp/b"],
                    \tNotify => $c ?: Svc["x"],
                    }
                    """.replace("struct{retry => 3,}", "struct{retry => 3}"), MGMT_1_1);
            Stmt.Resource r = assertInstanceOf(Stmt.Resource.class, p.statements().getFirst());
            assertEquals("file", r.kind());
            assertEquals(6, r.items().size());
            ResourceItem.Field mode = assertInstanceOf(ResourceItem.Field.class, r.items().get(1));
            assertEquals("mode", mode.name());
            assertEquals("$m", AstShape.of(mode.condition()));
            assertInstanceOf(ResourceItem.MetaField.class, r.items().get(2));
            assertInstanceOf(ResourceItem.Meta.class, r.items().get(3));
            ResourceItem.Edge before = assertInstanceOf(ResourceItem.Edge.class, r.items().get(4));
            assertEquals(ResourceItem.EdgeKind.BEFORE, before.kind());
            assertNull(before.condition());
            ResourceItem.Edge notify = assertInstanceOf(ResourceItem.Edge.class, r.items().get(5));
            assertEquals("Svc", notify.target().kind());
            assertEquals("$c", AstShape.of(notify.condition()));
        }

        @Test
        void edgesAndSendRecv() {
            Program p = parseClean("A[\"a\"] -> B[\"b\"] -> C[\"c\"]\nA[\"a\"].out -> B[\"b\"].input\n", MGMT_1_1);
            assertEquals(3, assertInstanceOf(Stmt.EdgeChain.class, p.statements().get(0)).halves().size());
            Stmt.SendRecv sr = assertInstanceOf(Stmt.SendRecv.class, p.statements().get(1));
            assertEquals("out", sr.sendField());
            assertEquals("input", sr.recvField());
        }

        @Test
        void everyStatementKind() {
            Program p = parseClean("""
                    import "fmt"
                    import "lib" as *
                    import "x.mcl" as x
                    $b []str = ["a"]
                    if $c { $d = 1 } else { $d = 2 }
                    for $i, $v in $l { $e = $v }
                    forkv $k, $v in $m { $f = $v }
                    func add($a int, $b) int { $a + $b }
                    class a:b($x str) { $y = $x }
                    include a:b("q") as inst
                    panic($bad)
                    collect file "/tmp" { }
                    """.replace("a:b(\"q\")", "a.b(\"q\")").replace("if $c { $d = 1 } else { $d = 2 }",
                    "if $c {\n$d = 1\n} else {\n$d = 2\n}").replace("{ $e = $v }", "{\n$e = $v\n}")
                    .replace("{ $f = $v }", "{\n$f = $v\n}").replace("{ $y = $x }", "{\n$y = $x\n}"), MGMT_1_1);
            List<Stmt> s = p.statements();
            assertNull(assertInstanceOf(Stmt.Import.class, s.get(0)).alias());
            assertEquals("*", ((Stmt.Import) s.get(1)).alias());
            assertEquals("x", ((Stmt.Import) s.get(2)).alias());
            Stmt.Bind b = assertInstanceOf(Stmt.Bind.class, s.get(3));
            assertInstanceOf(MclType.ListOf.class, b.type());
            Stmt.If i = assertInstanceOf(Stmt.If.class, s.get(4));
            assertEquals(1, i.otherwise().size());
            assertEquals("i", assertInstanceOf(Stmt.For.class, s.get(5)).index().name());
            assertInstanceOf(Stmt.ForKv.class, s.get(6));
            Stmt.Func f = assertInstanceOf(Stmt.Func.class, s.get(7));
            assertEquals("(+ $a $b)", AstShape.of(f.body()));
            assertNull(f.params().get(1).type());
            Stmt.Class c = assertInstanceOf(Stmt.Class.class, s.get(8));
            assertEquals(List.of("a", "b"), c.path());
            Stmt.Include inc = assertInstanceOf(Stmt.Include.class, s.get(9));
            assertEquals("a.b", inc.name());
            assertEquals("inst", inc.alias());
            assertInstanceOf(Stmt.Panic.class, s.get(10));
            assertEquals("file", assertInstanceOf(Stmt.Collect.class, s.get(11)).resource().kind());
        }

        @Test
        void rangesAreSourceOffsets() {
            String text = "$x = 1 + 22\n";
            Stmt.Bind b = (Stmt.Bind) parseClean(text, MGMT_1_1).statements().getFirst();
            assertEquals(new TextRange(0, 11), b.range());
            Expr.Binary plus = (Expr.Binary) b.value();
            assertEquals(new TextRange(5, 11), plus.range());
            assertEquals(new TextRange(7, 8), plus.opRange());
            assertEquals("22", text.substring(plus.right().range().start(), plus.right().range().end()));
        }

        @Test
        void commentsAreCollectedAndAttached() {
            Program p = parseClean("# header\n\n# about x\n$x = 1 # trailing\n$y = 2\n", MGMT_1_1);
            assertEquals(3, p.comments().size());
            assertEquals(" about x", p.comments().get(1).text());
            assertEquals(2, p.leadingComments(p.statements().get(0)).size());
            assertEquals(List.of(), p.leadingComments(p.statements().get(1)), "a trailing comment belongs to `$x = 1`");
            assertEquals(List.of(false), p.comments().stream().skip(2).map(c -> c.ownLine()).toList());
        }
    }

    @Nested
    class Recovery {
        @Test
        void everyBrokenStatementIsReportedAndTheCompleteOnesKept() {
            MclParseResult r = MclFrontEnd.parse("$a = 1 2\n$b = 2\n$c = (\n$d = 4\n$e = ]\n", MGMT_1_1);
            assertEquals(3, r.diagnostics().size(), r.diagnostics().toString());
            // `$a = 1` is complete before the stray `2`; `$c = (` and `$e = ]` are not
            assertEquals(List.of("a", "b", "d"), r.program().statements().stream().map(s -> ((Stmt.Bind) s).name()).toList());
            assertTrue(r.diagnostics().stream().allMatch(d -> d.source().equals("mcl") && d.stage().equals("syntax")));
        }

        @Test
        void twoErrorsInOneResourceBodyKeepTheOtherItemsAndWhatFollows() {
            String text = """
                    file "/tmp/a" {
                    	state => "exists"
                    	content => "a",
                    	mode => ,
                    	owner => "root",
                    }
                    $after = 1
                    """;
            MclParseResult r = MclFrontEnd.parse(text, MGMT_1_1);
            assertEquals(List.of(1, 3), lines(text, r), r.diagnostics().toString());
            List<Stmt> s = r.program().statements();
            assertEquals(2, s.size(), s.toString());
            Stmt.Resource file = assertInstanceOf(Stmt.Resource.class, s.get(0));
            assertEquals("file", file.kind());
            assertEquals(List.of("content", "owner"), file.items().stream().map(i -> ((ResourceItem.Field) i).name()).toList());
            assertEquals(new TextRange(0, text.indexOf("}\n$after") + 1), file.range());
            assertEquals("after", assertInstanceOf(Stmt.Bind.class, s.get(1)).name());
        }

        @Test
        void errorsInNestedBlocksKeepTheValidStatementsAroundThem() {
            String text = """
                    class base($name) {
                    	$x = 1 +
                    	print "p1" {
                    		msg => "one",
                    	}
                    	if $x > 0 {
                    		$y = [1, 2,]
                    		$z = 3
                    	} else {
                    		$w == 4
                    		$u = 5
                    	}
                    	$v = "ok"
                    }
                    for $i, $s in ["a", "b"] {
                    	$q = (
                    	print $s {}
                    }
                    include base("n")
                    """;
            MclParseResult r = MclFrontEnd.parse(text, MGMT_1_1);
            assertEquals(List.of(1, 6, 9, 15), lines(text, r), r.diagnostics().toString());
            List<Stmt> s = r.program().statements();
            assertEquals(3, s.size(), s.toString());
            Stmt.Class base = assertInstanceOf(Stmt.Class.class, s.get(0));
            assertEquals(List.of("base"), base.path());
            assertEquals(1, base.params().size());
            assertEquals(3, base.body().size(), base.body().toString());
            assertInstanceOf(Stmt.Resource.class, base.body().get(0));
            Stmt.If branch = assertInstanceOf(Stmt.If.class, base.body().get(1));
            assertEquals(List.of("z"), branch.then().stream().map(b -> ((Stmt.Bind) b).name()).toList());
            assertEquals(List.of("u"), branch.otherwise().stream().map(b -> ((Stmt.Bind) b).name()).toList());
            assertEquals("v", assertInstanceOf(Stmt.Bind.class, base.body().get(2)).name());
            Stmt.For loop = assertInstanceOf(Stmt.For.class, s.get(1));
            assertEquals(1, loop.body().size(), loop.body().toString());
            assertInstanceOf(Stmt.Resource.class, loop.body().get(0));
            assertInstanceOf(Stmt.Include.class, s.get(2));
        }

        @Test
        void aBrokenFunctionBodyIsLeftOutAndParsingGoesOnAfterIt() {
            String text = "func add($a, $b) {\n\t$a + + $b\n}\n$x = 1\n$y = [1,]\n$z = 2\n";
            MclParseResult r = MclFrontEnd.parse(text, MGMT_1_1);
            assertEquals(List.of(1, 4), lines(text, r), r.diagnostics().toString());
            assertEquals(List.of("x", "z"), r.program().statements().stream().map(b -> ((Stmt.Bind) b).name()).toList());
        }

        @Test
        void deeplyNestedBrokenBlocksNeitherOverflowNorCascade() {
            String open = "if true {\n".repeat(3_000);
            String close = "}\n".repeat(3_000);
            MclParseResult r = MclFrontEnd.parse(open + "$x = 1 +\n$y = 2\n" + close + "$z = [1,]\n", MGMT_1_1);
            assertTrue(r.diagnostics().size() <= 3, r.diagnostics().toString());
        }

        /** The 0-based lines of the diagnostics. */
        private static List<Integer> lines(String text, MclParseResult r) {
            return r.diagnostics().stream()
                    .map(d -> (int) text.substring(0, d.range().start()).chars().filter(c -> c == '\n').count()).toList();
        }
    }
}
