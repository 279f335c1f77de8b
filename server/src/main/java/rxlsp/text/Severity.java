package rxlsp.text;

/** Diagnostic severities, in LSP order (1 = error). */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFORMATION("information"),
    HINT("hint");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The LSP DiagnosticSeverity number. */
    public int lspValue() {
        return ordinal() + 1;
    }
}
