package rxlsp.text;

/** A 0-based line and a 0-based character column in some {@link PositionEncoding}. */
public record LineColumn(int line, int column) implements Comparable<LineColumn> {
    @Override
    public int compareTo(LineColumn o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
