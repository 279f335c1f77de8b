package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;

/** Agreement counts of one row of a corpus conformance table, with the names of the disagreeing cases. */
final class CorpusTally {
    int cases;
    int agreed;
    final List<String> disagreed = new ArrayList<>();

    void record(String name, boolean ok, String detail) {
        cases++;
        if (ok) {
            agreed++;
        } else {
            disagreed.add(name + ": " + detail);
        }
    }
}
