package rxlsp.mcl.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;

class CatalogTest {
    private static final Catalog NEW = Catalog.builtIn(Dialect.MGMT_1_1);
    private static final Catalog OLD = Catalog.builtIn(Dialect.MGMT_1_0);

    @Test
    void builtInIsSharedAndImmutable() {
        assertSame(NEW, Catalog.builtIn(Dialect.MGMT_1_1));
        assertThrows(UnsupportedOperationException.class, () -> NEW.functions().clear());
        assertThrows(UnsupportedOperationException.class, () -> NEW.resource("file").orElseThrow().params().clear());
    }

    @Test
    void functionsByRegisteredName() {
        FunctionInfo len = NEW.function("len").orElseThrow();
        assertEquals("", len.pkg());
        assertEquals("func(?1) int", len.signature());
        assertEquals(Poly.UNIFICATION_VARS, len.poly());
        assertEquals(List.of("func(str) int", "func([]?1) int", "func(map{?1: ?2}) int"), len.constraints());
        assertFalse(len.internal());
        assertFalse(len.description().isBlank());

        FunctionInfo printf = NEW.function("fmt.printf").orElseThrow();
        assertEquals("fmt", printf.pkg());
        assertEquals("printf", printf.name());
        assertNull(printf.signature());
        assertEquals(Poly.INFERABLE, printf.poly());

        FunctionInfo plus = NEW.function("_operator(+)").orElseThrow();
        assertTrue(plus.internal());
        assertEquals("+", plus.name());
        assertEquals("custom-check", NEW.function("_operator(==)").orElseThrow().constraints().getFirst());

        assertEquals("func(value ?1, index int) ?1", NEW.function("history").orElseThrow().sigHint());
        assertEquals(Poly.MCL_INFERRED, NEW.function("example.nativeanswer").orElseThrow().poly());
        assertTrue(NEW.function("golang/strings.to_lower").isEmpty(), "golang/* comes only from mgmt docs JSON");
    }

    /**
     * Every function MCL can call whose signature mgmt builds per call (none stated) has its argument
     * count from {@code arities.tsv}, and that file names no function its line lacks: the type checker
     * counts the arguments of every polymorphic function.
     */
    @Test
    void everyFunctionWithoutAStaticSignatureHasAnArity() {
        for (Catalog c : List.of(NEW, OLD)) {
            for (FunctionInfo f : c.functions()) {
                boolean built = f.signature() == null || f.signature().isBlank();
                if (built && !f.internal() && f.poly() != Poly.MCL_INFERRED) {
                    assertTrue(f.arity() != null, f.qualified() + " has no arity");
                }
                if (!built) {
                    assertNull(f.arity(), f.qualified() + ": its signature states the count");
                }
            }
        }
        assertEquals(new Arity(1, 3), NEW.function("iter.range").orElseThrow().arity());
        assertEquals(new Arity(1, Arity.UNBOUNDED), NEW.function("list.concat").orElseThrow().arity());
        assertNull(NEW.function("list.lookup").orElseThrow().arity(), "a static signature in 1.1");
        assertEquals(new Arity(2, 3), OLD.function("list.lookup").orElseThrow().arity(), "FuncInfer in 1.0.2");
        assertEquals("at least 1 arg", new Arity(1, Arity.UNBOUNDED).describe());
        assertEquals("1 or 2 args", new Arity(1, 2).describe());
    }

