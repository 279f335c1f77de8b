package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclIncrementalParser;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.MclTokens;
import rxlsp.mcl.MgmtCorpus;
import rxlsp.testing.ProjectPaths;
import rxlsp.testing.RandomEdits;

/**
 * The lexemes kept from one answer to the next must be exactly those of lexing the new text whole,
 * for every edit typing makes (strings opened and closed, comments, broken statements), and they
 * must save lexing: that is what they are for.
 */
class StatementLexemesTest {
    @Test
    void randomEditsOfTheCorpusGiveTheLexemesOfTheWholeText() {
        record Example(String text, Dialect dialect) {
        }
        List<Example> programs = new ArrayList<>();
        Path root = ProjectPaths.corpus();
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt").resolve("examples"), ".mcl")) {
            programs.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_1));
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt-1.0").resolve("examples"), ".mcl")) {
            programs.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_0));
        }
        ProjectPaths.requireTier(!programs.isEmpty(), "no examples under " + root);
        Random random = new Random(20261207);
        long whole = 0;
        StatementLexemes kept = StatementLexemes.kept();
        int versions = 0;
        for (Example example : programs) {
            MclIncrementalParser parser = new MclIncrementalParser();
            String text = example.text();
            for (int i = 0; i < 12; i++) {
                MclParseResult parsed = parser.parse(text, example.dialect());
                kept.nextAnswer();
                StatementLexemes.Lexemes got = kept.of(text, parsed);
                List<String> expected = MclTokens.of(text, example.dialect()).stream()
                        .map(l -> l.kind() + "@" + l.range().start() + "-" + l.range().end()).toList();
                List<String> actual = new ArrayList<>();
                for (int k = 0; k < got.size(); k++) {
                    actual.add(got.kinds()[k] + "@" + got.starts()[k] + "-" + got.ends()[k]);
                }
                String shown = text;
                assertEquals(expected, actual, () -> "lexemes differ for:\n" + shown);
                whole += text.length();
                versions++;
                text = random.nextInt(5) == 0 ? example.text() : RandomEdits.typing(text, random);
            }
        }
        long lexed = kept.charsLexed();
        System.out.printf("kept lexemes: %d versions equal to whole lexing; %d of %d characters lexed%n", versions, lexed, whole);
        assertTrue(lexed < whole / 2, "the kept lexemes saved too little (" + lexed + " of " + whole + " characters lexed)");
    }

    @Test
    void anAnswerThatKeepsNothingLexesEverything() {
        String text = "$x = 1\n$y = \"two\" # three\n";
        StatementLexemes none = StatementLexemes.none();
        MclParseResult parsed = new MclIncrementalParser().parse(text, Dialect.MGMT_1_1);
        for (int i = 0; i < 2; i++) {
            none.nextAnswer();
            assertEquals(MclTokens.of(text, Dialect.MGMT_1_1).size(), none.of(text, parsed).size());
        }
        assertEquals(2L * text.length(), none.charsLexed());
    }
}
