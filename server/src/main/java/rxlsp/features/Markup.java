package rxlsp.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Documentation a feature shows (a hover, a completion item's details): paragraphs and code blocks,
 * rendered as Markdown or as plain text at the protocol edge, whichever the client reads.
 */
public record Markup(List<Block> blocks) {
    public Markup {
        blocks = List.copyOf(blocks);
    }

    /** One part of the documentation. */
    public sealed interface Block {
    }

    /** Code in a language ({@code mcl}, {@code nix}). */
    public record Code(String language, String text) implements Block {
    }

    /** A paragraph of prose; backquoted names are code in Markdown. */
    public record Text(String text) implements Block {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder code(String language, String text) {
            blocks.add(new Code(language, text));
            return this;
        }

        public Builder text(String text) {
            if (text != null && !text.isBlank()) {
                blocks.add(new Text(text));
            }
            return this;
        }

        public Markup build() {
            return new Markup(blocks);
        }
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            switch (b) {
                case Code c -> out.append("```").append(c.language()).append('\n').append(c.text()).append("\n```");
                case Text t -> out.append(t.text());
            }
        }
        return out.toString();
    }

    /** Plain text: code as it is, prose without Markdown's backquotes. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            switch (b) {
                case Code c -> out.append(c.text());
                case Text t -> out.append(t.text().replace("`", ""));
            }
        }
        return out.toString();
    }
}
