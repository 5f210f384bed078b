package io.borrowerportal.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's one stylesheet is written by hand and merged often. A lost closing brace is no error to a browser:
 * every rule after it silently nests inside the open block and stops matching (the audit log's toolbar lost its
 * layout that way). The file's own rule is that a rule inside a block is indented, so a line that starts with a
 * selector at its first column while a block is open is such a brace.
 */
class StylesheetTest {

    @Test
    void every_block_in_portal_css_closes_before_the_next_top_level_rule() throws IOException {
        String css = Files.readString(Path.of("frontend", "portal.css"));
        int depth = 0;
        int line = 1;
        int openedAt = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                assertThat(end).as("the comment opened on line %d is closed", line).isPositive();
                line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                assertThat(end).as("the string opened on line %d is closed", line).isPositive();
                i = end;
            } else if (c == '\n') {
                line++;
                boolean ruleAtFirstColumn = i + 1 < css.length() && startsRule(css.charAt(i + 1));
                assertThat(depth > 0 && ruleAtFirstColumn)
                        .as("line %d starts a top-level rule inside the block opened on line %d", line, openedAt)
                        .isFalse();
            } else if (c == '{') {
                if (depth == 0) {
                    openedAt = line;
                }
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("the brace on line %d closes nothing", line).isNotNegative();
            }
        }
        assertThat(depth).as("the block opened on line %d is never closed", openedAt).isZero();
    }

    private static boolean startsRule(char c) {
        return c == '.' || c == '#' || c == '@' || c == ':' || c == '[' || c == '*' || Character.isLetter(c);
    }
}
