package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.text.TextEdit;

/** A long completion list is cut to the items matching what was typed, best first, and marked incomplete. */
class CompletionPageTest {
    private static List<Completion.Item> items(int n, int wordStart, int wordEnd) {
        List<Completion.Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = (i % 2 == 0 ? "$const.res.file." : "$var") + i;
            out.add(new Completion.Item(label, Completion.Kind.VARIABLE, null, String.format("%05d", n - i),
                    new TextEdit(wordStart, wordEnd, label), false, List.of(), null));
        }
        return out;
    }

    @Test
    void aShortListIsSentWhole() {
        Completion.Page page = Completion.page(items(Completion.MAX_ITEMS, 0, 1), "$", 1);
        assertEquals(Completion.MAX_ITEMS, page.items().size());
        assertFalse(page.incomplete());
    }

    @Test
    void aLongListKeepsTheBestMatchesOfWhatWasTyped() {
        String text = "x = $vr";
        Completion.Page page = Completion.page(items(3_000, 4, 7), text, 7);
        assertTrue(page.incomplete());
        assertEquals(Completion.MAX_ITEMS, page.items().size());
        // "$vr" in order: every $varN, none of the constants; best sort text first
        assertTrue(page.items().stream().allMatch(i -> i.label().startsWith("$var")), page.items().toString());
        assertEquals("$var2999", page.items().getFirst().label());
        // typed further, the constants come back
        Completion.Page consts = Completion.page(items(3_000, 4, 11), "x = $const.f", 12);
        assertTrue(consts.items().stream().allMatch(i -> i.label().startsWith("$const")));
    }

    @Test
    void matchingIgnoresCaseAndGaps() {
        assertTrue(Completion.inOrder("cRF", "$const.res.file"));
        assertFalse(Completion.inOrder("fc", "$const.res"));
        assertTrue(Completion.inOrder("", "anything"));
    }
}
