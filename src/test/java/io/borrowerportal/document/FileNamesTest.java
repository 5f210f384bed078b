package io.borrowerportal.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void a_label_keeps_only_the_last_part_of_a_path_from_either_kind_of_slash() {
        assertThat(FileNames.label("../../etc/passwd.pdf", 120)).isEqualTo("passwd.pdf");
        assertThat(FileNames.label("C:\\Users\\jane\\..\\stub.pdf", 120)).isEqualTo("stub.pdf");
    }

    @Test
    void control_direction_and_zero_width_characters_are_dropped_and_spaces_collapsed() {
        assertThat(FileNames.label("in\u0000voice\u0007 \t\r\n  march\u202Efdp.exe\u200B", 120))
                .as("the override between march and fdp is gone, so the name reads as it is stored")
                .isEqualTo("invoice marchfdp.exe");
        assertThat(FileNames.text("  Pay\nstub  ", 120)).isEqualTo("Pay stub");
    }

    @Test
    void leading_dots_go_so_no_label_is_hidden_or_a_parent_folder() {
        assertThat(FileNames.label("..", 120)).isEmpty();
        assertThat(FileNames.label(". . .hidden.pdf", 120)).isEqualTo("hidden.pdf");
    }

    @Test
    void a_label_is_cut_to_its_column_without_splitting_a_character() {
        assertThat(FileNames.label("a".repeat(200) + ".pdf", 120)).hasSize(120);
        String emoji = "x".repeat(119) + "\uD83D\uDE00";
        assertThat(FileNames.text(emoji, 120)).isEqualTo("x".repeat(119));
        assertThat(FileNames.label(null, 120)).isEmpty();
    }
}
