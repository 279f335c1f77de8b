package rxlsp.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;

/** One JSON document for all files, with LSP conventions: 0-based lines, UTF-16 characters. */
final class JsonFormat {
    static final int VERSION = 1;

    private JsonFormat() {
    }

    static void print(CheckReport report, PrintStream out) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonArray files = new JsonArray();
        for (CheckedFile file : report.files()) {
            JsonObject f = new JsonObject();
            f.addProperty("path", file.path());
            JsonArray diagnostics = new JsonArray();
            for (Diagnostic d : file.diagnostics()) {
                diagnostics.add(diagnostic(file, d));
            }
            f.add("diagnostics", diagnostics);
            files.add(f);
        }
        root.add("files", files);
        JsonObject summary = new JsonObject();
        summary.addProperty("files", report.files().size());
        summary.addProperty("errors", report.errors());
        summary.addProperty("warnings", report.warnings());
        root.add("summary", summary);
        out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(root));
    }

    private static JsonObject diagnostic(CheckedFile file, Diagnostic d) {
        JsonObject o = new JsonObject();
        JsonObject range = new JsonObject();
        range.add("start", position(file.lines().position(d.range().start(), PositionEncoding.UTF16)));
        range.add("end", position(file.lines().position(d.range().end(), PositionEncoding.UTF16)));
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
