package rxlsp.embed;

import rxlsp.text.TextRange;

/**
 * A module written inside a file, as an element of an {@code imports} or {@code modules} list
 * ({@code { rx.mcl.raw = …; }}, {@code ({ lib, ... }: { … })}). The module system treats it as a
 * module of its own, imported at its place in the list. Unit 0 is the file's own module.
 *
 * @param unit     its number within the file
 * @param parent   the unit whose list holds it
 * @param position its place in that list, from 1 (the module system names it {@code <parent>:anon-<position>})
 */
public record InlineModule(int unit, int parent, int position, TextRange range) {
}
