package rxlsp.mcl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rxlsp.mcl.check.SemanticFixture.brief;
import static rxlsp.mcl.check.SemanticFixture.check;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;

class TypeChecksTest {

    private static String message(String source) {
        MclCheckResult r = check(source);
        assertEquals(1, r.diagnostics().size(), () -> r.diagnostics().toString());
        assertEquals("type", r.diagnostics().get(0).stage());
        return r.diagnostics().get(0).message();
    }

    @Nested
    class Operators {
        @Test
        void operandsMustAgree() {
            assertEquals(List.of("mcl-type-mismatch@\"hello\" + true"), brief("$s = \"hello\" + true + \"x\"\n"));
            assertEquals("type error: operands of `+` must have the same type: expected str, found int",
                    message("$x = 5\n$s = \"a\" + $x\n"));
        }

        @Test
        void divisionGivesFloat() {
            assertEquals(List.of("mcl-type-mismatch@1 / 2"), brief("$x int = 1 / 2\n"));
            assertEquals(List.of(), brief("$x float = 1 / 2\n"));
        }

        @Test
        void comparisonsAndLogic() {
            assertEquals(List.of("mcl-operator-type@\"a\" < \"b\""), brief("$b = \"a\" < \"b\"\n"));
            assertEquals(List.of("mcl-type-mismatch@1"), brief("$b = 1 and true\n"));
            assertEquals(List.of(), brief("$b = \"a\" == \"b\" or not (1 < 2)\n$c = [1, 2] == [3]\n"));
            assertEquals(List.of("mcl-type-mismatch@1"), brief("$b = not 1\n"));
        }

        @Test
        void inNeedsAListOfTheNeedle() {
            assertEquals(List.of(), brief("$b = \"a\" in [\"a\", \"b\"]\n"));
            assertEquals(List.of("mcl-type-mismatch@1"), brief("$b = 1 in [\"a\"]\n"));
        }
    }

    @Nested
    class Resources {
        @Test
        void fieldTypesComeFromTheCatalogue() {
            assertEquals("type error: field `stringptr` of resource `test`: expected str, found int",
                    message("test \"t1\" {\n\tstringptr => 42,\n}\n"));
        }

        @Test
        void conditionsAreBool() {
            assertEquals(List.of("mcl-type-mismatch@\"yes\""), brief("test \"t\" {\n\tanotherstr => \"yes\" ?: \"v\",\n}\n"));
        }

        @Test
        void namesAreStrOrListOfStr() {
            assertEquals(List.of(), brief("test [\"a\", \"b\"] {}\ntest \"c\" {}\n"));
            assertEquals(List.of("mcl-type-mismatch@\"${name}\""),
                    brief("$name = [\"a\"]\ntest $name {}\nTest[\"a\"] -> Test[\"${name}\"]\n"));
        }

        @Test
        void resourceConstantsHaveTheirParamsType() {
            assertEquals(List.of(), brief("file \"/tmp/a\" {\n\tstate => $const.res.file.state.exists,\n}\n"
                    + "gzip \"/tmp/a.gz\" {\n\tinput => \"/tmp/a\",\n\tlevel => $const.res.gzip.level.best_speed,\n}\n"));
            assertEquals(List.of("mcl-type-mismatch@$const.res.tar.format.pax"),
                    brief("file \"/tmp/a\" {\n\tstate => $const.res.tar.format.pax,\n}\n"));
            assertEquals(1, brief("$x = $const.res.file.state.absent + 1\n").size());
        }

        @Test
        void metaParams() {
            assertEquals(List.of("mcl-type-mismatch@\"x\""), brief("test \"t\" {\n\tMeta:retry => \"x\",\n}\n"));
        }
    }

    @Nested
    class Functions {
        @Test
        void printfVerbs() {
            assertEquals("func `printf` infer error: inconsistent type at arg index 2: type error: expected int, found str",
                    message("import \"fmt\"\ntest [fmt.printf(\"type: %T value: %d\", 42, \"hello\")] {}\n"));
            assertEquals("func `printf` infer error: number of args (1) doesn't match format string verb count (2)",
                    message("import \"fmt\"\ntest fmt.printf(\"%d%d\", 42) {}\n"));
            assertEquals(List.of(), brief("import \"fmt\"\n$s = fmt.printf(\"%s %v %f %t %% %5.2f\", \"a\", [1], 1.0, true, 2.0)\n"));
        }

        @Test
        void funcStatementsArePolymorphic() {
            assertEquals(List.of(), brief("func twice($x) { $x + $x }\n$a = twice(1)\n$b = twice(\"s\")\n"));
        }

        @Test
        void lambdasAreMonomorphicAndReportedWhereWritten() {
            String src = "$add = func($x) { $x + $x }\n$a = $add(1)\n$b = $add(\"s\")\n";
            assertEquals(List.of("mcl-type-mismatch@func($x) { $x + $x }"), brief(src));
        }

