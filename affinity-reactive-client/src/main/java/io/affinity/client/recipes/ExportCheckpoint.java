package io.affinity.client.recipes;

import java.util.Optional;

/**
 * Where a list export stands: the token of the page that holds the next row to export ({@code null} for the
 * first page) and that row's position in the page. Saved with {@link #format()} and read back with
 * {@link #parse(String)} to resume an export where it stopped.
 *
 * @param pageToken the token of the page to fetch, or {@code null} for the first page
 * @param position  how many entries of that page were already exported, at least 0
 */
public record ExportCheckpoint(String pageToken, int position) {

    /** The start of a list. */
    public static final ExportCheckpoint START = new ExportCheckpoint(null, 0);

    /** Checks the components. */
    public ExportCheckpoint {
        if (position < 0) {
            throw new IllegalArgumentException("position must be at least 0, was " + position);
        }
        if (pageToken != null && (pageToken.isBlank() || pageToken.contains("\n"))) {
            throw new IllegalArgumentException("pageToken must not be blank or hold a line break");
        }
    }

    /** @return the page token, empty for the first page */
    public Optional<String> token() {
        return Optional.ofNullable(pageToken);
    }

    /** @return one line: the position, a space and the page token ({@code -} for the first page) */
    public String format() {
        return position + " " + (pageToken == null ? "-" : pageToken);
    }

    /**
     * Reads a checkpoint written by {@link #format()}.
     *
     * @param text the line
     * @return the checkpoint
     * @throws IllegalArgumentException when the text is not a checkpoint
     */
    public static ExportCheckpoint parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        String line = text.strip();
        int space = line.indexOf(' ');
        try {
            if (space < 1 || space == line.length() - 1) {
                throw new NumberFormatException();
            }
            int position = Integer.parseInt(line.substring(0, space));
            String token = line.substring(space + 1);
            return new ExportCheckpoint(token.equals("-") ? null : token, position);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint is not '<position> <page token>': " + line, e);
        }
    }
}
