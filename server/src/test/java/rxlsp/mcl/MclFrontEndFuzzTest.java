package rxlsp.mcl;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import rxlsp.testing.RangesInside;

/**
 * Fuzz target: the MCL front end in both dialects. The parse never throws, every range it reports
 * lies inside the text, and after an edit the incremental parser's result (spliced statements, or
 * the text from the edit on) equals a full parse of the edited text. Seeds: mgmt's examples of both
 * lines and the MCL fixtures (see bench/fuzz.sh); regression inputs next to this class's resources.
 */
public class MclFrontEndFuzzTest {
    private static final String[] TYPED = {"", "a", "1", " ", "\n", "\"", "{", "}", "(", ")", "$", "#", ",", "=>", "é",
        "$z = 1\n", "\r\n", "func", "[", "]", "\\", "${", "import \"x\"\n"};

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        Dialect dialect = data.consumeBoolean() ? Dialect.MGMT_1_0 : Dialect.MGMT_1_1;
        int at = data.consumeInt(0, Integer.MAX_VALUE);
        int removed = data.consumeInt(0, 12);
        String typed = data.pickValue(TYPED);
        String text = data.consumeRemainingAsString();

        MclParseResult full = MclFrontEnd.parse(text, dialect);
        RangesInside.check(full, text.length());

        int start = text.isEmpty() ? 0 : at % (text.length() + 1);
        int end = Math.min(text.length(), start + removed);
        String edited = text.substring(0, start) + typed + text.substring(end);
        MclIncrementalParser parser = new MclIncrementalParser();
        parser.parse(text, dialect);
        MclParseResult incremental = parser.parse(edited, dialect);
        MclParseResult fresh = MclFrontEnd.parse(edited, dialect);
        RangesInside.check(incremental, edited.length());
        if (!incremental.program().equals(fresh.program()) || !incremental.diagnostics().equals(fresh.diagnostics())) {
            throw new AssertionError("incremental parse differs from a full parse after replacing [" + start + ", " + end
                    + ") by " + typed + " (" + dialect + ") in "
                    + new com.google.gson.Gson().toJson(text) + "\nincremental: " + incremental.diagnostics() + "\nfull: " + fresh.diagnostics());
        }
    }
}
