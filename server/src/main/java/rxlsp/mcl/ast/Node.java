package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/** Anything in the MCL syntax tree: it knows where it was written, in UTF-16 offsets of the file. */
public interface Node {
    TextRange range();
}