        @Test
        void classesAreTypedPerInclude() {
            assertEquals(List.of(), brief("class c($a) {\n\ttest $a {}\n}\ninclude c(\"x\")\ninclude c([\"y\"])\n"));
            assertEquals(List.of("mcl-type-mismatch@[13, 42]"), brief("class c1($a, $b []str) {}\ninclude c1(\"t2\", [13, 42])\n"));
        }

        @Test
        void polymorphicBuiltins() {
            assertEquals(List.of(), brief("import \"iter\"\nimport \"list\"\nimport \"math\"\n"
                    + "$l = iter.map([1, 2], func($x) { $x * 2 })\n$n int = len($l) + len(\"abc\")\n"
                    + "$c = list.concat([\"a\"], [\"b\"])\n$m = math.mod(7, 2)\n$f = iter.filter($c, func($s) { $s == \"a\" })\n"));
            // the lambda's own body is fine (str + str); it does not fit the list of int it is mapped over
            assertEquals(List.of("mcl-type-mismatch@func($x) { $x + \"a\" }"), brief("import \"iter\"\n$l = iter.map([1], func($x) { $x + \"a\" })\n"));
            assertEquals(List.of("mcl-type-mismatch@math.mod(\"a\", \"b\")"), brief("import \"math\"\n$m = math.mod(\"a\", \"b\")\n"));
            assertEquals(List.of("mcl-arg-count@len(1, 2)"), brief("$n = len(1, 2)\n"));
        }
    }

    /** Argument counts of the polymorphic core functions, whose signature mgmt may build per call. */
    @Nested
    class ArgumentCounts {
        @Test
        void polymorphicFunctionsCountTheirArguments() {
            assertEquals(List.of("mcl-arg-count@list.lookup([1], 0, 2)"), brief("import \"list\"\n$x = list.lookup([1], 0, 2)\n"));
            assertEquals(List.of("mcl-arg-count@map.keys({\"a\" => 1}, 3)"), brief("import \"map\"\n$x = map.keys({\"a\" => 1}, 3)\n"));
            assertEquals(List.of("mcl-arg-count@iter.map([1], func($x) { $x }, 4)"),
                    brief("import \"iter\"\n$x = iter.map([1], func($x) { $x }, 4)\n"));
            assertEquals(List.of("mcl-arg-count@len(\"a\", \"b\")"), brief("$x = len(\"a\", \"b\")\n"));
        }

        @Test
        void signaturesBuiltPerCallCountTheirArgumentsAsMgmtDoes() {
            String imports = "import \"encoding\"\nimport \"fmt\"\nimport \"golang\"\nimport \"iter\"\nimport \"list\"\nimport \"value\"\n";
            assertEquals(List.of(), brief(imports + "$a = iter.range(3)\n$b = iter.range(1, 3)\n$c = iter.range(1, 9, 2)\n"
                    + "$d = list.concat([1])\n$e = list.concat([1], [2], [3])\n$f = value.get_str(\"k\")\n"
                    + "$g = golang.template(\"t\")\n$h = golang.template(\"t\", 1)\n$i = encoding.decode_json(\"{}\")\n"
                    + "$j = iter.reduce([1], func($acc, $x) { $acc + $x }, 0)\n$k = fmt.printf(\"x\")\n"));
            for (String call : List.of("iter.range()", "iter.range(1, 2, 3, 4)", "list.concat()", "value.get_str(\"k\", 1)",
                    "value.get(\"k\", 1)", "golang.template(\"t\", 1, 2)", "encoding.decode_json(\"{}\", \"a\", 1)",
                    "encoding.decode_json_flexible()", "iter.reduce([1], func($acc, $x) { $acc + $x }, 0, 5)",
                    "iter.zip([1], [2], func($a, $b) { $a + $b }, 9)", "iter.flatten([[1]], 2)", "iter.filter([1])",
                    "history(1)", "fmt.printf()")) {
                assertEquals(List.of("mcl-arg-count@" + call), brief(imports + "$x = " + call + "\n"), call);
            }
            assertEquals("func `iter.range` expects 1 to 3 args but got 4", message(imports + "$x = iter.range(1, 2, 3, 4)\n"));
            assertEquals("func `golang.template` expects 1 or 2 args but got 3", message(imports + "$x = golang.template(\"t\", 1, 2)\n"));
        }

        @Test
        void mgmt10HasItsOwnCounts() {
            // in mgmt 1.0 list.lookup and map.lookup take an optional default; iter.map is built per call
            assertEquals(List.of(), brief10("import \"list\"\nimport \"map\"\n$a = list.lookup([1,], 0, 2)\n"
                    + "$b = map.lookup({\"a\" => 1,}, \"a\", 2)\n"));
            assertEquals(List.of("mcl-arg-count@list.lookup([1,], 0, 2, 3)"), brief10("import \"list\"\n$a = list.lookup([1,], 0, 2, 3)\n"));
            assertEquals(List.of("mcl-arg-count@iter.map([1,], func($x) { $x }, 4)"),
                    brief10("import \"iter\"\n$a = iter.map([1,], func($x) { $x }, 4)\n"));
        }

