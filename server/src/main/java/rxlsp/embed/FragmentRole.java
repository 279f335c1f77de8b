package rxlsp.embed;

/** What rx.nix makes of a piece of MCL text it finds in an option. */
public enum FragmentRole {
    /** An element of {@code rx.mcl.raw}: top-level MCL statements, copied verbatim. */
    RAW,
    /** The value of {@code rx.mcl.vars.<name>}: an MCL expression bound to {@code $<name>}. */
    VAR,
    /** An element of {@code rx.mcl.imports}: the name of an MCL module, not code. */
    IMPORT,
    /** A string marked with a {@code # mcl} or {@code /* mcl *}{@code /} comment: a program on its own. */
    MARKED
}
