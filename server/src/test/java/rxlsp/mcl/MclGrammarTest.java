package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static rxlsp.mcl.Dialect.MGMT_1_0;
import static rxlsp.mcl.Dialect.MGMT_1_1;

import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;

/**
 * The MCL grammar rule by rule: lexing, each precedence level in both dialects (checked on the
 * shape of the parse tree), the layout rules of mgmt 1.1 and the comma rules of mgmt 1.0, and the
 * checks mgmt makes while parsing.
 */
class MclGrammarTest {

    // -----------------------------------------------------------------------------------------
    // Lexing

    @Nested
    class Lexing {
        @Test
        void signIsPartOfTheNumber() {
            assertEquals(List.of("INTEGER:1", "INTEGER:-2"), tokens("1-2", MGMT_1_1));
            assertEquals(List.of("INTEGER:13", "MINUS:-", "INTEGER:-1"), tokens("13 - -1", MGMT_1_1));
            assertEquals(List.of("DOLLAR:$", "IDENTIFIER:x", "INTEGER:-1"), tokens("$x-1", MGMT_1_1));
            assertEquals(List.of("FLOAT:1.5", "IDENTIFIER:e3"), tokens("1.5e3", MGMT_1_1));
            assertEquals(List.of("ARROW:->", "FLOAT:-0.5"), tokens("->-0.5", MGMT_1_1));
            rejects(MGMT_1_1, "$x = 1-2\n", "$x = $a-1\n", "$x = -$a\n", "$x = 1.\n", "$x = .5\n");
            accepts(MGMT_1_1, "$n = -13\n", "$p = 13 - -1\n", "$f = -1.25\n", "$z = 01134\n");
        }

        @Test
        void keywordsNeedTheWholeWord() {
            assertEquals(List.of("IF:if", "IDENTIFIER:iffy", "INT_IDENTIFIER:int", "IDENTIFIER:int8", "IN:in",
                    "IDENTIFIER:into", "FORKV:forkv", "IDENTIFIER:fork", "BOOL:true", "IDENTIFIER:falsey"),
                    tokens("if iffy int int8 in into forkv fork true falsey", MGMT_1_1));
        }

        @Test
        void identifiersAreLowerCaseWithInnerUnderscores() {
            assertEquals(List.of("IDENTIFIER:a__b", "IDENTIFIER:a", "ERROR:_"), tokens("a__b a_", MGMT_1_1));
            assertEquals(List.of("CAPITALIZED_IDENTIFIER:Http", "COLON::", "CAPITALIZED_IDENTIFIER:Server",
                    "CAPITALIZED_IDENTIFIER:H", "CAPITALIZED_IDENTIFIER:T"), tokens("Http:Server HT", MGMT_1_1));
        }

        @Test
        void colonKindsAndDottedNames() {
            accepts(MGMT_1_1,
                    "http:server:ui \"x\" {}\n",
                    "Http:Server:Flag[\"x\"] -> Pkg[\"y\"]\n",
                    "$s = $const.res.file.state.exists\n",
                    "$s = fmt.printf(\"%s\", $x)\n",
                    "$s = $map.keys\n",
                    "$s = map.keys($m)\n",
                    "$s = $ collect\n");
            rejects(MGMT_1_1, "include a:b\n", "func a.b() { 1 }\n", "func map() { 1 }\n", "$a.b = 1\n",
                    "HTTP:Server[\"x\"] -> Pkg[\"y\"]\n");
        }

        @Test
        void stringsSpanLinesAndEndAtTheLongestMatch() {
            assertEquals(List.of("STRING:\"a\\\"b\"", "STRING:\"multi\nline\""), tokens("\"a\\\"b\" \"multi\nline\"", MGMT_1_1));
            // `[^"]` also takes a backslash, so `"C:\\" + "x"` is one string up to the second quote.
            assertEquals(List.of("STRING:\"C:\\\\\" + \"", "IDENTIFIER:x", "ERROR:\""), tokens("\"C:\\\\\" + \"x\"", MGMT_1_1));
            accepts(MGMT_1_1, "$s = \"first\nsecond\"\n");
        }

        @Test
        void commentsAreKeptOnTheirOwnChannel() {
            MclSyntax.Result result = MclSyntax.parseTree("$x = 1 # one\n# two\n", MGMT_1_1);
            assertTrue(result.errors().isEmpty(), result.errors().toString());
            List<String> comments = result.tokens().getTokens().stream()
                    .filter(t -> t.getChannel() == MclLexer.COMMENTS).map(Token::getText).toList();
            assertEquals(List.of("# one", "# two"), comments);
        }

