package rxlsp.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;

/**
 * One JSON document for all files, with LSP conventions: 0-based lines, UTF-16 characters. Each
 * diagnostic lists its related places ({@code related}: path, range, message); a place in another
 * file (another module, a {@code .mcl} file) has that file's path.
 */
final class JsonFormat {
    static final int VERSION = 1;

    private JsonFormat() {
    }

    static void print(CheckReport report, PrintStream out) {
        RelatedFiles others = new RelatedFiles();
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonArray files = new JsonArray();
        for (CheckedFile file : report.files()) {
            JsonObject f = new JsonObject();
            f.addProperty("path", file.path());
            JsonArray diagnostics = new JsonArray();
            for (Diagnostic d : file.diagnostics()) {
                diagnostics.add(diagnostic(file, d, others));
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

    private static JsonObject diagnostic(CheckedFile file, Diagnostic d, RelatedFiles others) {
        JsonObject o = new JsonObject();
        o.add("range", range(file.lines(), d.range()));
        o.addProperty("severity", d.severity().label());
        o.addProperty("source", d.source());
        o.addProperty("stage", d.stage());
        o.addProperty("code", d.code());
        o.addProperty("message", d.message());
        JsonArray related = new JsonArray();
        for (Diagnostic.Related r : d.related()) {
            var place = r.file() == null ? java.util.Optional.of(new RelatedFiles.Place(file.path(), file.lines()))
                    : others.place(r.file());
            place.ifPresent(p -> {
                JsonObject x = new JsonObject();
                x.addProperty("path", p.shown());
                x.add("range", range(p.lines(), r.range()));
                x.addProperty("message", r.message());
                related.add(x);
            });
        }
        if (!related.isEmpty()) {
            o.add("related", related);
        }
        return o;
    }

    private static JsonObject range(rxlsp.text.LineIndex lines, rxlsp.text.TextRange r) {
        JsonObject range = new JsonObject();
        range.add("start", position(lines.position(r.start(), PositionEncoding.UTF16)));
        range.add("end", position(lines.position(r.end(), PositionEncoding.UTF16)));
        return range;
    }

    private static JsonObject position(LineColumn lc) {
        JsonObject p = new JsonObject();
        p.addProperty("line", lc.line());
        p.addProperty("character", lc.column());
        return p;
    }
}