    @Test
    void aritiesNameOnlyFunctionsOfTheirLine() throws Exception {
        List<String> lines;
        try (var in = Catalog.class.getResourceAsStream("arities.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (var e : CatalogFile.arities(lines, "1.1").entrySet()) {
            assertTrue(NEW.function(e.getKey()).isPresent(), "1.1 has no " + e.getKey());
        }
        for (var e : CatalogFile.arities(lines, "1.0").entrySet()) {
            assertTrue(OLD.function(e.getKey()).isPresent(), "1.0 has no " + e.getKey());
        }
    }

    @Test
    void packages() {
        for (String p : List.of("fmt", "net/http", "embedded/provisioner", "os", "world/collect", "strings")) {
            assertTrue(NEW.isPackage(p), p);
        }
        assertFalse(NEW.isPackage("golang/strings"));
        assertFalse(NEW.isPackage(""));
        assertFalse(NEW.isPackage("nope"));
        assertTrue(NEW.functionsOf("strings").stream().anyMatch(f -> f.name().equals("to_lower")));
        assertTrue(NEW.functionsOf("os").stream().allMatch(f -> f.pkg().equals("os")));
    }

    @Test
    void variablesAndConstants() {
        VariableInfo host = NEW.variable("hostname").orElseThrow();
        assertEquals("", host.pkg());
        assertEquals("str", host.type());
        VariableInfo redhat = NEW.variable("os.family_redhat").orElseThrow();
        assertEquals("os", redhat.pkg());
        assertEquals("family_redhat", redhat.name());
        VariableInfo exists = NEW.variable("const.res.file.state.exists").orElseThrow();
        assertEquals("str", exists.type());
        assertEquals("", exists.pkg());
        assertFalse(exists.description().isBlank());
        assertEquals(18, NEW.variables().stream().filter(v -> v.qualified().startsWith("const.res.")).count());
        assertTrue(NEW.resource("file").orElseThrow().constants().contains("const.res.file.state.exists"));
    }

    @Test
    void resources() {
        assertEquals(61, NEW.resources().size());
        ResourceKind file = NEW.resource("file").orElseThrow();
        assertEquals("str", file.params().get("content").type());
        assertTrue(file.canReceive());
        assertFalse(file.canSend());
        assertFalse(file.params().get("path").description().isBlank());

        ResourceKind exec = NEW.resource("exec").orElseThrow();
        assertTrue(exec.canSend());
        assertFalse(exec.canReceive());
        assertEquals("str", exec.sendFields().get("output"));
        assertEquals("variant", NEW.resource("value").orElseThrow().sendFields().get("any"));
        assertTrue(NEW.resource("http:server:ui").isPresent());

        ResourceKind test = NEW.resource("test").orElseThrow();
        assertTrue(test.params().containsKey("complex64"), "skipped fields keep their name");
        assertNull(test.params().get("complex64").type());
        assertTrue(NEW.resource("_panic").orElseThrow().params().isEmpty());

        assertEquals("*string", NEW.goType("file", "content").orElseThrow());
        assertEquals("string", NEW.goType("test", "anotherstr").orElseThrow());
        assertTrue(NEW.goType("file", "nope").isEmpty());
        assertTrue(NEW.sendsByValue("test", "answer"));
        assertFalse(NEW.sendsByValue("test", "hello"));
        assertFalse(NEW.sendsByValue("exec", "output"));
    }

    @Test
    void metaParams() {
        assertEquals(18, NEW.metaParams().size());
        assertEquals("int", NEW.meta("retry").orElseThrow().type());
        assertEquals("[]str", NEW.meta("sema").orElseThrow().type());
        assertTrue(NEW.meta("Meta:noop").isEmpty());
        assertTrue(NEW.metaStructType().startsWith("struct{noop bool;"));
        assertEquals(17, OLD.metaParams().size());
        assertTrue(OLD.meta("timeout").isEmpty());
    }

    @Test
    void mgmt10Differs() {
        assertTrue(OLD.resource("pippet").isPresent());
        assertTrue(NEW.resource("pippet").isEmpty());
        assertTrue(OLD.resource("exit").isEmpty());
        assertTrue(OLD.function("map_lookup_default").isPresent());
        assertTrue(NEW.function("map_lookup_default").isEmpty());
        assertTrue(OLD.function("iter.zip").isEmpty());
        assertTrue(NEW.function("iter.zip").isPresent());
    }

    @Test
    void overlayWithMgmtDocs() throws Exception {
        Catalog docs;
        try (Reader r = new InputStreamReader(CatalogTest.class.getResourceAsStream("mgmt-docs-sample.json"), StandardCharsets.UTF_8)) {
            docs = Catalog.fromMgmtDocs(r);
        }
        assertEquals(4, docs.functions().size());
        assertTrue(docs.isPackage("golang/strings"));
        Catalog c = NEW.overlay(docs);

        FunctionInfo suffix = c.function("golang/strings.has_suffix").orElseThrow();
        assertEquals("golang/strings", suffix.pkg());
        assertEquals("has_suffix", suffix.name());
        assertEquals("func(s str, suffix str) bool", suffix.signature());
        assertEquals(Poly.MONO, suffix.poly());
        assertEquals("Sample: suffix test from Go.", suffix.description());
        assertTrue(c.isPackage("golang/strings"));
        assertEquals(2, c.functionsOf("golang/strings").size());

        // known entries keep the facts the JSON lacks, and our description when theirs is empty
        FunctionInfo len = c.function("len").orElseThrow();
        assertEquals(3, len.constraints().size());
        assertEquals(NEW.function("len").orElseThrow().description(), len.description());
        FunctionInfo map = c.function("iter.map").orElseThrow();
        assertEquals(Poly.BUILDABLE, map.poly());
        assertEquals("Sample: map over a list.", map.description());

        ResourceKind file = c.resource("file").orElseThrow();
        assertTrue(file.params().containsKey("newfield"));
        assertFalse(file.params().containsKey("mode"), "the binary's field list wins");
        assertTrue(file.canReceive(), "traits survive the overlay");
        assertEquals(NEW.resource("file").orElseThrow().params().get("content").description(), file.params().get("content").description());
        assertEquals("Sample: a file on disk.", file.description());
        ResourceKind brandnew = c.resource("brandnew").orElseThrow();
        assertEquals("int", brandnew.params().get("level").type());
        assertTrue(brandnew.traits().isEmpty());

        // what the JSON does not describe stays
        assertEquals(NEW.metaParams().size(), c.metaParams().size());
        assertTrue(c.variable("const.res.file.state.exists").isPresent());
        assertTrue(c.resource("exec").isPresent());
    }

    @Test
    void malformedMgmtDocsGiveAClearMessage() {
        var broken = assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("{\"functions\": {")));
        assertTrue(broken.getMessage().startsWith("not valid JSON at line 1, column 16; expected the JSON `mgmt docs generate"), broken.getMessage());
        var shape = assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("{\"functions\": []}")));
        assertEquals("expected an object at functions, found an array", shape.getMessage());
        var field = assertThrows(MgmtDocsException.class,
                () -> Catalog.fromMgmtDocs(new StringReader("{\"functions\": {\"len\": {\"signature\": 3}}}")));
        assertTrue(field.getMessage().contains("functions.len.signature"), field.getMessage());
        assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("")));
        assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("[1, 2]")));
        assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("{\"resources\": {\"file\": {\"fields\": {\"x\": 3}}}}")));
        assertThrows(MgmtDocsException.class, () -> Catalog.fromMgmtDocs(new StringReader("[".repeat(100_000))));
        assertTrue(assertDoesNotThrowEmpty().functions().isEmpty());
    }

    private static Catalog assertDoesNotThrowEmpty() {
        try {
            return Catalog.fromMgmtDocs(new StringReader("{\"version\": \"x\", \"resources\": {}, \"functions\": {}}"));
        } catch (MgmtDocsException e) {
            throw new AssertionError(e);
        }
    }
}