        @Test
        void carriageReturnsAreRejected() {
            List<SyntaxError> errors = MclSyntax.parse("$x = 1\r\n", MGMT_1_1);
            assertEquals(1, errors.size(), errors.toString());
            assertEquals(1, errors.get(0).line());
            assertEquals(6, errors.get(0).column());
            assertTrue(errors.get(0).message().contains("carriage return"), errors.get(0).message());
            rejects(MGMT_1_0, "$x = 1\r\n");
            // inside a comment or a string it is just a character, as in mgmt
            accepts(MGMT_1_1, "$x = 1 # windows\r\n", "$x = \"a\rb\"\n");
        }

        @Test
        void unrecognizedCharacters() {
            for (String bad : List.of("$x = !$a\n", "$x = $a % 2\n", "$x = $a && $b\n", "$x = 'a'\n", "$x = @\n", "$é = 1\n")) {
                List<SyntaxError> errors = MclSyntax.parse(bad, MGMT_1_1);
                assertFalse(errors.isEmpty(), bad);
                assertTrue(errors.get(0).message().startsWith("unrecognized"), bad + ": " + errors);
            }
        }

        @Test
        void numbersMustFit64Bits() {
            accepts(MGMT_1_1, "$x = 9223372036854775807\n", "$x = -9223372036854775808\n", "$x = 1.7976931348623157\n");
            List<SyntaxError> errors = MclSyntax.parse("test \"t1\" {\n\tuint64 => 18446744073709551615,\n}\n", MGMT_1_1);
            assertEquals(1, errors.size(), errors.toString());
            assertEquals("2:12: integer: overflow: `18446744073709551615`", errors.get(0).toString());
            rejects(MGMT_1_1, "$x = 9223372036854775808\n");
        }

