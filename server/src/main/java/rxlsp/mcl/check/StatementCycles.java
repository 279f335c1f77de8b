package rxlsp.mcl.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.TextRange;

/**
 * Finds the cycles among the statements of one prog (mgmt orders them topologically and rejects a
 * graph that is not a DAG). Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
 */
final class StatementCycles {
    private StatementCycles() {
    }

    /** For each cycle, the references that make it up, sorted by position. */
    static List<List<TextRange>> of(List<ScopeFrame.Edge> edges) {
        if (edges.isEmpty()) {
            return List.of();
        }
        Map<Stmt, Integer> ids = new IdentityHashMap<>();
        List<List<Integer>> out = new ArrayList<>();
        for (ScopeFrame.Edge e : edges) {
            for (Stmt s : List.of(e.from(), e.to())) {
                if (!ids.containsKey(s)) {
                    ids.put(s, ids.size());
                    out.add(new ArrayList<>());
                }
            }
            out.get(ids.get(e.from())).add(ids.get(e.to()));
        }
        int n = ids.size();
        int[] component = tarjan(n, out);
        int[] size = new int[n];
        for (int c : component) {
            size[c]++;
        }
        Map<Integer, List<TextRange>> cycles = new java.util.TreeMap<>();
        for (ScopeFrame.Edge e : edges) {
            int a = ids.get(e.from());
            int b = ids.get(e.to());
            if (component[a] == component[b] && (size[component[a]] > 1 || a == b)) {
                cycles.computeIfAbsent(component[a], k -> new ArrayList<>()).add(e.at());
            }
        }
        List<List<TextRange>> result = new ArrayList<>();
        for (List<TextRange> refs : cycles.values()) {
            refs.sort(Comparator.naturalOrder());
            result.add(refs);
        }
        result.sort(Comparator.comparing(l -> l.get(0)));
        return result;
    }

    private static int[] tarjan(int n, List<List<Integer>> adj) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        int comps = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < adj.get(v).size()) {
                    int w = adj.get(v).get(callEdge[depth]++);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            comp[w] = comps;
                        } while (w != v);
                        comps++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return comp;
    }
}