        private static List<String> brief10(String source) {
            var parsed = MclFrontEnd.parse(source, Dialect.MGMT_1_0);
            org.junit.jupiter.api.Assertions.assertFalse(parsed.hasErrors(), () -> parsed.diagnostics().toString());
            MclCheckResult r = MclChecker.check(parsed.program(), Catalog.builtIn(Dialect.MGMT_1_0),
                    rxlsp.mcl.check.SemanticFixture.resolver(Map.of()), Dialect.MGMT_1_0);
            return r.diagnostics().stream().map(d -> d.code() + "@" + source.substring(d.range().start(), d.range().end())).toList();
        }
    }

    @Nested
    class Lookups {
        @Test
        void structFieldsAndDefaults() {
            assertEquals(List.of(), brief("$st = struct{a => 1}\n$x int = $st->a\n$y str = $st->b <|> \"d\"\n"));
            assertEquals(List.of("mcl-missing-field@b"), brief("$st = struct{a => 1}\n$x = $st->b\n"));
            assertEquals(List.of("mcl-type-mismatch@$st->a <|> \"d\""), brief("$st = struct{a => 1}\n$x = $st->a <|> \"d\"\n"));
        }

        @Test
        void indexing() {
            assertEquals(List.of(), brief("$l = [\"a\"]\n$m = {\"k\" => 1}\n$s str = $l[0]\n$i int = $m[\"k\"]\n"));
            assertEquals(List.of("mcl-type-mismatch@\"0\""), brief("$l = [\"a\"]\n$s = $l[\"0\"]\n"));
        }

        @Test
        void ifExpressions() {
            assertEquals(List.of("mcl-type-mismatch@2"), brief("$x = if true { \"a\" } else { 2 }\n"));
            assertEquals(List.of("mcl-type-mismatch@1"), brief("$x = if 1 { \"a\" } else { \"b\" }\n"));
        }
    }

    @Nested
    class Soundness {
        @Test
        void unknownShapesGiveNoError() {
            assertEquals(List.of(), brief("import \"golang/strings\"\nimport \"encoding\"\n"
                    + "$a = strings.to_lower(1) + 2\n$b = encoding.decode_json(\"{}\")\ntest $b->x {}\n"));
        }

        @Test
        void includeAliasExportsAreUnknownOutside() {
            assertEquals(List.of(), brief("class c($a) {\n\t$x = $a\n}\ninclude c(1) as i\n$y = $i.x + 1\n"));
        }

        @Test
        void noTypeErrorsAfterScopeErrors() {
            MclCheckResult r = check("$a = $nope + 1\n$b = \"a\" + 1\n");
            assertEquals(List.of("scope"), r.diagnostics().stream().map(d -> d.stage()).toList());
        }
    }

    @Test
    void inferredTypesPerExpression() {
        Program p = MclFrontEnd.parse("$x = [1, 2]\n$y = {\"a\" => 1.5}\n", Dialect.MGMT_1_1).program();
        MclCheckResult r = MclChecker.check(p, Catalog.builtIn(Dialect.MGMT_1_1), ImportResolver.none());
        assertEquals("[]int", r.types().typeOf(((Stmt.Bind) p.statements().get(0)).value()).orElseThrow().toString());
        assertEquals("map{str: float}", r.types().typeOf(((Stmt.Bind) p.statements().get(1)).value()).orElseThrow().toString());
    }

    @Test
    void bodiesMgmtNeverTypesGetTypesButNoErrors() {
        Program p = MclFrontEnd.parse("class c($a) {\n\t$x = [1]\n\t$bad = 1 + \"a\"\n}\nfunc f($y) { $y + 1 }\n", Dialect.MGMT_1_1).program();
        MclCheckResult r = MclChecker.check(p, Catalog.builtIn(Dialect.MGMT_1_1), ImportResolver.none());
        assertEquals(List.of(), r.diagnostics());
        Stmt.Class c = (Stmt.Class) p.statements().get(0);
        assertEquals("[]int", r.types().typeOf(((Stmt.Bind) c.body().get(0)).value()).orElseThrow().toString());
        assertEquals("int", r.types().typeOf(((Stmt.Func) p.statements().get(1)).body()).orElseThrow().toString());
    }

    @Test
    void localModuleFunctionsAreTyped() {
        assertEquals(List.of("mcl-type-mismatch@lib.f(1)"),
                brief("import \"lib.mcl\"\n$a str = lib.f(1)\n", Map.of("lib.mcl", "func f($x) { $x + 1 }\n")));
    }
}
