package rxlsp.nix;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link ScopeSummary}s of one document's subtrees, kept from one run of the static checks to
 * the next by their green nodes: after an edit tree-sitter and the tree copy keep every subtree the
 * edit did not touch as the same green node, so the checks walk only the touched ones and replay the
 * rest. Summaries not met in the last run are dropped. One run at a time (the caller holds the lock).
 */
public final class ScopeSummaries {
    private Map<GreenNode, ScopeSummary> previous = new IdentityHashMap<>();
    private Map<GreenNode, ScopeSummary> current = new IdentityHashMap<>();

    /** Starts a run: what the last run met stays findable during this one. */
    void startRun() {
        previous = current;
        current = new IdentityHashMap<>();
    }

    /** The summary kept for {@code green}, now kept for the next run too; null when there is none. */
    ScopeSummary find(GreenNode green) {
        ScopeSummary s = current.get(green);
        if (s == null) {
            s = previous.get(green);
            if (s != null) {
                current.put(green, s);
            }
        }
        return s;
    }

    void keep(GreenNode green, ScopeSummary summary) {
        current.put(green, summary);
    }

    /** How many summaries the last run met (tests). */
    int size() {
        return current.size();
    }
}