        @Test
        void dialectsChangeNewlinesAndTheLookupDefault() {
            assertEquals(List.of("IDENTIFIER:a", "NEWLINE:\n", "EXCEPT:<|>", "DEFAULT:||", "ERROR:|"), tokens("a\n<|> || |", MGMT_1_1));
            assertEquals(List.of("IDENTIFIER:a", "LT:<", "ERROR:|", "GT:>", "DEFAULT:||"), tokens("a\n<|> ||", MGMT_1_0));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Precedence and associativity, as trees: (op left right), (?-> s f default) for the
    // optional struct field, (?[] l i default) for the 1.0/1.1.0 lookup default.

    @Nested
    class Precedence11 {
        @Test
        void orIsLooserThanAnd() {
            assertShape(MGMT_1_1, "$a or $b and $c", "(or $a (and $b $c))");
            assertShape(MGMT_1_1, "$a and $b or $c", "(or (and $a $b) $c)");
            assertShape(MGMT_1_1, "$a or $b or $c", "(or (or $a $b) $c)");
            assertShape(MGMT_1_1, "$a and $b and $c", "(and (and $a $b) $c)");
        }

        @Test
        void comparisonsIncludingInAreNonAssociative() {
            assertShape(MGMT_1_1, "$a == $b and $c != $d", "(and (== $a $b) (!= $c $d))");
            assertShape(MGMT_1_1, "$a < $b + 1", "(< $a (+ $b 1))");
            assertShape(MGMT_1_1, "1 + 2 in $l", "(in (+ 1 2) $l)");
            assertShape(MGMT_1_1, "$a <= $b", "(<= $a $b)");
            rejects(MGMT_1_1, "$x = $a < $b < $c\n", "$x = $a == $b == $c\n", "$x = $x in $l == true\n",
                    "$x = $a == $b in $l\n", "$x = $a >= $b > $c\n");
            assertFirstErrorAt(MGMT_1_1, "$x = $a < $b < $c\n", 1, 14);
        }

        @Test
        void additiveAndMultiplicativeAreLeftAssociative() {
            assertShape(MGMT_1_1, "1 - 2 - 3", "(- (- 1 2) 3)");
            assertShape(MGMT_1_1, "8 / 4 / 2", "(/ (/ 8 4) 2)");
            assertShape(MGMT_1_1, "1 + 2 * 3", "(+ 1 (* 2 3))");
            assertShape(MGMT_1_1, "1 * 2 + 3", "(+ (* 1 2) 3)");
            assertShape(MGMT_1_1, "(1 + 2) * 3", "(* (paren (+ 1 2)) 3)");
        }

        @Test
        void notBindsTighterThanEveryBinaryOperator() {
            assertShape(MGMT_1_1, "not $a == $b", "(== (not $a) $b)");
            assertShape(MGMT_1_1, "not $x in $l", "(in (not $x) $l)");
            assertShape(MGMT_1_1, "not $a + 1", "(+ (not $a) 1)");
            assertShape(MGMT_1_1, "not not $a", "(not (not $a))");
            assertShape(MGMT_1_1, "not $s->f", "(not (-> $s f))");
            assertShape(MGMT_1_1, "not $l[0]", "(not ([] $l 0))");
        }

        @Test
        void postfixOperatorsBindTightestAndChain() {
            assertShape(MGMT_1_1, "$a->b->c", "(-> (-> $a b) c)");
            assertShape(MGMT_1_1, "$s->f[0]", "([] (-> $s f) 0)");
            assertShape(MGMT_1_1, "$l[0][1]", "([] ([] $l 0) 1)");
            assertShape(MGMT_1_1, "$x + $l[0]", "(+ $x ([] $l 0))");
            assertShape(MGMT_1_1, "f($x)->a", "(-> f($x) a)");
        }

        @Test
        void exceptIsLowestAndLeftAssociative() {
            assertShape(MGMT_1_1, "$a <|> $b <|> $c", "(<|> (<|> $a $b) $c)");
            assertShape(MGMT_1_1, "$a or $b <|> $c", "(<|> (or $a $b) $c)");
            assertShape(MGMT_1_1, "$m[\"k\"] <|> \"b\" + \"c\"", "(<|> ([] $m \"k\") (+ \"b\" \"c\"))");
            assertShape(MGMT_1_1, "$x + $y <|> $d", "(<|> (+ $x $y) $d)");
            assertShape(MGMT_1_1, "42 / 0 <|> 13.0", "(<|> (/ 42 0) 13.0)");
        }

        @Test
        void optionalStructFieldBindsToItsArrow() {
            assertShape(MGMT_1_1, "$st->f <|> $d", "(?-> $st f $d)");
            assertShape(MGMT_1_1, "$x + $st->f <|> $d", "(+ $x (?-> $st f $d))");
            assertShape(MGMT_1_1, "$st->f <|> $a + 1", "(?-> $st f (+ $a 1))");
            assertShape(MGMT_1_1, "$st->f <|> $d <|> $e", "(<|> (?-> $st f $d) $e)");
            assertShape(MGMT_1_1, "$a->f <|> $b->g <|> $c", "(?-> $a f (?-> $b g $c))");
            assertShape(MGMT_1_1, "($st->f) <|> $d", "(<|> (paren (-> $st f)) $d)");
            assertShape(MGMT_1_1, "not $st->f <|> $d", "(not (?-> $st f $d))");
            assertShape(MGMT_1_1, "$x < $st->f <|> $d < 1", "(< $x (?-> $st f (< $d 1)))");
            rejects(MGMT_1_1, "$x = $st->f <|> $d < 1 < 2\n");
        }

        @Test
        void lookupDefaultOfRelease110AfterALookupOnly() {
            assertShape(MGMT_1_1, "$l[0] || \"x\" + \"y\"", "(?[] $l 0 (+ \"x\" \"y\"))");
            assertShape(MGMT_1_1, "$st->f || \"x\"", "(?-> $st f \"x\")");
            assertShape(MGMT_1_1, "$x + $l[0] || 1", "(+ $x (?[] $l 0 1))");
            rejects(MGMT_1_1, "$x = $a || $b\n", "$x = $l[0] || $b || $c\n", "$x = [1] || 2\n", "$x = ($l[0]) || 2\n",
                    "$x = $l[0] || $b < 1 < 2\n");
        }
    }

    @Nested
    class Precedence10 {
        @Test
        void andAndOrShareALevel() {
            assertShape(MGMT_1_0, "$a or $b and $c", "(and (or $a $b) $c)");
            assertShape(MGMT_1_0, "$a and $b or $c", "(or (and $a $b) $c)");
            assertShape(MGMT_1_0, "$a == $b or $c", "(or (== $a $b) $c)");
        }

        @Test
        void inBindsTightest() {
            assertShape(MGMT_1_0, "1 + 2 in $l", "(+ 1 (in 2 $l))");
            assertShape(MGMT_1_0, "not $x in $l", "(not (in $x $l))");
            assertShape(MGMT_1_0, "$x in $l == true", "(== (in $x $l) true)");
            assertShape(MGMT_1_0, "$a == $b in $l", "(== $a (in $b $l))");
            assertShape(MGMT_1_0, "$a in $l[0]", "([] (in $a $l) 0)");
            assertShape(MGMT_1_0, "$a[0] in $l", "(in ([] $a 0) $l)");
            assertShape(MGMT_1_0, "$a in $l->f", "(-> (in $a $l) f)");
            rejects(MGMT_1_0, "$x = $a in $b in $c\n", "$x = $a < $b < $c\n");
            accepts(MGMT_1_0, "$x = ($a in $b)[0] in $c\n");
        }

        @Test
        void lookupDefaultBindsTighterThanArithmetic() {
            assertShape(MGMT_1_0, "$m[\"k\"] || \"b\" + \"c\"", "(+ (?[] $m \"k\" \"b\") \"c\")");
            assertShape(MGMT_1_0, "$x + $m[0] || 1", "(+ $x (?[] $m 0 1))");
            assertShape(MGMT_1_0, "$st->f || $d", "(?-> $st f $d)");
            assertShape(MGMT_1_0, "$m[0] || $d in $l", "(?[] $m 0 (in $d $l))");
            assertShape(MGMT_1_0, "$m[0] || $d[1] || $e", "(?[] $m 0 (?[] $d 1 $e))");
            assertShape(MGMT_1_0, "$m[0] || $d->f", "(-> (?[] $m 0 $d) f)");
            rejects(MGMT_1_0, "$x = $st->f || $d || $e\n", "$x = $a || $b\n", "$x = $m[0] || $d in $l in $z\n");
        }

        @Test
        void exceptDoesNotExist() {
            rejects(MGMT_1_0, "$x = $a <|> $b\n");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Layout (mgmt 1.1+) and commas (mgmt 1.0)

    @Nested
    class Layout11 {
        @ParameterizedTest
        @ValueSource(strings = {
            "$l = []\n", "$l = [1, 2]\n", "$l = [\n]\n", "$l = [\n\t1,\n\t2,\n]\n", "$l = [\n\n\t1, # one\n\n\t# c\n\t2,\n]\n",
            "$m = {}\n", "$m = {\"a\" => 1, \"b\" => 2}\n", "$m = {\n\t\"a\" => 1,\n}\n",
            "$s = struct{}\n", "$s = struct{a => 1, b => 2}\n", "$s = struct{\n\ta => 1,\n\tb => 2,\n}\n",
            "$x = f(1, [\n\t2,\n])\n", "$x = f(\n\t1,\n\t2,\n)\n", "$x = f(\n)\n", "$x = f()\n",
            "func f($a, $b) {\n\t$a\n}\n", "func f(\n\t$a,\n\t$b str,\n) str {\n\t$a\n}\n", "func f() { 1 }\n",
            "$f = func($x) { $x }\n", "$f = func($x int) int {\n\n\t$x\n\n}\n", "$y = func($x) { $x }(1)\n",
            "$t func(str, int) str = $f\n", "$t func(\n\tstr,\n\t$b int,\n) str = $f\n", "$t func() str = $f\n",
            "$t struct{a int; b []str} = $s\n", "$t map{str: []int} = $m\n", "$t struct{} = $s\n", "$t variant = $v\n",
            "test \"t\" {}\n", "test \"t\" { a => 1, b => 2, }\n", "test \"t\" {\n\ta => 1,\n\n\tb => 2, c => 3,\n}\n",
            "test \"t\" {\n\tMeta:noop => true,\n\tMeta:retry => $c ?: 3,\n\tMeta => $c ?: struct{noop => true},\n\tBefore => Test[\"x\"],\n\tDepend => $c ?: Test[\"y\"],\n\tanotherstr => $c ?: \"x\",\n}\n",
            "if $b {}\n", "if $b {\n\ttest \"a\" {}\n} else {\n}\n", "$l = if $c { \"yes\" } else { \"no\" }\n",
            "$l = if $c {\n\t\"yes\"\n} else {\n\t\"no\"\n}\n",
            "for $i, $v in $l {\n}\n", "forkv $k, $v in $m {\n\ttest $k {}\n}\n",
            "class c {\n}\n", "class c($a str, $b) {\n\t$x = $a\n}\n", "class base:inner {\n}\n",
            "include c\n", "include c(1, 2) as i\n", "include b1.inner(\"x\") as b2\n",
            "import \"fmt\"\n", "import \"fmt\" as f\n", "import \"fmt\" as *\n",
            "panic(\"x\")\n", "panic(\n\t\"x\",\n\t\"y\",\n)\n", "collect file \"x\" {}\n",
            "Test[\"a\"] -> Test[\"b\"] -> Test[\"c\"]\n", "Test[\"a\"]\n", "Exec[\"a\"].output -> File[\"b\"].content\n",
            "\n\n$x = 1\n\n# end\n", "", "# only a comment\n",
        })
        void accepted(String program) {
            accepts(MGMT_1_1, program);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "$l = [1, 2,]\n", "$l = [1,\n2]\n", "$l = [\n\t1,\n\t2\n]\n", "$l = [\n\t1, 2,\n]\n", "$l = [\n\t1,\n\t2,]\n",
            "$l = [, 1]\n", "$l = [1, , 2]\n", "$l = [\n\t1,\n\t,\n]\n",
            "$m = {\"a\" => 1,}\n", "$m = {\"a\" => 1, , \"b\" => 2}\n", "$s = struct{a => 1,}\n", "$s = struct{w => 1, , o => 2}\n",
            "$x = f(1, 2,)\n", "$x = f(, 1)\n", "$x = f(1,\n2)\n", "func f($a, $b,) { $a }\n", "$f = func(\n\t,$x,\n) {\n\t$x\n}\n",
            "$t func(, str) str = $f\n", "$t struct{; x str} = $s\n", "$t struct{x str;} = $s\n", "$t map{str: int,} = $m\n",
            "test \"t\" { a => 1 }\n", "test \"t\" {\n\ta => 1\n}\n", "test \"t\" {\n\ta =>\n\t1,\n}\n", "test \"t\" {\n\ta => 1\n\t,\n}\n",
            "test \"t\"\n{}\n", "test \"t\" { Foo[\"a\"] => 1, }\n",
            "$x = $a +\n$b\n", "$x = ($a +\n$b)\n", "$x = $a\n+ $b\n", "Test[\"a\"]\n-> Test[\"b\"]\n",
            "if $b { test \"a\" {} }\n", "if $b\n{\n}\n", "if $b {\n}\nelse {\n}\n", "if $b {\n} else if $c {\n}\n",
            "$l = if $c { 1 }\n", "$l = if $c { 1 }\nelse { 2 }\n", "func f()\n{\n\t1\n}\n", "func f() {\n\t$a = 1\n\t$a\n}\n",
            "$x = 1 $y = 2\n", "$x = 1 2\n", "test \"t\" {}\n)\n", "$x = 1", "f()\n", "$f(1)\n",
            "$x = $f(1)(2)\n", "$x = (func() { 1 })()\n",
            "Test[\"a\"].x -> Test[\"b\"].y -> Test[\"c\"].z\n", "Test[\"a\"].x -> Test[\"b\"]\n",
            "import \"fmt\" as f.g\n", "include c as *\n", "file { \"/tmp/foo\":\n\tensure => present,\n}\n",
        })
        void rejected(String program) {
            assertFalse(MclSyntax.parse(program, MGMT_1_1).isEmpty(), "mgmt 1.1 rejects:\n" + program);
        }

        @Test
        void errorsAreWhereMgmtReportsThem() {
            assertFirstErrorAt(MGMT_1_1, "$x = 1 2\ntest \"t\" {}\n", 1, 8);          // unexpected INTEGER, expecting NEWLINE
            assertFirstErrorAt(MGMT_1_1, "$x = [1, 2]]\ntest \"t\" {}\n", 1, 12);     // unexpected CLOSE_BRACK
            assertFirstErrorAt(MGMT_1_1, "test \"t\" {}\n)\n", 2, 1);                // unexpected CLOSE_PAREN
            assertFirstErrorAt(MGMT_1_1, "$st struct{; x str} = $s\n", 1, 12);       // unexpected SEMICOLON
            assertFirstErrorAt(MGMT_1_1, "$fn func(, str) str = $f\n", 1, 10);       // unexpected COMMA
            assertFirstErrorAt(MGMT_1_1, "$d []struct{x int;x int}\n", 1, 25);       // unexpected NEWLINE, expecting EQUALS
            assertFirstErrorAt(MGMT_1_1, "$x = $l[1, 2]\n", 1, 10);                 // at the comma, not at the bracket
            assertFirstErrorAt(MGMT_1_1, "test -1 [$a, $b] {}\n", 1, 12);
            assertEquals("1:8: unexpected INTEGER, expecting NEWLINE", MclSyntax.parse("$x = 1 2\n", MGMT_1_1).get(0).toString());
            assertEquals("1:12: unexpected CLOSE_BRACK, expecting NEWLINE", MclSyntax.parse("$x = [1, 2]]\n", MGMT_1_1).get(0).toString());
        }

        @Test
        void unexpectedEndSitsAfterTheLastToken() {
            List<SyntaxError> errors = MclSyntax.parse("test \"t\" {", MGMT_1_1);
            assertFalse(errors.isEmpty());
            assertEquals("1:11", errors.get(0).line() + ":" + (errors.get(0).column() + 1));
            assertTrue(errors.get(0).message().startsWith("unexpected $end"), errors.toString());
            // newlines are tokens in 1.1, so trailing blank lines move it (as in mgmt)
            assertFirstErrorAt(MGMT_1_1, "test \"t\" {\n\n\n", 4, 1);
            assertFirstErrorAt(MGMT_1_1, "$x = 1", 1, 7);
        }
    }

    @Nested
    class Commas10 {
        @ParameterizedTest
        @ValueSource(strings = {
            "$l = [1, 2, 3,]\n", "$l = []\n", "$m = {\"a\" => 1, \"b\" => 2,}\n", "$s = struct{a => 1,}\n",
            "$x = f(, $a)\n", "$x = f($a, $b)\n", "$f = func(, $a) { $a }\n", "$t func(, str) str = $f\n",
            "$t struct{; a int} = $s\n", "$t struct{a int; b str} = $s\n", "include c(, 1)\n",
            "$a = 1 $b = 2\n", "$x = 1\n+ 2\n", "if $a {\n}\nelse {\n}\n", "if $b { test \"a\" {} }\n",
            "test \"t\" {\n\ta\n\t=>\n\t1\n\t,\n}\n", "$l = [\n\t1,\n\t2,\n]\n", "$x = 1",
            "$l = if $c {\n1\n}\nelse\n{\n2\n}\n", "func f()\n{\n1\n}\n",
            "$x = $m[0] || \"d\"\n", "test [$l1[0] || \"fail\",] {}\n",
        })
        void accepted(String program) {
            accepts(MGMT_1_0, program);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "$l = [1, 2, 3]\n", "$l = [1,,]\n", "$l = [,]\n", "$m = {\"a\" => 1}\n", "$s = struct{a => 1}\n",
            "$x = f($a,)\n", "$x = f(,)\n", "$x = f(, , $a)\n", "$t struct{;} = $s\n", "$t struct{a int;} = $s\n",
            "$x = $a <|> $b\n", "test \"t\" { a => 1 }\n",
        })
        void rejected(String program) {
            assertFalse(MclSyntax.parse(program, MGMT_1_0).isEmpty(), "mgmt 1.0 rejects:\n" + program);
        }

        @Test
        void unexpectedEndIsReportedOnTheLineOfTheLastToken() {
            // mgmt 1.0: `syntax error: unexpected $end, expecting EQUALS` @1:6
            assertFirstErrorAt(MGMT_1_0, "$d []struct{x int;x int}\n\n", 1, 25);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Checks mgmt makes in its grammar actions

    @Nested
    class ParseStage {
        @Test
        void duplicateStructTypeField() {
            List<SyntaxError> errors = MclSyntax.parse("$st struct{x int; x int} = struct{x => 0, x => 0}\n", MGMT_1_1);
            assertEquals(1, errors.size(), errors.toString());
            assertEquals("1:24: can't set return type in parser: duplicate struct field of `x int`", errors.get(0).toString());
            assertEquals(1, MclSyntax.parse("$st struct{x int; x int} = struct{x => 0, x => 0,}\n", MGMT_1_0).size());
        }

        @Test
        void syntaxErrorsWinOverActionErrors() {
            List<SyntaxError> errors = MclSyntax.parse("$d []struct{x int;x int}\n", MGMT_1_1);
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).message().contains("expecting EQUALS"), errors.toString());
        }

        @Test
        void unnamedFuncTypeArgumentsAreNamedByPosition() {
            accepts(MGMT_1_1, "$f func(str, $a int) str = $g\n");
            assertTrue(MclSyntax.parse("$f func(str, $a int) str = $g\n", MGMT_1_0).get(0).message()
                    .contains("duplicate arg name of `a`"));
            rejects(MGMT_1_1, "$f func($a str, $a int) str = $g\n");
            assertEquals("aa", ParseStageChecks.alphaName(26));
        }

        @Test
        void onlyMetaTakesAValueUnderACapitalizedName() {
            accepts(MGMT_1_1, "test \"t\" {\n\tMeta:noop => true,\n\tMeta => $m,\n\tNotify => Test[\"b\"],\n}\n");
            assertEquals("can't use unknown resource field: foo",
                    MclSyntax.parse("test \"t\" {\n\tFoo:noop => true,\n}\n", MGMT_1_1).get(0).message());
            rejects(MGMT_1_1, "test \"t\" {\n\tBefore => $c,\n}\n", "test \"t\" {\n\tBefore => $c ?: $d,\n}\n");
        }

        @Test
        void annotatedBindsRejectMismatchedLiterals() {
            accepts(MGMT_1_1, "$x int = 42\n", "$x float = 1.5\n", "$x str = \"${y}\"\n", "$x []str = [1]\n",
                    "$m map{int: str} = {42 => \"a\"}\n", "$x int = $y\n", "$x int = 1 + 2\n",
                    "$f func(int) str = func($x int) str { \"a\" }\n", "$f func(int) str = func($x) { \"a\" }\n");
            rejects(MGMT_1_1, "$x int = \"a\"\n", "$x float = 42\n", "$x variant = true\n", "$x int = (\"a\")\n",
                    "$m []str = {}\n", "$m map{[]str: int} = {}\n",
                    "$f func(int) str = func($x str) str { \"a\" }\n", "$f int = func($x str) str { \"a\" }\n");
        }
    }

    @Test
    void deepNestingBecomesAnErrorNotACrash() {
        String deep = "$x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        List<SyntaxError> errors = MclSyntax.parse(deep, MGMT_1_1);
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).message().contains("nested too deeply"), errors.toString());
    }

