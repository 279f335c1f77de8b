package rxlsp.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;

/**
 * One JSON document for all files, with LSP conventions: 0-based lines, UTF-16 characters; written
 * file by file ({@code {"version":1,"files":[…],"summary":{…}}} on one line).
 */
final class JsonFormat extends CheckOutput {
    static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private boolean first = true;

    JsonFormat(PrintStream out) {
        super(out);
        out.print("{\"version\":" + VERSION + ",\"files\":[");
    }

    @Override
    protected void print(String path, LineIndex lines, List<Diagnostic> diagnostics) {
        JsonObject f = new JsonObject();
        f.addProperty("path", path);
        JsonArray array = new JsonArray();
        for (Diagnostic d : diagnostics) {
            array.add(diagnostic(lines, d));
        }
        f.add("diagnostics", array);
        out.print((first ? "" : ",") + GSON.toJson(f));
        first = false;
    }

    @Override
    protected void finish(long files, long errors, long warnings) {
        JsonObject summary = new JsonObject();
        summary.addProperty("files", files);
        summary.addProperty("errors", errors);
        summary.addProperty("warnings", warnings);
        out.println("],\"summary\":" + GSON.toJson(summary) + "}");
    }

    private static JsonObject diagnostic(LineIndex lines, Diagnostic d) {
        JsonObject o = new JsonObject();
        JsonObject range = new JsonObject();
        range.add("start", position(lines.position(d.range().start(), PositionEncoding.UTF16)));
        range.add("end", position(lines.position(d.range().end(), PositionEncoding.UTF16)));
        o.add("range", range);
        o.addProperty("severity", d.severity().label());
        o.addProperty("source", d.source());
        o.addProperty("stage", d.stage());
        o.addProperty("code", d.code());
        o.addProperty("message", d.message());
        return o;
    }

    private static JsonObject position(LineColumn lc) {
        JsonObject p = new JsonObject();
        p.addProperty("line", lc.line());
        p.addProperty("character", lc.column());
        return p;
    }
}
