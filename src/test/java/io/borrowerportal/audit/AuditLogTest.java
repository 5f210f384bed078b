package io.borrowerportal.audit;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.common.InvalidValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log viewer's service (decision 026): filters, paging, the role rule, CSV and the chain check. */
class AuditLogTest extends ServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-10");

    @Autowired
    AuditLog log;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    /** Unique per test, so the rows of other tests in the shared database never match. */
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String actor(String name) {
        return name + "-" + tag + "@example.com";
    }

    private String loan(int n) {
        return "T" + tag.toUpperCase() + "-" + n;
    }

    private long record(String actor, Long customerId, String loanNumber, AuditAction action, String detail) {
        audit.record(actor, "STAFF", customerId, customerId == null ? null : "c" + customerId + "@example.com",
                loanNumber, action, detail);
        return jdbc.queryForObject("select max(id) from audit_events", Long.class);
    }

    private static AuditFilter byActor(String actor) {
        return new AuditFilter(null, null, actor, null, null, null);
    }

    @Test
    void each_filter_narrows_the_log_to_its_entries() {
        long customer = 900_000_000L + Math.abs(tag.hashCode() % 1000);
        String someone = actor("someone");
        long a = record(someone, customer, loan(1), AuditAction.PAYMENT_SUBMITTED, "a");
        long b = record(someone, customer, loan(2), AuditAction.PAYMENT_COMPLETED, "b");
        long c = record(actor("other"), null, loan(1), AuditAction.DOCUMENT_SHARED, "c");
        SignIn.as(users, "admin@example.com");

        assertThat(ids(new AuditFilter(customer, null, null, null, null, null))).containsExactly(b, a);
        assertThat(ids(new AuditFilter(null, loan(1), null, null, null, null))).containsExactly(c, a);
        assertThat(ids(new AuditFilter(null, " " + loan(2).toLowerCase() + " ", null, null, null, null)))
                .as("a loan number typed in lower case, with spaces").containsExactly(b);
        assertThat(ids(byActor(someone))).containsExactly(b, a);
        assertThat(ids(new AuditFilter(null, null, someone, AuditAction.PAYMENT_COMPLETED, null, null))).containsExactly(b);
        assertThat(ids(new AuditFilter(customer, loan(1), null, AuditAction.PAYMENT_SUBMITTED, null, null))).containsExactly(a);
        assertThat(log.count(new AuditFilter(customer, null, null, null, null, null))).isEqualTo(2);
    }

    @Test
    void the_date_range_is_in_the_lenders_time_zone_with_both_days_included() {
        String someone = actor("dates");
        clock.moveTo(TODAY.minusDays(2));
        long twoDaysAgo = record(someone, null, null, AuditAction.PREFERENCE_CHANGED, "two days ago");
        // 23:30 in New York on the 9th is already the 10th in UTC: the lender's day decides.
        clock.moveTo(TODAY.minusDays(1));
        ZonedDateTime now = ZonedDateTime.now(clock);
        clock.advance(Duration.between(now, now.with(LocalTime.of(23, 30))));
        long lateYesterday = record(someone, null, null, AuditAction.PREFERENCE_CHANGED, "late yesterday");
        clock.reset();
        long today = record(someone, null, null, AuditAction.PREFERENCE_CHANGED, "today");
        SignIn.as(users, "admin@example.com");

        assertThat(ids(new AuditFilter(null, null, someone, null, TODAY.minusDays(1), TODAY.minusDays(1))))
                .containsExactly(lateYesterday);
        assertThat(ids(new AuditFilter(null, null, someone, null, TODAY, null))).containsExactly(today);
        assertThat(ids(new AuditFilter(null, null, someone, null, null, TODAY.minusDays(1))))
                .containsExactly(lateYesterday, twoDaysAgo);
        assertThat(ids(new AuditFilter(null, null, someone, null, TODAY.minusDays(2), TODAY)))
                .containsExactly(today, lateYesterday, twoDaysAgo);
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new AuditFilter(null, null, null, null, TODAY, TODAY.minusDays(1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("on or before");
        assertThatThrownBy(() -> new AuditFilter(null, "X".repeat(AuditFilter.MAX_LOAN_NUMBER + 1), null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pages_follow_each_other_newest_first_without_gaps_or_repeats() {
        String someone = actor("pages");
        List<Long> written = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(record(someone, 1L, null, AuditAction.PREFERENCE_CHANGED, "row " + i));
        }
        SignIn.as(users, "admin@example.com");
        AuditFilter filter = byActor(someone);

        List<Long> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            log.page(filter, offset, 3).forEach(e -> paged.add(e.id()));
        }
        assertThat(paged).containsExactlyElementsOf(written.reversed());
        assertThat(log.page(filter, 3, 3)).extracting(AuditEntry::detail).containsExactly("row 3", "row 2", "row 1");
        assertThat(log.count(filter)).isEqualTo(7);
        assertThat(log.page(filter, AuditLog.COUNT_CAP, 50)).as("nothing past the cap").isEmpty();
    }

    @Test
    void staff_see_entries_about_customers_and_loans_and_admins_see_every_entry() {
        String someone = actor("roles");
        long aboutCustomer = record(someone, 3L, null, AuditAction.PAYMENT_SUBMITTED, "about a customer");
        long aboutLoan = record(someone, null, loan(7), AuditAction.DOCUMENT_SHARED, "about a loan");
        long staffSecurity = record(someone, null, null, AuditAction.SECOND_FACTOR_RESET, "a staff account's factor");
        AuditFilter filter = byActor(someone);

        SignIn.as(users, "staff@example.com");
        assertThat(ids(filter)).containsExactly(aboutLoan, aboutCustomer);
        assertThat(log.count(filter)).isEqualTo(2);
        assertThat(log.entry(staffSecurity)).as("not even by its id").isEmpty();
        assertThat(log.entry(aboutLoan)).isPresent();
        assertThat(csv(filter)).contains("about a customer", "about a loan").doesNotContain("a staff account's factor");
        assertThat(audit.search(new AuditQuery(null, someone, null, null, null, null, 10)))
                .as("the older search keeps the same rule").extracting(AuditEntry::id).containsExactly(aboutLoan, aboutCustomer);

        SignIn.as(users, "admin@example.com");
        assertThat(ids(filter)).containsExactly(staffSecurity, aboutLoan, aboutCustomer);
        assertThat(log.count(filter)).isEqualTo(3);
        assertThat(log.entry(staffSecurity)).get().satisfies(d -> {
            assertThat(d.entry().detail()).isEqualTo("a staff account's factor");
            assertThat(d.hash()).hasSize(64);
            assertThat(d.hashScheme()).isEqualTo(AuditChain.HMAC_SHA256);
        });
        assertThat(csv(filter)).contains("a staff account's factor");
    }

    @Test
    void a_customer_cannot_read_the_log() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> log.page(AuditFilter.NONE, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.count(AuditFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.entry(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.exportCsv(AuditFilter.NONE, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(log::verifyChain).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_first_page_of_a_search_and_an_export_are_recorded_with_the_filters() {
        String someone = actor("viewer");
        record(someone, 1L, null, AuditAction.PREFERENCE_CHANGED, "x");
        SignIn.as(users, "staff@example.com");
        AuditFilter filter = new AuditFilter(null, null, someone, AuditAction.PREFERENCE_CHANGED, null, null);
        String described = "actor " + someone + ", action PREFERENCE_CHANGED";

        log.page(filter, 0, 50);
        log.page(filter, 50, 50);
        csv(filter);

        SignIn.as(users, "admin@example.com");
        assertThat(viewerRows()).filteredOn(e -> e.detail().endsWith(described))
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::actorRole, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.AUDIT_LOG_EXPORTED, "staff@example.com", "STAFF",
                                "Exported the audit log as CSV: " + described),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.AUDIT_LOG_VIEWED, "staff@example.com", "STAFF",
                                "Viewed the audit log: " + described));
    }

    private List<AuditEntry> viewerRows() {
        return log.page(new AuditFilter(null, null, "staff@example.com", null, null, null), 0, 20).stream()
                .filter(e -> e.action() == AuditAction.AUDIT_LOG_VIEWED || e.action() == AuditAction.AUDIT_LOG_EXPORTED)
                .toList();
    }

    @Test
    void the_csv_has_every_column_guards_formulas_and_quotes_commas() {
        String someone = actor("csv");
        long id = record(someone, 42L, loan(3), AuditAction.PAYMENT_SUBMITTED, "=HYPERLINK(\"http://x\"),\"paid\"");
        long newer = record(someone, 42L, loan(3), AuditAction.PAYMENT_COMPLETED, "-5 fee, @note");
        SignIn.as(users, "admin@example.com");

        String csv = csv(byActor(someone));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(AuditLog.CSV_HEADER);
        assertThat(lines[1]).startsWith(newer + ",2026-12-10T").contains("-05:00," + someone + ",STAFF,42,c42@example.com,"
                + loan(3) + ",PAYMENT_COMPLETED,\"'-5 fee, @note\",");
        assertThat(lines[2]).startsWith(id + ",").contains(",PAYMENT_SUBMITTED,\"'=HYPERLINK(\"\"http://x\"\"),\"\"paid\"\"\",");
        AuditEntryDetail stored = log.entry(id).orElseThrow();
        assertThat(lines[2]).endsWith("," + stored.prevHash() + "," + stored.hash() + "," + AuditChain.HMAC_SHA256);
    }

    @Test
    void the_chain_check_names_the_first_entry_changed_behind_the_portals_back() {
        String someone = actor("chain");
        record(someone, 1L, null, AuditAction.PREFERENCE_CHANGED, "before");
        long tampered = record(someone, 1L, null, AuditAction.PREFERENCE_CHANGED, "original");
        record(someone, 1L, null, AuditAction.PREFERENCE_CHANGED, "after");
        SignIn.as(users, "staff@example.com");
        ChainCheck intact = log.verifyChain();
        assertThat(intact.intact()).isTrue();
        long rowsBefore = jdbc.queryForObject("select count(*) from audit_events where id < ?", Long.class, tampered);
        assertThat(intact.entriesChecked()).isGreaterThan(rowsBefore);

        jdbc.update("update audit_events set detail = 'tampered' where id = ?", tampered);
        try {
            ChainCheck broken = log.verifyChain();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenEntryId()).isEqualTo(tampered);
            assertThat(broken.brokenAt()).isEqualTo(jdbc.queryForObject(
                    "select occurred_at from audit_events where id = ?", java.time.LocalDateTime.class, tampered)
                    .toInstant(java.time.ZoneOffset.UTC));
            assertThat(broken.problem()).contains("content does not match");
            assertThat(broken.entriesChecked()).isEqualTo(rowsBefore);
            assertThat(audit.verifyChain()).isFalse();
        } finally {
            jdbc.update("update audit_events set detail = 'original' where id = ?", tampered);
        }
        assertThat(log.verifyChain().intact()).isTrue();
        SignIn.as(users, "admin@example.com");
        assertThat(log.page(new AuditFilter(null, null, "staff@example.com", AuditAction.AUDIT_CHAIN_VERIFIED, null, null), 0, 3))
                .extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains("broken at entry " + tampered));
    }

    private List<Long> ids(AuditFilter filter) {
        return log.page(filter, 0, 50).stream().map(AuditEntry::id).toList();
    }

    private String csv(AuditFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.exportCsv(filter, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
