package io.borrowerportal.document.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.document.CategoryChange;
import io.borrowerportal.document.CategoryDetail;
import io.borrowerportal.document.DocumentCategories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentCategoriesViewTest extends ViewTest {

    @Autowired
    DocumentCategories categories;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestCategories() {
        jdbc.update("delete from document_categories where name like 'Test %'");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_adds_a_category_then_renames_it_and_opens_it_for_uploads() {
        navigate(DocumentCategoriesView.class);
        test($(Button.class).id("category-new")).click();
        test($(TextField.class).id("category-name")).setValue("Test tax forms");
        test($(Button.class).id("category-save")).click();

        assertThat($(Paragraph.class).id("category-result").getText()).isEqualTo("Added \"Test tax forms\".");
        Grid<CategoryDetail> grid = grid();
        int row = rowOf(grid, "Test tax forms");
        assertThat(test(grid).getCellText(row, 2)).as("customers see it").isEqualTo("Yes");
        assertThat(test(grid).getCellText(row, 3)).as("customers upload").isEqualTo("No");

        test($(TextField.class).id("category-name")).setValue("Test tax returns");
        test($(Checkbox.class).id("category-upload")).click();
        test($(Button.class).id("category-save")).click();

        assertThat($(Paragraph.class).id("category-result").getText()).isEqualTo("Saved \"Test tax returns\".");
        row = rowOf(grid(), "Test tax returns");
        assertThat(test(grid()).getCellText(row, 3)).isEqualTo("Yes");
        assertThat(rowOf(grid(), "Test tax forms")).isNegative();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void a_duplicate_name_is_refused_beside_the_name_and_a_stale_edit_says_someone_else_changed_it() {
        navigate(DocumentCategoriesView.class);
        test($(Button.class).id("category-new")).click();
        test($(TextField.class).id("category-name")).setValue("correspondence");
        test($(Button.class).id("category-save")).click();

        TextField name = $(TextField.class).id("category-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("There is already a category called \"Correspondence\". Choose another name.");

        test(name).setValue("Test mine");
        test($(Button.class).id("category-save")).click();
        CategoryDetail mine = grid().asSingleSelect().getValue();
        assertThat(mine.name()).isEqualTo("Test mine");
        // Another admin changes it while this page still holds the old version.
        categories.save(new CategoryChange(mine.id(), mine.version(), "Test theirs", false, true));

        test($(TextField.class).id("category-name")).setValue("Test mine again");
        test($(Button.class).id("category-save")).click();

        assertThat($(Div.class).id("category-error").getText()).startsWith("Someone else changed this category");
        assertThat($(TextField.class).id("category-name").getValue()).as("the form shows their change").isEqualTo("Test theirs");
        assertThat(rowOf(grid(), "Test mine again")).isNegative();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_moves_a_category_up_and_neither_end_moves_further() {
        categories.save(CategoryChange.add("Test last", false, true));
        navigate(DocumentCategoriesView.class);
        int last = test(grid()).size() - 1;
        assertThat(rowOf(grid(), "Test last")).isEqualTo(last);
        assertThat(orderButton(0, 0).isEnabled()).as("the first cannot go up").isFalse();
        assertThat(orderButton(last, 1).isEnabled()).as("the last cannot go down").isFalse();

        test(orderButton(last, 0)).click();

        assertThat(rowOf(grid(), "Test last")).isEqualTo(last - 1);
        assertThat(orderButton(last, 1).isEnabled()).isFalse();
        assertThat(orderButton(last - 1, 1).isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void the_statements_category_cannot_be_removed() {
        navigate(DocumentCategoriesView.class);
        test(grid()).select(rowOf(grid(), "Statements"));

        assertThat($(Paragraph.class).id("category-purpose").getText()).contains("never removed");
        assertThat($(Button.class).id("category-remove").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_see_the_categories_read_only() {
        navigate(DocumentCategoriesView.class);

        assertThat($(Paragraph.class).id("read-only-note").getText()).isEqualTo("Only an administrator can change categories.");
        assertThat($(Button.class).withId("category-new").exists()).isFalse();
        assertThat($(Button.class).withId("category-save").exists()).isFalse();
        assertThat(grid().getColumns().stream().map(c -> c.getHeaderText()).toList()).doesNotContain("Order");

        test(grid()).select(rowOf(grid(), "Loan Documents"));
        assertThat($(TextField.class).id("category-name").getValue()).isEqualTo("Loan Documents");
        assertThat($(TextField.class).id("category-name").isReadOnly()).isTrue();
        assertThat($(Checkbox.class).id("category-upload").isReadOnly()).isTrue();
        assertThat($(Checkbox.class).id("category-visible").isReadOnly()).isTrue();
    }

    /** The up (0) or down (1) button of a row's Order cell. */
    private Button orderButton(int row, int which) {
        Div cell = (Div) test(grid()).getCellComponent(row, 1);
        return (Button) cell.getChildren().toList().get(which);
    }

    @SuppressWarnings("unchecked")
    private Grid<CategoryDetail> grid() {
        return $(Grid.class).id("categories");
    }

    private int rowOf(Grid<CategoryDetail> grid, String name) {
        List<String> names = grid.getGenericDataView().getItems().map(CategoryDetail::name).toList();
        return names.indexOf(name);
    }
}
