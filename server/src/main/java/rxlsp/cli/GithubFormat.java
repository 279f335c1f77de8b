package rxlsp.cli;

import java.io.PrintStream;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;

/**
 * GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message},
 * which the Actions runner turns into annotations on the pull request. Lines and columns are 1-based;
 * columns count UTF-16 code units. Information and hints become {@code ::notice}.
 */
final class GithubFormat {
    private GithubFormat() {
    }

    static void print(CheckReport report, PrintStream out) {
        for (CheckedFile file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                out.println(command(file, d));
            }
        }
        out.println(TextFormat.summary(report));
    }

    static String command(CheckedFile file, Diagnostic d) {
        LineColumn start = file.lines().position(d.range().start(), PositionEncoding.UTF16);
        LineColumn end = file.lines().position(d.range().end(), PositionEncoding.UTF16);
        String kind = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION, HINT -> "notice";
        };
        return "::" + kind + " file=" + property(file.path()) + ",line=" + (start.line() + 1) + ",col=" + (start.column() + 1)
                + ",endLine=" + (end.line() + 1) + ",endColumn=" + (end.column() + 1) + ",title=" + property(d.code())
                + "::" + data(d.message());
    }

    /** The message part: {@code %}, CR and LF escaped, as the runner expects. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: also {@code :} and {@code ,}, which would end it. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
