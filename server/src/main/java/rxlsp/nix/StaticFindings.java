package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;
import rxlsp.text.TextRange;

/** Collects the diagnostics of one static-check run and words them. */
final class StaticFindings implements Findings {
    static final String SOURCE = "nix";
    static final String STAGE = "scope";
    static final String UNDEFINED_VARIABLE = DiagnosticCodes.NIX_UNDEFINED_VARIABLE;
    static final String DUPLICATE_ATTRIBUTE = DiagnosticCodes.NIX_DUPLICATE_ATTRIBUTE;
    static final String DUPLICATE_FORMAL = DiagnosticCodes.NIX_DUPLICATE_FORMAL;
    static final String DYNAMIC_LET = DiagnosticCodes.NIX_DYNAMIC_LET;
    static final String DYNAMIC_INHERIT = DiagnosticCodes.NIX_DYNAMIC_INHERIT;

    /** Longest interpolation quoted back in the MCL hint; longer ones are abbreviated. */
    private static final int HINT_MAX_LENGTH = 60;

    private final NixSyntaxTree tree;
    private final List<Diagnostic> out = new ArrayList<>();

    StaticFindings(NixSyntaxTree tree) {
        this.tree = tree;
    }

    @Override
    public void undefinedVariable(TextRange where, String name, TextRange mclInterpolation) {
        String message = "undefined variable `" + name + "`";
        if (mclInterpolation != null) {
            String written = tree.text().substring(mclInterpolation.start(), mclInterpolation.end());
            if (written.length() > HINT_MAX_LENGTH || written.indexOf('\n') >= 0) {
                written = "${" + name + "}";
            }
            message += "; if this is MCL interpolation, write `''" + written + "` inside a Nix '' string";
        }
        add(where, UNDEFINED_VARIABLE, message);
    }

    @Override
    public void duplicateAttribute(TextRange second, String path, TextRange first) {
        Diagnostic d = Diagnostic.error(second, SOURCE, STAGE, DUPLICATE_ATTRIBUTE,
                "attribute `" + path + "` already defined at " + where(first.start()));
        out.add(d.withRelated(first, "first definition of `" + path + "`"));
    }

    @Override
    public void duplicateFormal(TextRange second, String name) {
        add(second, DUPLICATE_FORMAL, "duplicate formal function argument `" + name + "`");
    }

    @Override
    public void dynamicInLet(TextRange attr) {
        add(attr, DYNAMIC_LET, "dynamic attributes not allowed in let");
    }

    @Override
    public void dynamicInInherit(TextRange attr) {
        add(attr, DYNAMIC_INHERIT, "dynamic attributes not allowed in inherit");
    }

    List<Diagnostic> sorted() {
        out.sort(Diagnostic.BY_POSITION);
        return List.copyOf(out);
    }

    private void add(TextRange range, String code, String message) {
        out.add(Diagnostic.error(range, SOURCE, STAGE, code, message));
    }

    private String where(int offset) {
        LineColumn lc = tree.lines().position(offset, PositionEncoding.UTF16);
        return (lc.line() + 1) + ":" + (lc.column() + 1);
    }
}