    @Test
    void sameGeneratedClassesServeBothDialects() {
        String program = "$l = [1, 2]\n";
        assertTrue(MclSyntax.parse(program, MGMT_1_1).isEmpty());
        assertFalse(MclSyntax.parse(program, MGMT_1_0).isEmpty());
        assertTrue(MclSyntax.parse("$l = [1, 2,]\n", MGMT_1_0).isEmpty());
    }

    // -----------------------------------------------------------------------------------------
    // Helpers

    private static List<String> tokens(String text, Dialect dialect) {
        MclLexer lexer = new MclLexer(org.antlr.v4.runtime.CharStreams.fromString(text));
        lexer.legacy = dialect == MGMT_1_0;
        return lexer.getAllTokens().stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL)
                .map(t -> MclLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText()).toList();
    }

    private static void accepts(Dialect dialect, String... programs) {
        for (String program : programs) {
            List<SyntaxError> errors = MclSyntax.parse(program, dialect);
            assertTrue(errors.isEmpty(), dialect + " accepts:\n" + program + "\nbut got " + errors);
        }
    }

    private static void rejects(Dialect dialect, String... programs) {
        for (String program : programs) {
            assertFalse(MclSyntax.parse(program, dialect).isEmpty(), dialect + " rejects:\n" + program);
        }
    }

    private static void assertFirstErrorAt(Dialect dialect, String program, int line, int mgmtColumn) {
        List<SyntaxError> errors = MclSyntax.parse(program, dialect);
        assertFalse(errors.isEmpty(), "expected an error in:\n" + program);
        assertEquals(line + ":" + mgmtColumn, errors.get(0).line() + ":" + (errors.get(0).column() + 1), errors.toString());
    }

    /** Parses {@code $x = <expression>} and renders the expression as an S-expression. */
    private static void assertShape(Dialect dialect, String expression, String expected) {
        MclSyntax.Result result = MclSyntax.parseTree("$x = " + expression + "\n", dialect);
        assertTrue(result.errors().isEmpty(), expression + ": " + result.errors());
        MclParser.BindContext bind = result.tree().prog().stmt(0).bind();
        assertNotNull(bind);
        assertEquals(expected, render(bind.expr()), expression);
    }

    private static String render(ParseTree node) {
        return switch (node) {
            case MclParser.ExprContext e -> leftFold(e);
            case MclParser.OrExprContext e -> leftFold(e);
            case MclParser.AndExprContext e -> leftFold(e);
            case MclParser.CmpExprContext e -> e.cmpOp() == null ? render(e.addExpr(0))
                    : "(" + e.cmpOp().getText() + " " + render(e.addExpr(0)) + " " + render(e.addExpr(1)) + ")";
            case MclParser.AddExprContext e -> leftFold(e);
            case MclParser.MulExprContext e -> leftFold(e);
            case MclParser.UnaryExprContext e -> e.NOT() != null ? "(not " + render(e.unaryExpr()) + ")" : render(e.postfixExpr());
            case MclParser.PostfixExprContext e -> chain(render(e.primary()), e.inTail(), e.postfixOp());
            case MclParser.InOperandContext e -> e.NOT() != null ? "(not " + render(e.unaryExpr()) + ")" : render(e.primary());
            case MclParser.ExceptOperandContext e -> render(e.orExpr());
            case MclParser.DefaultOperandContext e -> e.expr() != null ? render(e.expr())
                    : e.NOT() != null ? "(not " + render(e.unaryExpr()) + ")"
                    : chain(render(e.primary()), e.inTail(), e.legacyIndexOp());
            case MclParser.ParenExprContext e -> "(paren " + render(e.expr()) + ")";
            case MclParser.VarExprContext e -> "$" + e.varRef().dottedIdent().getText()
                    + (e.callArgs() == null ? "" : "(" + args(e.callArgs()) + ")");
            case MclParser.CallExprContext e -> e.dottedIdent().getText() + "(" + args(e.callArgs()) + ")";
            case MclParser.IfExprContext e -> "(if " + render(e.expr(0)) + " " + render(e.expr(1)) + " " + render(e.expr(2)) + ")";
            case MclParser.PrimaryContext e -> e.getText();
            default -> fail("unexpected node " + node.getClass().getSimpleName());
        };
    }

    private static String args(MclParser.CallArgsContext callArgs) {
        return callArgs.expr().stream().map(MclGrammarTest::render).collect(Collectors.joining(" "));
    }

    /** {@code a op b op c} as {@code (op (op a b) c)}: operands are the rule children, operators the tokens. */
    private static String leftFold(ParserRuleContext ctx) {
        String acc = null;
        String op = null;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode t) {
                op = t.getText();
            } else if (acc == null) {
                acc = render(child);
            } else {
                acc = "(" + op + " " + acc + " " + render(child) + ")";
            }
        }
        return acc;
    }

    /** A postfix chain: every element applies to everything on its left. */
    private static String chain(String acc, MclParser.InTailContext in, List<? extends ParserRuleContext> ops) {
        acc = in == null ? acc : "(in " + acc + " " + render(in.inOperand()) + ")";
        for (ParserRuleContext op : ops) {
            MclParser.InTailContext tail;
            MclParser.DefaultOperandContext dflt;
            switch (op) {
                case MclParser.IndexOpContext i -> {
                    String index = render(i.expr());
                    tail = i.inTail();
                    dflt = i.defaultOperand();
                    acc = dflt != null ? "(?[] " + acc + " " + index + " " + render(dflt) + ")" : "([] " + acc + " " + index + ")";
                }
                case MclParser.LegacyIndexOpContext i -> {
                    String index = render(i.expr());
                    tail = i.inTail();
                    dflt = i.defaultOperand();
                    acc = dflt != null ? "(?[] " + acc + " " + index + " " + render(dflt) + ")" : "([] " + acc + " " + index + ")";
                }
                case MclParser.FieldOpContext f -> {
                    String field = f.IDENTIFIER().getText();
                    tail = f.inTail();
                    ParseTree fallback = f.defaultOperand() != null ? f.defaultOperand() : f.exceptOperand();
                    acc = fallback != null ? "(?-> " + acc + " " + field + " " + render(fallback) + ")" : "(-> " + acc + " " + field + ")";
                }
                default -> throw new AssertionError(op);
            }
            if (tail != null) {
                acc = "(in " + acc + " " + render(tail.inOperand()) + ")";
            }
        }
        return acc;
    }
}
