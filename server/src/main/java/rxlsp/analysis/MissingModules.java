package rxlsp.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.FileDiagnostic;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;

/**
 * An imported module that is not there is a warning: many exist only where the configuration is
 * built ({@code hardware-configuration.nix}, templates). It is an error once rx.nix's program is known
 * to need it: the program uses names that no module found defines, which only the missing module
 * could supply.
 */
final class MissingModules {
    private static final Set<String> UNDEFINED = Set.of(DiagnosticCodes.MCL_UNDEFINED_VARIABLE, DiagnosticCodes.MCL_UNDEFINED_FUNCTION,
            DiagnosticCodes.MCL_UNDEFINED_CLASS);
    private static final Pattern NAME = Pattern.compile("^\\S+ `([^`]+)`");

    private MissingModules() {
    }

    static List<FileDiagnostic> judged(List<FileDiagnostic> loadProblems, List<FileDiagnostic> programFindings) {
        Set<String> needed = new LinkedHashSet<>();
        for (FileDiagnostic f : programFindings) {
            if (UNDEFINED.contains(f.diagnostic().code()) && f.diagnostic().severity() == Severity.ERROR) {
                Matcher m = NAME.matcher(f.diagnostic().message());
                needed.add(m.find() ? m.group(1) : f.diagnostic().message());
            }
        }
        List<FileDiagnostic> out = new ArrayList<>();
        for (FileDiagnostic f : loadProblems) {
            Diagnostic d = f.diagnostic();
            if (!needed.isEmpty() && d.code().equals(ConfigurationLoader.MISSING_MODULE)) {
                d = new Diagnostic(d.range(), Severity.ERROR, d.source(), d.stage(), d.code(), d.message()
                        + "; the program needs it: it uses " + String.join(", ", needed.stream().limit(3).toList())
                        + (needed.size() > 3 ? ", …" : "") + ", which no module found defines", d.related());
            }
            out.add(new FileDiagnostic(f.file(), d));
        }
        return out;
    }
}
