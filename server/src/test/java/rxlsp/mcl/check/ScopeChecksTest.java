package rxlsp.mcl.check;

import rxlsp.mcl.model.Definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rxlsp.mcl.check.SemanticFixture.brief;
import static rxlsp.mcl.check.SemanticFixture.check;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Stmt;

class ScopeChecksTest {

    @Nested
    class Names {
        @Test
        void undefinedVariableWithHint() {
            MclCheckResult r = check("$value = 1\n$y = $valeu\n");
            assertEquals(1, r.diagnostics().size());
            assertEquals("var `$valeu` does not exist in this scope; did you mean `$value`?", r.diagnostics().get(0).message());
            assertEquals("scope", r.diagnostics().get(0).stage());
        }

        @Test
        void definitionsAreOrderIndependent() {
            assertEquals(List.of(), brief("$a = $b + 1\n$b = f()\nfunc f() { 41 }\n"));
        }

        @Test
        void redefinitionInOneScopeIsAnError() {
            assertEquals(List.of("mcl-duplicate-definition@$x = 2"), brief("$x = 1\n$x = 2\n"));
        }

        @Test
        void shadowingInNestedBodiesIsAllowed() {
            assertEquals(List.of(), brief("$x = 1\nif true {\n\t$x = \"s\"\n\ttest $x {}\n}\n"
                    + "func f($x) { $x }\n$l = func($x) { $x }\n"));
        }

        @Test
        void bindsInsideAnIfBodyAreNotVisibleOutside() {
            assertEquals(List.of("mcl-undefined-variable@$inner"), brief("if true {\n\t$inner = 1\n}\n$y = $inner\n"));
        }

        @Test
        void variablesFunctionsAndClassesHaveSeparateNamespaces() {
            assertEquals(List.of(), brief("$foo = 1\nfunc foo() { 2 }\nclass foo {}\ninclude foo\n$a = foo() + $foo\n"));
        }

        @Test
        void globalsAndBuiltins() {
            assertEquals(List.of(), brief("$a = $hostname\n$b = $const.res.file.state.exists\n$c = len(\"abc\")\n"));
        }

        @Test
        void undefinedFunctionLambdaAndClass() {
            assertEquals(List.of("mcl-undefined-function@fun1", "mcl-undefined-variable@$g", "mcl-undefined-class@include bar"),
                    brief("$a = fun1()\n$b = $g(1)\ninclude bar\n"));
            assertTrue(check("$b = $g(1)\n").diagnostics().get(0).message().startsWith("lambda `$g`"));
        }

        @Test
        void recursiveDefinitionsAreReportedOnce() {
            MclCheckResult r = check("$a = $b\n$b = $a\n");
            assertEquals(1, r.diagnostics().size());
            assertTrue(r.diagnostics().get(0).message().startsWith("recursive reference while setting scope: not a dag"));
            assertEquals(List.of("mcl-recursive-reference@f"), brief("func f($x) { f($x) }\n"));
            assertEquals(1, check("class c1 {\n\tinclude c2\n}\nclass c2 {\n\tinclude c1\n}\n").diagnostics().size());
        }
    }

    @Nested
    class Classes {
        @Test
        void includeArgumentCount() {
            assertEquals(List.of("mcl-include-arity@include c1"), brief("class c1($a) {}\ninclude c1\n"));
        }

        @Test
        void includeAliasExportsTheBody() {
            assertEquals(List.of(), brief("class c($a) {\n\t$x = $a\n\tfunc f() { 1 }\n}\ninclude c(\"v\") as i\n"
                    + "test \"${i.x}\" {}\n$n = i.f()\n"));
            assertEquals(List.of("mcl-undefined-variable@$i.nope"), brief("class c {}\ninclude c as i\n$y = $i.nope\n"));
        }

        @Test
        void nestedClassSugar() {
            assertEquals(List.of(), brief("class base($s) {\n\t$middle = $s\n}\nclass base:inner($s) {\n\t$last = $middle\n}\n"
                    + "include base(\"w\") as b1\ninclude b1.inner(\"h\") as b2\ntest \"${b2.last}\" {}\n"));
        }

        @Test
        void duplicateIncludeAlias() {
            assertEquals(List.of("mcl-duplicate-definition@include c as i"), brief("class c {}\ninclude c as i\ninclude c as i\n"));
        }
    }

    @Nested
    class Imports {
        @Test
        void systemPackagesAndAliases() {
            assertEquals(List.of(), brief("import \"fmt\"\nimport \"golang/strings\"\nimport \"os\" as o\n"
                    + "$a = fmt.printf(\"%s\", strings.to_lower(\"A\"))\n$b = o.is_family_debian()\n$c = $o.family_redhat\n"));
        }

        @Test
        void bareImport() {
            assertEquals(List.of(), brief("import \"fmt\" as *\n$a = printf(\"%d\", 1)\n"));
        }

