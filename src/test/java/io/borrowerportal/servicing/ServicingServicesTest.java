package io.borrowerportal.servicing;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The servicing connection's services on the shared database, called as the servicing system's API client would
 * be (role API_CLIENT): every rule of decision 030, and that a refusal writes nothing.
 */
class ServicingServicesTest extends ServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Tells this run's rows from earlier runs' on a database that is kept. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    @Autowired
    ServicingCustomers customers;
    @Autowired
    ServicingLoans loans;
    @Autowired
    ServicingLedger ledger;
    @Autowired
    LedgerPosting portalPostings;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private String loanNumber;

    @BeforeEach
    void signInAsTheServicer() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "loanpro-test", null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT))));
        loanNumber = "SV" + RUN + "-" + NEXT.incrementAndGet();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // --- customers

    @Test
    void a_customer_is_created_then_unchanged_then_updated_and_audited_with_the_servicer_as_actor() {
        String id = id("C");
        UpsertResult created = customers.upsert(customer(id, email(id), "(212) 555-0147"));
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        long customerId = customerId(id);
        assertThat(jdbc.queryForObject("select status from customers where id = ?", String.class, customerId))
                .isEqualTo("INVITED");

        assertThat(customers.upsert(customer(id, email(id), "212-555-0147")).outcome()).isEqualTo(Outcome.UNCHANGED);

        jdbc.update("update customers set password_hash = 'portal-owned', accounts_layout = 'LIST' where id = ?", customerId);
        UpsertResult updated = customers.upsert(customer(id, "New." + email(id), "(212) 555-0199"));
        assertThat(updated.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(updated.changed()).containsExactly("email", "phone");
        assertThat(jdbc.queryForMap("select email, phone, password_hash, accounts_layout from customers where id = ?",
                customerId)).containsEntry("email", ("new." + email(id)).toLowerCase())
                .containsEntry("phone", "(212) 555-0199").containsEntry("password_hash", "portal-owned")
                .containsEntry("accounts_layout", "LIST");
        assertThat(jdbc.queryForList("select actor from audit_events where customer_id = ? and action like 'SERVICER_%' "
                + "order by id", String.class, customerId)).containsExactly("servicer:loanpro-test", "servicer:loanpro-test");
    }

    @Test
    void a_changed_email_that_is_another_customers_is_refused_and_nothing_changes() {
        String first = id("C");
        String second = id("C");
        customers.upsert(customer(first, email(first), null));
        customers.upsert(customer(second, email(second), null));
        long audits = count("audit_events");

        assertThatThrownBy(() -> customers.upsert(customer(second, email(first), null)))
                .isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ServicingProblem::field).containsExactly("email"));
        assertThat(jdbc.queryForObject("select email from customers where id = ?", String.class, customerId(second)))
                .isEqualTo(email(second).toLowerCase());
        assertThat(count("audit_events")).isEqualTo(audits);
    }

    @Test
    void a_bad_customer_is_refused_naming_every_bad_field_and_nothing_is_written() {
        long before = count("customers");
        CustomerUpsert bad = new CustomerUpsert(" ", "", "Doe", "not-an-email", "12", "1 Main St", null, "Albany",
                "XX", "1234", null);
        assertThatThrownBy(() -> customers.upsert(bad)).isInstanceOfSatisfying(ServicingRefusedException.class,
                e -> assertThat(e.problems()).extracting(ServicingProblem::field)
                        .containsExactly("externalId", "status", "firstName", "email", "phone", "state", "zip"));
        assertThat(count("customers")).isEqualTo(before);
    }

    // --- loans and borrowers

    @Test
    void a_loan_is_created_then_unchanged_then_updated_and_its_servicer_balance_kept() {
        assertThat(loans.upsert(loan(loanNumber, "5000.00", null)).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(loans.upsert(loan(loanNumber, "5000.00", null)).outcome()).isEqualTo(Outcome.UNCHANGED);

        LoanUpsert changed = new LoanUpsert(loanNumber, "HOME", new BigDecimal("5000.00"), new BigDecimal("9.0000"),
                12, START, START.plusMonths(1), "Lake house", null, false, new BigDecimal("4100.25"),
                LocalDate.of(2026, 12, 1));
        UpsertResult updated = loans.upsert(changed);
        assertThat(updated.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(updated.changed()).containsExactly("collateralDescription", "webAccess", "servicerBalance");
        assertThat(loans.servicerBalance(loanNumber)).contains(
                new ServicerBalance(loanNumber, new BigDecimal("4100.25"), LocalDate.of(2026, 12, 1)));
        assertThat(jdbc.queryForObject("select web_access from loan_accounts where loan_number = ?", Boolean.class,
                loanNumber)).isFalse();
        assertThat(loans.upsert(changed).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void terms_change_while_only_the_disbursement_is_posted_and_are_refused_once_there_is_activity() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        UpsertResult rebooked = loans.upsert(loan(loanNumber, "6000.00", null));
        assertThat(rebooked.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(rebooked.changed()).containsExactly("terms.principal");
        assertThat(jdbc.queryForList("select amount from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = ? order by e.id", BigDecimal.class, loanNumber))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("5000.00"), new BigDecimal("-5000.00"), new BigDecimal("6000.00"));

        ledger.append(loanNumber, payment("P1", START.plusMonths(1), "100.00", "55.00", "45.00", "0.00", null));
        long entries = ledgerRows();
        LoanUpsert modified = new LoanUpsert(loanNumber, "HOME", new BigDecimal("6000.00"), new BigDecimal("7.5000"),
                24, START, START.plusMonths(1), "Boat", null, null, null, null);
        assertThatThrownBy(() -> loans.upsert(modified)).isInstanceOfSatisfying(ServicingRefusedException.class,
                e -> assertThat(e.problems()).extracting(ServicingProblem::field)
                        .containsExactly("terms.annualRatePercent", "terms.numberOfPayments"));
        assertThat(ledgerRows()).isEqualTo(entries);
        // Nothing of the refused upsert is written, not even the collateral it would have changed.
        assertThat(jdbc.queryForObject("select collateral_description from loan_accounts where loan_number = ?",
                String.class, loanNumber)).isNull();
        assertThat(jdbc.queryForObject("select annual_rate from loan_accounts where loan_number = ?",
                BigDecimal.class, loanNumber)).isEqualByComparingTo("9.0000");
    }

    @Test
    void a_loan_on_an_unknown_product_or_with_bad_terms_is_refused_naming_each_field() {
        long before = count("loan_accounts");
        LoanUpsert bad = new LoanUpsert(loanNumber, "NO-SUCH", new BigDecimal("-1"), new BigDecimal("120"), 0,
                START, START, null, "IOQ", null, new BigDecimal("10.00"), null);
        assertThatThrownBy(() -> loans.upsert(bad)).isInstanceOfSatisfying(ServicingRefusedException.class,
                e -> assertThat(e.problems()).extracting(ServicingProblem::field).containsExactly("productCode",
                        "terms.principal", "terms.annualRatePercent", "terms.numberOfPayments", "terms.firstDueDate",
                        "collateralVin", "balanceAsOf"));
        assertThat(count("loan_accounts")).isEqualTo(before);
    }

    @Test
    void the_borrowers_are_set_replaced_and_a_customer_unknown_by_external_id_is_refused() {
        String jane = id("C");
        String sam = id("C");
        customers.upsert(customer(jane, email(jane), null));
        customers.upsert(customer(sam, email(sam), null));
        loans.upsert(loan(loanNumber, "5000.00", null));

        UpsertResult set = loans.replaceBorrowers(new BorrowersUpsert(loanNumber, List.of(
                new BorrowersUpsert.Borrower(jane, LinkRole.BORROWER), new BorrowersUpsert.Borrower(sam, LinkRole.CO_BORROWER))));
        assertThat(set.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(loans.replaceBorrowers(new BorrowersUpsert(loanNumber, List.of(
                new BorrowersUpsert.Borrower(sam, LinkRole.CO_BORROWER), new BorrowersUpsert.Borrower(jane, LinkRole.BORROWER))))
                .outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(loans.replaceBorrowers(new BorrowersUpsert(loanNumber, List.of(
                new BorrowersUpsert.Borrower(sam, LinkRole.BORROWER)))).outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(links()).containsExactly(customerId(sam) + " BORROWER");

        assertThatThrownBy(() -> loans.replaceBorrowers(new BorrowersUpsert(loanNumber, List.of(
                new BorrowersUpsert.Borrower(jane, LinkRole.BORROWER), new BorrowersUpsert.Borrower("NOBODY-" + RUN, LinkRole.CO_BORROWER)))))
                .isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ServicingProblem::field).containsExactly("borrowers[1].externalId"));
        assertThat(links()).containsExactly(customerId(sam) + " BORROWER");
    }

    // --- ledger entries

    @Test
    void an_entry_is_posted_once_a_repeat_answers_with_the_first_result_and_other_content_is_a_conflict() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        ServicerEntry fee = new ServicerEntry("F1", ServicerEntryKind.FEE, START.plusDays(40), new BigDecimal("25.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("25.00"), null, null, "Late fee");
        EntryResult first = ledger.append(loanNumber, fee);
        assertThat(first.outcome()).isEqualTo(EntryOutcome.POSTED);
        assertThat(first.repeat()).isFalse();
        long rows = ledgerRows();

        EntryResult again = ledger.append(loanNumber, fee);
        assertThat(again.repeat()).isTrue();
        assertThat(again.ledgerEntryId()).isEqualTo(first.ledgerEntryId());
        assertThat(ledgerRows()).isEqualTo(rows);

        ServicerEntry other = new ServicerEntry("F1", ServicerEntryKind.FEE, START.plusDays(40), new BigDecimal("30.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("30.00"), null, null, "Late fee");
        assertThatThrownBy(() -> ledger.append(loanNumber, other)).isInstanceOfSatisfying(
                ServicerEntryConflictException.class, e -> assertThat(e.problems()).extracting(ServicingProblem::field)
                        .containsExactly("entries[0].servicerId"));
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void a_split_that_does_not_add_up_a_date_before_disbursement_or_in_the_future_is_refused_naming_the_field() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        long rows = ledgerRows();
        refused(payment("P1", START.plusMonths(1), "100.00", "50.00", "45.00", "0.00", null), "entries[0].amount");
        refused(payment("P2", START.minusDays(1), "100.00", "55.00", "45.00", "0.00", null), "entries[0].effectiveDate");
        refused(payment("P3", LocalDate.of(2026, 12, 11), "100.00", "55.00", "45.00", "0.00", null),
                "entries[0].effectiveDate");
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void a_reversal_undoes_its_entry_once_and_a_reversal_of_nothing_is_refused() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        ledger.append(loanNumber, payment("P1", START.plusMonths(1), "100.00", "55.00", "45.00", "0.00", null));
        refused(reversal("R0", "NOTHING"), "entries[0].reverses");
        EntryResult reversed = ledger.append(loanNumber, reversal("R1", "P1"));
        assertThat(reversed.outcome()).isEqualTo(EntryOutcome.POSTED);
        assertThat(jdbc.queryForObject("select amount from ledger_entries where id = ?", BigDecimal.class,
                reversed.ledgerEntryId())).isEqualByComparingTo("-100.00");
        long rows = ledgerRows();
        refused(reversal("R2", "P1"), "entries[0].reverses");
        refused(reversal("R3", "R1"), "entries[0].reverses");
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void a_batch_of_5000_with_one_bad_row_is_refused_whole_naming_the_row_then_goes_in_whole_when_corrected() {
        loans.upsert(new LoanUpsert(loanNumber, "HOME", new BigDecimal("900000.00"), new BigDecimal("6.0000"), 360,
                START, START.plusMonths(1), null, null, null, null, null));
        List<ServicerEntry> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(new ServicerEntry("B" + i, ServicerEntryKind.FEE, START.plusDays(1 + i % 300),
                    new BigDecimal("1.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1.00"), null, null, null));
        }
        batch.set(4321, new ServicerEntry("B4321", ServicerEntryKind.FEE, START.plusDays(10), new BigDecimal("1.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2.00"), null, null, null));
        long rows = ledgerRows();
        long received = count("servicer_entries");

        assertThatThrownBy(() -> ledger.append(loanNumber, batch)).isInstanceOfSatisfying(
                ServicingRefusedException.class, e -> {
                    assertThat(e.problems()).extracting(ServicingProblem::field).containsExactly("entries[4321].amount");
                    assertThat(e.problems().getFirst().message()).startsWith("Row 4321 (servicer id B4321): ");
                });
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(count("servicer_entries")).isEqualTo(received);

        batch.set(4321, new ServicerEntry("B4321", ServicerEntryKind.FEE, START.plusDays(10), new BigDecimal("1.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1.00"), null, null, null));
        BatchResult result = ledger.append(loanNumber, batch);
        assertThat(result.posted()).isEqualTo(5000);
        assertThat(ledgerRows()).isEqualTo(rows + 5000);
        assertThat(count("servicer_entries")).isEqualTo(received + 5000);
    }

    @Test
    void the_echo_of_a_payment_the_portal_posted_is_matched_by_its_confirmation_number_not_posted_twice() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        String confirmation = confirmation("E");
        LedgerPosting.PostedPayment portal = portalPayment(confirmation);
        long rows = ledgerRows();

        refused(payment("E0", START.plusMonths(1), "99.00", "54.00", "45.00", "0.00", confirmation), "entries[0].amount");
        refused(payment("E0", START.plusMonths(1), "120.00", "75.00", "45.00", "0.00", "PAY-22222222"),
                "entries[0].reference");
        EntryResult echo = ledger.append(loanNumber,
                payment("E1", START.plusMonths(1), "120.00", "75.00", "45.00", "0.00", confirmation));
        assertThat(echo.outcome()).isEqualTo(EntryOutcome.MATCHED);
        assertThat(echo.ledgerEntryId()).isEqualTo(portal.entryId());
        assertThat(ledgerRows()).isEqualTo(rows);
        refused(payment("E2", START.plusMonths(1), "120.00", "75.00", "45.00", "0.00", confirmation),
                "entries[0].reference");
        refused(reversal("E3", "E1"), "entries[0].reverses");
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void an_echo_whose_confirmation_number_the_servicer_wrote_in_small_letters_is_matched_on_every_database() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        String confirmation = confirmation("L");
        LedgerPosting.PostedPayment portal = portalPayment(confirmation);
        long rows = ledgerRows();

        refused(payment("L0", START.plusMonths(1), "120.00", "75.00", "45.00", "0.00", " pay-22222222 "),
                "entries[0].reference");
        EntryResult echo = ledger.append(loanNumber, payment("L1", START.plusMonths(1), "120.00", "75.00", "45.00",
                "0.00", " " + confirmation.toLowerCase(Locale.ROOT) + " "));

        assertThat(echo.outcome()).isEqualTo(EntryOutcome.MATCHED);
        assertThat(echo.ledgerEntryId()).isEqualTo(portal.entryId());
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(ServicingLedger.confirmationCase(" pay-abcdefgh ")).as("what the lookup is given")
                .isEqualTo("PAY-ABCDEFGH");
        assertThat(ServicingLedger.confirmationCase("chk-1001")).isEqualTo("chk-1001");
    }

    @Test
    void a_product_code_is_read_in_capitals_however_the_servicer_writes_it() {
        LoanUpsert lower = new LoanUpsert(loanNumber, " home ", new BigDecimal("5000.00"), new BigDecimal("9.0000"), 12,
                START, START.plusMonths(1), null, null, null, null, null);

        loans.upsert(lower);

        assertThat(jdbc.queryForObject("select p.code from loan_accounts a join loan_products p on p.id = a.product_id "
                + "where a.loan_number = ?", String.class, loanNumber)).isEqualTo("HOME");
    }

    @Test
    void an_adjustment_moves_the_balance_by_its_signed_split_and_one_that_changes_nothing_or_overdraws_is_refused() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        EntryResult adjusted = ledger.append(loanNumber, new ServicerEntry("A1", ServicerEntryKind.ADJUSTMENT,
                START.plusDays(3), new BigDecimal("-12.50"), new BigDecimal("-10.00"), new BigDecimal("-2.50"),
                BigDecimal.ZERO, null, null, "Goodwill credit"));
        assertThat(jdbc.queryForMap("select entry_type, amount, principal from ledger_entries where id = ?",
                adjusted.ledgerEntryId())).containsEntry("entry_type", "ADJUSTMENT")
                .hasEntrySatisfying("principal", p -> assertThat((BigDecimal) p).isEqualByComparingTo("-10.00"));
        long rows = ledgerRows();
        refused(new ServicerEntry("A2", ServicerEntryKind.ADJUSTMENT, START.plusDays(3), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null), "entries[0].amount");
        refused(payment("P9", START.plusMonths(1), "4995.00", "4995.00", "0.00", "0.00", null), "entries[0].principal");
        assertThat(ledgerRows()).isEqualTo(rows);
    }

    @Test
    void entries_for_a_loan_the_portal_does_not_know_are_refused() {
        assertThatThrownBy(() -> ledger.append(loanNumber, payment("P1", START, "1.00", "1.00", "0.00", "0.00", null)))
                .isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ServicingProblem::field).containsExactly("loanNumber"));
    }

    @Test
    void a_batch_may_reverse_its_own_entry_and_repeat_one_which_then_answers_with_the_same_ledger_entry() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        long rows = ledgerRows();
        ServicerEntry pay = payment("P1", START.plusMonths(1), "100.00", "55.00", "45.00", "0.00", null);
        BatchResult result = ledger.append(loanNumber, List.of(pay, reversal("R1", "P1"), pay,
                payment("P2", START.plusMonths(1), "100.00", "55.00", "45.00", "0.00", null)));

        assertThat(result.entries()).extracting(EntryResult::repeat).containsExactly(false, false, true, false);
        assertThat(result.entries().get(2).ledgerEntryId()).isEqualTo(result.entries().get(0).ledgerEntryId());
        assertThat(jdbc.queryForObject("select reverses_id from ledger_entries where id = ?", Long.class,
                result.entries().get(1).ledgerEntryId())).isEqualTo(result.entries().get(0).ledgerEntryId());
        assertThat(result.posted()).isEqualTo(3);
        assertThat(ledgerRows()).isEqualTo(rows + 3);
        assertThat(jdbc.queryForList("select actor from audit_events where loan_number = ? and action = "
                + "'SERVICER_ENTRIES_POSTED'", String.class, loanNumber)).containsExactly("servicer:loanpro-test");
    }

    @Test
    void the_servicers_reversal_of_an_echoed_payment_matches_the_portals_own_reversal_once_the_portal_returned_it() {
        loans.upsert(loan(loanNumber, "5000.00", null));
        String confirmation = confirmation("R");
        LedgerPosting.PostedPayment portal = portalPayment(confirmation);
        ledger.append(loanNumber, payment("E1", START.plusMonths(1), "120.00", "75.00", "45.00", "0.00", confirmation));
        Long portalReversal = transactions.execute(status -> portalPostings.reversePayment(loanNumber,
                portal.entryId(), null, "returned R01"));
        long rows = ledgerRows();

        EntryResult echo = ledger.append(loanNumber, reversal("E2", "E1"));
        assertThat(echo.outcome()).isEqualTo(EntryOutcome.MATCHED);
        assertThat(echo.ledgerEntryId()).isEqualTo(portalReversal);
        assertThat(ledgerRows()).isEqualTo(rows);
        refused(reversal("E3", "E1"), "entries[0].reverses");
    }

    // --- helpers

    /** A bank payment of 120.00 the portal posted a month after the start, as its payment module posts one. */
    private LedgerPosting.PostedPayment portalPayment(String confirmation) {
        return transactions.execute(status -> portalPostings.lockAll(List.of(loanNumber))
                .postPayment(loanNumber, START.plusMonths(1), new BigDecimal("120.00"), PaymentKind.REGULAR, null,
                        "Bank payment " + confirmation, confirmation));
    }

    private static String confirmation(String salt) {
        return "PAY-" + (salt + RUN + NEXT.incrementAndGet() + "XXXXXXXX").substring(0, 8)
                .replaceAll("[^2-9A-HJ-NP-Z]", "Z");
    }

    private void refused(ServicerEntry entry, String field) {
        assertThatThrownBy(() -> ledger.append(loanNumber, entry)).isInstanceOfSatisfying(
                ServicingRefusedException.class, e -> assertThat(e.problems()).extracting(ServicingProblem::field)
                        .containsExactly(field));
    }

    private static ServicerEntry payment(String id, LocalDate date, String amount, String principal, String interest,
                                         String fees, String reference) {
        return new ServicerEntry(id, ServicerEntryKind.PAYMENT, date, new BigDecimal(amount), new BigDecimal(principal),
                new BigDecimal(interest), new BigDecimal(fees), null, reference, "Payment");
    }

    private static ServicerEntry reversal(String id, String reverses) {
        return new ServicerEntry(id, ServicerEntryKind.REVERSAL, null, null, null, null, null, reverses, null, "Returned");
    }

    private static LoanUpsert loan(String number, String principal, Boolean webAccess) {
        return new LoanUpsert(number, "HOME", new BigDecimal(principal), new BigDecimal("9.0000"), 12, START,
                START.plusMonths(1), null, null, webAccess, null, null);
    }

    private static CustomerUpsert customer(String externalId, String email, String phone) {
        return phone == null
                ? new CustomerUpsert(externalId, "Pat", "Lender", email, null, null, null, null, null, null,
                ServicerStatus.ACTIVE)
                : new CustomerUpsert(externalId, "Pat", "Lender", email, phone, "1 Main Street", null, "Albany", "NY",
                "12207", ServicerStatus.ACTIVE);
    }

    private static String id(String prefix) {
        return prefix + RUN + "-" + NEXT.incrementAndGet();
    }

    private static String email(String externalId) {
        return "Servicing." + externalId + "@example.com";
    }

    private long customerId(String externalId) {
        return jdbc.queryForObject("select customer_id from servicer_customers where external_id = ?", Long.class,
                externalId);
    }

    private List<String> links() {
        return jdbc.queryForList("select concat(l.customer_id, ' ', l.role) from customer_accounts l join loan_accounts a "
                + "on a.id = l.account_id where a.loan_number = ? order by l.customer_id", String.class, loanNumber);
    }

    private long ledgerRows() {
        return jdbc.queryForObject("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = ?", Long.class, loanNumber);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
