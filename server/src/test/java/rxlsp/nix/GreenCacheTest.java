package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Green nodes of the same shape are one object, and views of them still tell places apart. */
class GreenCacheTest {
    @Test
    void sameShapesAreOneNode() {
        GreenCache cache = new GreenCache();
        GreenNode a = cache.leaf("identifier", 3, SyntaxNode.NAMED);
        assertSame(a, cache.leaf("identifier", 3, SyntaxNode.NAMED));
        GreenNode other = cache.leaf("identifier", 4, SyntaxNode.NAMED);
        assertTrue(a != other);
        GreenNode[] kids = {a};
        int[] offsets = {0};
        String[] fields = {"name"};
        GreenNode v = cache.node("variable_expression", 3, SyntaxNode.NAMED, kids, offsets, fields, 1);
        kids[0] = other; // the cache copied the arrays: reusing them does not change the node made
        assertSame(a, v.children[0]);
        kids[0] = a;
        assertSame(v, cache.node("variable_expression", 3, SyntaxNode.NAMED, kids, offsets, fields, 1));
        assertTrue(v != cache.node("variable_expression", 3, SyntaxNode.NAMED, kids, offsets, new String[] {null}, 1));
    }

    @Test
    void aRepetitiveModuleIsAFewDistinctNodes() {
        String text = NixSamples.largeModule(2_000);
        try (NixParser parser = NixParser.forSingleParses()) {
            SyntaxNode root = parser.parse(text).root();
            Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            int nodes = 0;
            ArrayDeque<SyntaxNode> todo = new ArrayDeque<>();
            todo.push(root);
            SyntaxNode firstSemicolon = null;
            SyntaxNode secondSemicolon = null;
            while (!todo.isEmpty()) {
                SyntaxNode n = todo.pop();
                nodes++;
                distinct.add(n.green());
                if (n.is(";")) {
                    if (firstSemicolon == null) {
                        firstSemicolon = n;
                    } else if (secondSemicolon == null) {
                        secondSemicolon = n;
                    }
                }
                n.children().forEach(todo::push);
            }
            assertTrue(distinct.size() * 5 < nodes, distinct.size() + " distinct of " + nodes);
            // one green node, two places: the views differ
            assertSame(firstSemicolon.green(), secondSemicolon.green());
            assertNotEquals(firstSemicolon, secondSemicolon);
        }
    }
}
