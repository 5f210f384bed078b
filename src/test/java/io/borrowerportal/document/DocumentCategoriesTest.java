package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCategoriesTest extends ServiceTest {

    private static final String ADMIN = "admin@example.com";
    private static final String STAFF = "staff@example.com";

    @Autowired
    DocumentCategories categories;
    @Autowired
    StaffDocuments staffDocuments;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestCategories() {
        jdbc.update("delete from document_contents where document_id in (select d.id from documents d join "
                + "document_categories c on c.id = d.category_id where c.name like 'Test %')");
        jdbc.update("delete from documents where category_id in (select id from document_categories where name like 'Test %')");
        jdbc.update("delete from document_categories where name like 'Test %'");
    }

    @Test
    void an_admin_adds_a_category_at_the_end_with_a_cleaned_name_and_it_is_audited() {
        SignIn.as(users, ADMIN);
        CategoryDetail added = categories.save(CategoryChange.add("  Test\u0007  tax   forms ", true, true));

        assertThat(added.name()).isEqualTo("Test tax forms");
        assertThat(categories.categories()).last().satisfies(last -> {
            assertThat(last.id()).isEqualTo(added.id());
            assertThat(last.customerUpload()).isTrue();
            assertThat(last.removable()).isTrue();
        });
        assertThat(audited("DOCUMENT_CATEGORY_ADDED", "\"Test tax forms\" added: customers may see yes, customers may upload yes"))
                .isEqualTo(1);
    }

    @Test
    void names_must_be_unique_whatever_their_case_present_and_at_most_60_characters() {
        SignIn.as(users, ADMIN);
        int before = categories.categories().size();

        assertRefused(CategoryChange.add("loan DOCUMENTS", false, true), "name", "already a category called \"Loan Documents\"");
        assertRefused(CategoryChange.add(" \u0007\u202E ", false, true), "name", "Give the category a name");
        assertRefused(CategoryChange.add("Test " + "x".repeat(56), false, true), "name", "60 characters");
        CategoryDetail other = categories.save(CategoryChange.add("Test appraisals", false, true));
        assertRefused(new CategoryChange(other.id(), other.version(), "Correspondence", false, true), "name",
                "already a category called \"Correspondence\"");

        assertThat(categories.categories()).hasSize(before + 1);
        assertThat(categories.categories()).extracting(CategoryDetail::name).doesNotContain("loan DOCUMENTS");
    }

    @Test
    void customers_upload_only_where_they_can_see_and_never_to_statements() {
        SignIn.as(users, ADMIN);
        CategoryDetail statements = byPurpose(CategoryPurpose.STATEMENTS);

        assertRefused(new CategoryChange(statements.id(), statements.version(), statements.name(), true, true),
                "customerUpload", "Customers never upload statements");
        assertRefused(CategoryChange.add("Test drop box", true, false), "customerUpload", "only to a category they can see");
        assertThat(byPurpose(CategoryPurpose.STATEMENTS).customerUpload()).isFalse();
        assertThat(byPurpose(CategoryPurpose.STATEMENTS).version()).isEqualTo(statements.version());
    }

    @Test
    void purpose_categories_and_categories_holding_documents_are_not_removed() {
        SignIn.as(users, ADMIN);
        for (CategoryPurpose purpose : CategoryPurpose.values()) {
            CategoryDetail category = byPurpose(purpose);
            assertThat(category.removable()).isFalse();
            assertThatThrownBy(() -> categories.remove(category.id(), category.version()))
                    .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("cannot be removed");
        }
        CategoryDetail used = categories.save(CategoryChange.add("Test used", false, true));
        staffDocuments.share(new SharedDocument("PL-200731", used.id(), "Kept", null, "k.pdf"),
                FileContent.of(TestFiles.pdf("Kept")));
        CategoryDetail now = find(used.id());
        assertThat(now.documents()).isEqualTo(1);
        assertThatThrownBy(() -> categories.remove(now.id(), now.version()))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("holds 1 document");

        CategoryDetail empty = categories.save(CategoryChange.add("Test empty", false, true));
        categories.remove(empty.id(), empty.version());
        assertThat(categories.categories()).extracting(CategoryDetail::id).doesNotContain(empty.id())
                .contains(used.id(), byPurpose(CategoryPurpose.STATEMENTS).id(), byPurpose(CategoryPurpose.INSURANCE).id());
        assertThat(audited("DOCUMENT_CATEGORY_REMOVED", "\"Test empty\" removed")).isEqualTo(1);
    }

    @Test
    void a_change_made_on_a_stale_version_is_refused_and_the_newer_change_stays() {
        SignIn.as(users, ADMIN);
        CategoryDetail opened = categories.save(CategoryChange.add("Test leases", false, true));
        // A second admin saves first, from the same version.
        CategoryDetail theirs = categories.save(new CategoryChange(opened.id(), opened.version(), "Test lease papers",
                true, true));
        assertThat(theirs.version()).isGreaterThan(opened.version());

        assertThatThrownBy(() -> categories.save(new CategoryChange(opened.id(), opened.version(), "Test my leases",
                false, false))).isInstanceOf(DocumentRefusedException.class).hasMessage(DocumentCategories.STALE);
        assertThatThrownBy(() -> categories.move(opened.id(), opened.version(), true))
                .isInstanceOf(DocumentRefusedException.class).hasMessage(DocumentCategories.STALE);
        assertThatThrownBy(() -> categories.remove(opened.id(), opened.version()))
                .isInstanceOf(DocumentRefusedException.class).hasMessage(DocumentCategories.STALE);
        assertThat(find(opened.id())).satisfies(now -> {
            assertThat(now.name()).isEqualTo("Test lease papers");
            assertThat(now.customerUpload()).isTrue();
        });
        assertThat(audited("DOCUMENT_CATEGORY_CHANGED", "\"Test leases\", customers may see yes, customers may upload no"
                + " -> \"Test lease papers\", customers may see yes, customers may upload yes")).isEqualTo(1);
    }

    @Test
    void moving_a_category_up_swaps_it_with_the_one_above_and_is_audited() {
        SignIn.as(users, ADMIN);
        CategoryDetail first = categories.save(CategoryChange.add("Test first", false, true));
        CategoryDetail second = categories.save(CategoryChange.add("Test second", false, true));

        List<CategoryDetail> moved = categories.move(second.id(), second.version(), true);

        List<Long> ids = moved.stream().map(CategoryDetail::id).toList();
        assertThat(ids.indexOf(second.id())).isEqualTo(ids.indexOf(first.id()) - 1);
        assertThat(ids.getLast()).isEqualTo(first.id());
        assertThat(categories.move(first.id(), find(first.id()).version(), false)).extracting(CategoryDetail::id)
                .as("the last one cannot go further down").containsExactlyElementsOf(ids);
        assertThat(audited("DOCUMENT_CATEGORY_MOVED", "\"Test second\" moved up%")).isEqualTo(1);
    }

    @Test
    void staff_read_the_categories_but_only_admins_change_them() {
        SignIn.as(users, STAFF);
        List<CategoryDetail> seen = categories.categories();
        assertThat(seen).extracting(CategoryDetail::name).contains("Statements", "Proof of Insurance", "Loan Documents",
                "Correspondence", "Customer Uploads");
        CategoryDetail loanDocuments = seen.stream().filter(c -> c.name().equals("Loan Documents")).findFirst().orElseThrow();

        assertThatThrownBy(() -> categories.save(CategoryChange.add("Test by staff", false, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categories.save(new CategoryChange(loanDocuments.id(), loanDocuments.version(),
                "Renamed by staff", true, true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categories.move(loanDocuments.id(), loanDocuments.version(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categories.remove(loanDocuments.id(), loanDocuments.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(find(loanDocuments.id())).isEqualTo(loanDocuments);
    }

    private void assertRefused(CategoryChange change, String field, String message) {
        assertThatThrownBy(() -> categories.save(change)).isInstanceOfSatisfying(DocumentRefusedException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private CategoryDetail byPurpose(CategoryPurpose purpose) {
        return categories.categories().stream().filter(c -> c.purpose() == purpose).findFirst().orElseThrow();
    }

    private CategoryDetail find(long id) {
        return categories.categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private int audited(String action, String detailLike) {
        return jdbc.queryForObject("select count(*) from audit_events where action = ? and actor = ? and detail like ?",
                Integer.class, action, ADMIN, detailLike);
    }
}