        @Test
        void importErrors() {
            assertEquals(List.of("mcl-unknown-package@import \"nonexistentxyz\"", "mcl-duplicate-import@import \"fmt\"",
                            "mcl-duplicate-import-alias@import \"os\" as fmt", "mcl-absolute-import@import \"/foo\""),
                    brief("import \"nonexistentxyz\"\nimport \"fmt\"\nimport \"fmt\"\nimport \"os\" as fmt\nimport \"/foo\"\n"));
        }

        @Test
        void unknownPackageFunctionWithHint() {
            MclCheckResult r = check("import \"fmt\"\n$a = fmt.prinft(\"x\")\n");
            assertEquals("func `fmt.prinft` does not exist in this scope; did you mean `fmt.printf`?", r.diagnostics().get(0).message());
        }

        @Test
        void localFileAndModule() {
            Map<String, String> files = Map.of("lib.mcl", "$greeting = \"hi\"\nfunc twice($x) { $x + $x }\n",
                    "mod/main.mcl", "class web {}\n");
            assertEquals(List.of(), brief("import \"lib.mcl\"\nimport \"mod/\"\n$a = lib.twice($lib.greeting)\ninclude mod.web\n", files));
        }

        @Test
        void moduleErrorsAreReportedInTheModuleAndAtTheImport() {
            Map<String, String> files = Map.of("second.mcl", "class x {\n\t$a = os.is_family_debian()\n}\n");
            MclCheckResult r = check("import \"second.mcl\"\ninclude second.x\n", files);
            assertEquals("mcl-import-failed", r.diagnostics().get(0).code());
            assertEquals("mcl-undefined-function", r.moduleDiagnostics().get("second.mcl").get(0).code());
        }

        @Test
        void moduleWithUnusedStatements() {
            MclCheckResult r = check("import \"m.mcl\"\n", Map.of("m.mcl", "print \"p\" {}\n"));
            assertTrue(r.diagnostics().get(0).message().contains("module contains unused statements: found stmt: res(print)"));
        }

        @Test
        void recursiveImportsTerminate() {
            Map<String, String> files = Map.of("a.mcl", "import \"b.mcl\"\n", "b.mcl", "import \"a.mcl\"\n");
            MclCheckResult r = check("import \"a.mcl\"\n", files);
            assertTrue(r.moduleDiagnostics().get("b.mcl").stream().anyMatch(d -> d.code().equals("mcl-recursive-import")),
                    () -> r.moduleDiagnostics().toString());
        }

        @Test
        void missingFileAndBadMetadata() {
            assertEquals(List.of("mcl-import-failed@import \"nope.mcl\""), brief("import \"nope.mcl\"\n"));
            assertTrue(ModuleMetadata.mainFile("main: \"x.mcl\"\npath: \"y/\"\n").main().equals("x.mcl"));
            assertTrue(ModuleMetadata.mainFile("{ not yaml at all").problem() != null);
        }

        @Test
        void unavailableImportsAreAcceptedUnchecked() {
            var parsed = rxlsp.mcl.MclFrontEnd.parse("import \"lib.mcl\"\n$a = lib.f($lib.x)\n", rxlsp.mcl.Dialect.MGMT_1_1);
            MclCheckResult r = MclChecker.check(parsed.program(), rxlsp.mcl.catalog.Catalog.builtIn(rxlsp.mcl.Dialect.MGMT_1_1),
                    ImportResolver.none());
            assertEquals(List.of(), r.diagnostics());
        }
    }

    @Test
    void resolutionRecordsDefinitions() {
        String src = "import \"fmt\"\n$x = 1\n$y = fmt.printf(\"%d\", $x)\nclass c {}\ninclude c\n";
        var program = rxlsp.mcl.MclFrontEnd.parse(src, rxlsp.mcl.Dialect.MGMT_1_1).program();
        MclCheckResult r = MclChecker.check(program, rxlsp.mcl.catalog.Catalog.builtIn(rxlsp.mcl.Dialect.MGMT_1_1), ImportResolver.none());
        Stmt.Bind x = (Stmt.Bind) program.statements().get(1);
        Expr.Call call = (Expr.Call) ((Stmt.Bind) program.statements().get(2)).value();
        Definition printf = r.resolution().of(call).orElseThrow();
        assertInstanceOf(Definition.Builtin.class, printf);
        assertEquals("fmt.printf", ((Definition.Builtin) printf).info().qualified());
        Definition.Bind use = (Definition.Bind) r.resolution().of(call.args().get(1)).orElseThrow();
        assertSame(x, use.stmt());
        assertEquals(x.nameRange(), use.range());
        assertInstanceOf(Definition.Class.class, r.resolution().of(program.statements().get(4)).orElseThrow());
    }
}
