package io.borrowerportal.servicing;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanProductSummary;
import io.borrowerportal.account.ProductInUseException;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loan products on the shared database (decision 034), as the servicing system and as an admin define them: every
 * rule about a field, what a product with booked loans may and may not change, the admin's add and stale edit, who
 * may read and write, and that a refusal writes nothing. Each test uses product codes of its own.
 */
class ServicingProductsTest extends ServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    @Autowired
    ServicingProducts products;
    @Autowired
    ServicingLoans loans;
    @Autowired
    JdbcTemplate jdbc;

    private String code;

    @BeforeEach
    void signInAsTheServicer() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "loanpro-test", null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT))));
        code = "P" + RUN + "-" + NEXT.incrementAndGet();
    }

    @Test
    void a_product_is_created_then_unchanged_then_renamed_and_audited_with_the_servicer_as_actor() {
        assertThat(products.upsert(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true)).outcome())
                .isEqualTo(Outcome.CREATED);
        assertThat(products.upsert(product(code, "Boat loan", "7.2500", 84, DayCount.THIRTY_360, true)).outcome())
                .as("7.25 and 7.2500 are one rate").isEqualTo(Outcome.UNCHANGED);

        UpsertResult renamed = products.upsert(product(code, "Marine loan", "6.75", 96, DayCount.THIRTY_360, true));

        assertThat(renamed.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(renamed.changed()).containsExactly("name", "defaultAnnualRatePercent", "defaultNumberOfPayments");
        assertThat(summary(code)).satisfies(p -> {
            assertThat(p.name()).isEqualTo("Marine loan");
            assertThat(p.defaultAnnualRatePercent()).isEqualByComparingTo("6.75");
            assertThat(p.defaultNumberOfPayments()).isEqualTo(96);
            assertThat(p.loansBooked()).isZero();
        });
        assertThat(jdbc.queryForList("select concat(actor, ' ', action) from audit_events where detail like ? order by id",
                String.class, "Loan product " + code + " %")).containsExactly(
                "servicer:loanpro-test LOAN_PRODUCT_CREATED", "servicer:loanpro-test LOAN_PRODUCT_UPDATED");
    }

    @Test
    void every_bad_field_is_named_at_once_and_nothing_is_written() {
        long before = count("loan_products");
        ProductUpsert bad = new ProductUpsert("boat loan", " ", new BigDecimal("-0.5"), 0, null, null, null);

        assertThatThrownBy(() -> products.upsert(bad)).isInstanceOfSatisfying(ServicingRefusedException.class,
                e -> assertThat(e.problems()).extracting(ServicingProblem::field).containsExactly("code", "name",
                        "defaultAnnualRatePercent", "defaultNumberOfPayments", "paymentFrequency", "dayCount",
                        "collateralized"));
        assertThat(count("loan_products")).isEqualTo(before);
    }

    @Test
    void a_rate_of_100_percent_or_with_five_decimals_and_a_term_over_600_payments_are_refused() {
        for (String rate : List.of("100", "150.00", "7.12345")) {
            assertThatThrownBy(() -> products.upsert(product(code, "Boat loan", rate, 60, DayCount.THIRTY_360, false)))
                    .as(rate).isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                            .extracting(ServicingProblem::field).containsExactly("defaultAnnualRatePercent"));
        }
        assertThatThrownBy(() -> products.upsert(product(code, "Boat loan", "7", 601, DayCount.THIRTY_360, false)))
                .isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ServicingProblem::message).containsExactly("Must be 1 to 600."));
        assertThat(products.upsert(product(code, "Zero-rate loan", "0", 1, DayCount.ACTUAL_365, false)).outcome())
                .as("0 % and one payment are a product").isEqualTo(Outcome.CREATED);
    }

    @Test
    void a_product_without_loans_may_change_its_day_count_and_collateral() {
        products.upsert(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true));

        UpsertResult changed = products.upsert(product(code, "Boat loan", "7.25", 84, DayCount.ACTUAL_365, false));

        assertThat(changed.changed()).containsExactly("dayCount", "collateralized");
        assertThat(summary(code).dayCount()).isEqualTo(DayCount.ACTUAL_365);
    }

    @Test
    void a_product_with_booked_loans_is_renamed_for_them_but_keeps_their_terms_and_refuses_a_new_day_count() {
        products.upsert(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true));
        String loanNumber = "PR" + RUN + "-" + NEXT.incrementAndGet();
        loans.upsert(new LoanUpsert(loanNumber, code, new BigDecimal("12000.00"), new BigDecimal("7.2500"), 84,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), "2019 Bayliner", null, null, null, null));

        UpsertResult renamed = products.upsert(product(code, "Marine loan", "5.99", 120, DayCount.THIRTY_360, true));
        assertThat(renamed.changed()).containsExactly("name", "defaultAnnualRatePercent", "defaultNumberOfPayments");
        assertThat(jdbc.queryForMap("select annual_rate, number_of_payments from loan_accounts where loan_number = ?",
                loanNumber)).satisfies(row -> {
                    assertThat((BigDecimal) row.get("annual_rate")).as("copied at booking").isEqualByComparingTo("7.25");
                    assertThat(((Number) row.get("number_of_payments")).intValue()).isEqualTo(84);
                });
        long audits = count("audit_events");

        assertThatThrownBy(() -> products.upsert(product(code, "Boat loan", "5.99", 120, DayCount.ACTUAL_365, false)))
                .isInstanceOfSatisfying(ProductInUseException.class, e -> {
                    assertThat(e.problems().keySet()).containsExactly("dayCount", "collateralized");
                    assertThat(e.problems().get("dayCount")).startsWith("1 loan is booked on " + code)
                            .contains("stays THIRTY_360");
                    assertThat(e.loansBooked()).isEqualTo(1);
                });
        assertThat(summary(code)).satisfies(p -> {
            assertThat(p.name()).as("nothing of the refused change, not even the name").isEqualTo("Marine loan");
            assertThat(p.dayCount()).isEqualTo(DayCount.THIRTY_360);
            assertThat(p.collateralized()).isTrue();
            assertThat(p.loansBooked()).isEqualTo(1);
        });
        assertThat(count("audit_events")).isEqualTo(audits);
    }

    @Test
    void an_admin_adds_a_new_code_only_and_an_edit_of_a_product_changed_since_it_was_read_is_refused() {
        SignIn.as(users, "admin@example.com");
        assertThat(products.add(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true)).outcome())
                .isEqualTo(Outcome.CREATED);
        assertThatThrownBy(() -> products.add(product(code, "Other", "7.25", 84, DayCount.THIRTY_360, true)))
                .isInstanceOfSatisfying(ServicingRefusedException.class, e -> assertThat(e.problems())
                        .extracting(ServicingProblem::field).containsExactly("code"));
        long read = summary(code).version();

        assertThat(products.change(product(code, "Marine loan", "7.25", 84, DayCount.THIRTY_360, true), read)
                .changed()).containsExactly("name");
        assertThatThrownBy(() -> products.change(product(code, "Yacht loan", "7.25", 84, DayCount.THIRTY_360, true),
                read)).isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(summary(code).name()).isEqualTo("Marine loan");
        assertThat(jdbc.queryForList("select actor from audit_events where detail like ? order by id", String.class,
                "Loan product " + code + " %")).containsExactly("admin@example.com", "admin@example.com");
    }

    @Test
    void staff_read_the_products_but_may_not_define_one_and_the_demo_lenders_are_there() {
        SignIn.as(users, "staff@example.com");

        assertThat(products.products()).extracting(LoanProductSummary::code).contains("AUTO", "PERSONAL", "HOME");
        assertThat(products.products()).filteredOn(p -> p.code().equals("AUTO")).singleElement().satisfies(p -> {
            assertThat(p.collateralized()).isTrue();
            assertThat(p.loansBooked()).isPositive();
        });
        assertThatThrownBy(() -> products.upsert(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> products.add(product(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private LoanProductSummary summary(String productCode) {
        return products.products().stream().filter(p -> p.code().equals(productCode)).findFirst().orElseThrow();
    }

    private static ProductUpsert product(String code, String name, String rate, int payments, DayCount dayCount,
                                         boolean collateralized) {
        return new ProductUpsert(code, name, new BigDecimal(rate), payments, PaymentFrequency.MONTHLY, dayCount,
                collateralized);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
