package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import io.borrowerportal.ViewTest;
import io.borrowerportal.servicing.ImportFile;
import io.borrowerportal.servicing.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' Import page without a browser: the files, a dry run's refused rows in the grid, and an import. */
class ImportViewTest extends ViewTest {

    private static final String RUN = "V" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    @WithUserDetails("admin@example.com")
    void a_dry_run_shows_every_refused_row_by_file_line_and_column_and_writes_nothing() throws IOException {
        ImportView view = navigate(ImportView.class);
        assertThat($(Upload.class).all()).hasSize(5);
        assertThat($(Button.class).id("import-check").isEnabled()).as("not before the four required files arrived").isFalse();
        hand(view, RUN + "D", "198.00,141.85,56.15", "198.00,141.85,50.00");
        long loans = count("loan_accounts");

        test($(Button.class).id("import-check")).click();

        assertThat($(Paragraph.class).id("import-summary").getText()).startsWith("Dry run (nothing written)");
        @SuppressWarnings("unchecked")
        Grid<ImportProblem> grid = $(Grid.class).id("import-problems");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(List.of(test(grid).getCellText(0, 0), test(grid).getCellText(0, 1), test(grid).getCellText(0, 2)))
                .containsExactly("entries.csv", "7", "amount");
        assertThat(test(grid).getCellText(0, 3)).contains("does not add up");
        assertThat(count("loan_accounts")).isEqualTo(loans);
        assertThat($(Button.class).all()).as("a dry run creates nobody to invite")
                .noneMatch(b -> b.getId().filter("import-invite"::equals).isPresent());
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_import_of_good_files_offers_to_invite_the_new_customers() throws IOException {
        ImportView view = navigate(ImportView.class);
        hand(view, RUN + "I", "", "");
        test($(Button.class).id("import-run")).click();

        assertThat($(Paragraph.class).id("import-summary").getText()).contains("loans: 3 created");
        Button invite = $(Button.class).id("import-invite");
        assertThat(invite.getText()).isEqualTo("Invite the 3 new customers");
        test(invite).click();
        assertThat($(Paragraph.class).id("import-invited").getText()).startsWith("3 activation invitations sent");
        assertThat($(Button.class).id("import-check").isEnabled()).as("the files are used up").isFalse();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void products_csv_is_optional_and_a_run_without_it_defines_no_product() throws IOException {
        ImportView view = navigate(ImportView.class);
        hand(view, RUN + "O", "", "", false);
        assertThat($(Button.class).id("import-check").isEnabled()).as("the four required files are enough").isTrue();

        test($(Button.class).id("import-check")).click();

        assertThat($(Paragraph.class).id("import-summary").getText())
                .contains("products: 0 created, 0 updated, 0 unchanged, 0 refused").contains("loans: 3 created");
    }

    private void hand(ImportView view, String prefix, String find, String replace) throws IOException {
        hand(view, prefix, find, replace, true);
    }

    /** The sample set with ids of this test's own, one replacement in entries.csv, handed to the page. */
    private void hand(ImportView view, String prefix, String find, String replace, boolean withProducts)
            throws IOException {
        for (ImportFile file : ImportFile.values()) {
            if (file.optional() && !withProducts) {
                continue;
            }
            String text = Files.readString(Path.of("docs/import").resolve(file.fileName()), StandardCharsets.UTF_8)
                    .replace("SMP-", prefix + "-").replace("@example.org", "@" + prefix.toLowerCase() + ".example.org");
            if (file == ImportFile.ENTRIES && !find.isEmpty()) {
                text = text.replace(find, replace);
            }
            Path path = dir.resolve(prefix + "-" + file.fileName());
            Files.writeString(path, text, StandardCharsets.UTF_8);
            view.received(file, path);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
