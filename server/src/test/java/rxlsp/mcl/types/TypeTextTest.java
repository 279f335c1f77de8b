package rxlsp.mcl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Type text parsing and printing, and the unifier. */
class TypeTextTest {

    @Test
    void roundTrips() {
        for (String text : List.of("str", "[]int", "map{str: []float}", "struct{a int; b []str}", "struct{}",
                "func(str, int) bool", "func(format str, a str) str", "variant", "map{str: map{int: int}}", "func(int) str")) {
            assertEquals(text, TypeText.parse(text).toString());
        }
        assertEquals("func() []?1", new Unifier().instantiate("func() []?7").toString());
    }

    @Test
    void unificationVariablesAreSharedWithinOneSignature() {
        Unifier u = new Unifier();
        Type.FuncOf f = (Type.FuncOf) u.instantiate("func(needle ?1, haystack []?1) bool");
        assertEquals(f.args().get(0), ((Type.ListOf) f.args().get(1)).element());
        assertEquals(List.of("needle", "haystack"), f.names());
    }

    @Test
    void malformedTextIsNull() {
        for (String text : List.of("", "[]", "map{str}", "struct{a int; a int}", "func(str", "strr", "int int")) {
            assertNull(TypeText.parse(text, n -> new Type.Var(n)), text);
        }
    }

    @Test
    void unifyBindsAndReportsKinds() {
        Unifier u = new Unifier();
        Type v = u.fresh();
        assertNull(u.unify(new Type.ListOf(v), new Type.ListOf(Type.Prim.STR)));
        assertEquals(Type.Prim.STR, u.resolve(v));
        Mismatch m = u.unify(new Type.ListOf(Type.Prim.STR), new Type.ListOf(Type.Prim.INT));
        assertEquals("expected []str, found []int (str != int)", m.describe());
        assertEquals("func arg count differs: 1 vs 2",
                u.unify(TypeText.parse("func(int) int"), TypeText.parse("func(int, int) int")).detail());
    }

    @Test
    void occursCheck() {
        Unifier u = new Unifier();
        Type v = u.fresh();
        Mismatch m = u.unify(v, Type.FuncOf.of(List.of(v), Type.Prim.INT));
        assertNotNull(m);
        assertTrue(m.detail().startsWith("directly in the same set"));
    }

    @Test
    void tryUnifyAndMatchesLeaveNoBindingsOnFailure() {
        Unifier u = new Unifier();
        Type a = u.fresh();
        Type b = u.fresh();
        assertFalse(u.tryUnify(new Type.MapOf(a, a), new Type.MapOf(Type.Prim.STR, Type.Prim.INT)));
        assertFalse(u.isKnown(b));
        assertFalse(u.isKnown(a));
        assertTrue(u.matches(a, Type.Prim.INT));
        assertFalse(u.isKnown(a));
        assertTrue(u.tryUnify(a, Type.Prim.INT));
        assertTrue(u.isKnown(a));
    }

    @Test
    void variantUnifiesWithAnything() {
        Unifier u = new Unifier();
        assertNull(u.unify(Type.Variant.INSTANCE, TypeText.parse("map{str: int}")));
    }
}
