package rxlsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;

/** The dialect chosen for a program when the user gives none, and the note on errors valid in the other. */
class DialectChoiceTest {
    private final MclParseCache parses = new MclParseCache();

    @Test
    void aProgramIsReadInTheDialectItParsesIn() {
        assertEquals(Dialect.MGMT_1_1, DialectChoice.auto().choose(List.of("$l = [1, 2]\n"), parses));
        assertEquals(Dialect.MGMT_1_0, DialectChoice.auto().choose(List.of("$l = [1, 2,]\n"), parses));
        // broken in both: the dialect with fewer errors, 1.1 on a tie
        assertEquals(Dialect.MGMT_1_1, DialectChoice.auto().choose(List.of("$l = (\n"), parses));
        // several fragments decide together
        assertEquals(Dialect.MGMT_1_0, DialectChoice.auto().choose(List.of("$a = 1\n", "$l = [1, 2,]\n"), parses));
    }

    @Test
    void theUsersDialectIsAlwaysUsed() {
        assertEquals(Dialect.MGMT_1_1, DialectChoice.of(Dialect.MGMT_1_1).choose(List.of("$l = [1, 2,]\n"), parses));
    }

    @Test
    void anErrorValidInTheOtherDialectSaysSo() {
        String text = "$l = [1, 2,]\n";
        String note = DialectChoice.otherDialectNote(text, MclFrontEnd.parse(text, Dialect.MGMT_1_1), Dialect.MGMT_1_1, parses);
        assertEquals(DialectChoice.validIn(Dialect.MGMT_1_0), note);
        String broken = "$l = (\n";
        assertEquals("", DialectChoice.otherDialectNote(broken, MclFrontEnd.parse(broken, Dialect.MGMT_1_1), Dialect.MGMT_1_1, parses));
    }

    @Test
    void aLargeTextIsComparedInTheOtherDialectByItsStartOnly() {
        String statements = "$a = 1\n".repeat(DialectChoice.LARGE / 7 + 1);
        String olderAtStart = "$l = [1, 2,]\n" + statements;
        String olderAtEnd = statements + "$l = [1, 2,]\n";
        assertEquals(Dialect.MGMT_1_0, DialectChoice.auto().choose(List.of(olderAtStart), parses));
        assertEquals(true, DialectChoice.headFitsOther(olderAtStart, Dialect.MGMT_1_1));
        // what only the end would show is not looked for: the error is reported in 1.1, without a note
        assertEquals(Dialect.MGMT_1_1, DialectChoice.auto().choose(List.of(olderAtEnd), parses));
        assertEquals(false, DialectChoice.headFitsOther(olderAtEnd, Dialect.MGMT_1_1));
        assertEquals("", DialectChoice.otherDialectNote(olderAtEnd, parses.parse(olderAtEnd, Dialect.MGMT_1_1), Dialect.MGMT_1_1, parses));
    }
}
