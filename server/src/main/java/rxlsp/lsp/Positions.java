package rxlsp.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import rxlsp.text.LineColumn;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;
import rxlsp.text.TextRange;

/** Converts between rx-lsp's offsets and LSP positions in the negotiated encoding. */
record Positions(PositionEncoding encoding) {
    Position position(LineIndex lines, int offset) {
        LineColumn lc = lines.position(offset, encoding);
        return new Position(lc.line(), lc.column());
    }

    Range range(LineIndex lines, TextRange range) {
        return new Range(position(lines, range.start()), position(lines, range.end()));
    }

    int offset(LineIndex lines, Position position) {
        return lines.offset(position.getLine(), position.getCharacter(), encoding);
    }
}
