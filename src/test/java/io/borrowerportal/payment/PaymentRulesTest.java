package io.borrowerportal.payment;

import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lender's limits and fee rules as pure functions (amounts, fees and dates the lender sets). */
class PaymentRulesTest {

    private static final String PHONE = "1-800-555-0100";
    private static final BigDecimal NONE_IN_FLIGHT = BigDecimal.ZERO;

    private static PaymentSettings settings() {
        return new PaymentSettings(true, true, true, true, EnumSet.allOf(PaymentType.class), new BigDecimal("5.00"),
                new BigDecimal("5000.00"), 30, FeeRule.NONE, FeeRule.NONE, new BigDecimal("25.00"), "");
    }

    /** Principal 3,000.00 + interest 12.34 + fees 10.00 = payoff 3,022.34; 150.00 due. */
    private static LoanFigures figures(LoanStatus status, String amountDue, String principal, String payoff) {
        LocalDate today = LocalDate.of(2026, 12, 10);
        return new LoanFigures(today, status, new BigDecimal("5000.00"), new BigDecimal("10.0000"),
                new BigDecimal("150.00"), new BigDecimal(principal), new BigDecimal("12.34"), new BigDecimal("10.00"),
                new BigDecimal(payoff), new BigDecimal("0.82"), BigDecimal.ZERO, new BigDecimal(amountDue),
                today.plusDays(15), new BigDecimal("150.00"), 0, 10, 24, today.plusYears(2), today.plusYears(2),
                today.minusDays(15), new BigDecimal("150.00"), new BigDecimal("40.0"));
    }

    private static LoanFigures current() {
        return figures(LoanStatus.CURRENT, "150.00", "3000.00", "3022.34");
    }

    private static BigDecimal amount(PaymentType type, String requested, LoanFigures figures) {
        return amount(type, requested, figures, settings());
    }

    private static BigDecimal amount(PaymentType type, String requested, LoanFigures figures, PaymentSettings rules) {
        return PaymentRules.amount(type, requested == null ? null : new BigDecimal(requested), figures, NONE_IN_FLIGHT,
                rules, PHONE);
    }

    @Test
    void each_type_computes_its_amount() {
        assertThat(amount(PaymentType.AMOUNT_DUE, "999.00", current())).isEqualByComparingTo("150.00");
        assertThat(amount(PaymentType.PAYOFF, null, current())).isEqualByComparingTo("3022.34");
        assertThat(amount(PaymentType.CUSTOM, "125.50", current())).isEqualByComparingTo("125.50");
        assertThat(amount(PaymentType.PRINCIPAL_ONLY, "3000.00", current())).isEqualByComparingTo("3000.00");
        assertThat(PaymentRules.kind(PaymentType.PRINCIPAL_ONLY)).isEqualTo(PaymentKind.PRINCIPAL_ONLY);
        assertThat(PaymentRules.kind(PaymentType.CUSTOM)).isEqualTo(PaymentKind.REGULAR);
    }

    @Test
    void below_the_minimum_is_refused_and_the_minimum_itself_is_accepted() {
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "4.99", current()))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("The smallest payment accepted online is").hasMessageContaining("5.00");
        assertThat(amount(PaymentType.CUSTOM, "5.00", current())).isEqualByComparingTo("5.00");
    }

    @Test
    void a_missing_zero_or_fractional_cent_amount_is_refused() {
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, null, current()))
                .hasMessageContaining("Enter the amount to pay");
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "0.00", current()))
                .hasMessageContaining("Enter the amount to pay");
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "-10.00", current()))
                .hasMessageContaining("Enter the amount to pay");
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "10.005", current()))
                .hasMessageContaining("dollars and cents only");
        assertThat(amount(PaymentType.CUSTOM, "10.500", current())).isEqualByComparingTo("10.50");
    }

    @Test
    void above_the_maximum_is_refused_with_the_support_phone_and_the_maximum_itself_is_accepted() {
        LoanFigures big = figures(LoanStatus.CURRENT, "150.00", "9000.00", "9100.00");
        PaymentSettings low = settings().withLimits(new BigDecimal("5.00"), new BigDecimal("2500.00"), 30);
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "2500.01", big, low))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("The largest payment accepted online is").hasMessageContaining("2,500.00")
                .hasMessageContaining(PHONE);
        assertThat(amount(PaymentType.CUSTOM, "2500.00", big, low)).isEqualByComparingTo("2500.00");
        assertThatThrownBy(() -> amount(PaymentType.PAYOFF, null, big, low)).hasMessageContaining("The largest payment");
    }

    @Test
    void above_the_payoff_is_refused_and_points_to_the_payoff_type() {
        PaymentSettings high = settings().withLimits(new BigDecimal("5.00"), new BigDecimal("25000.00"), 30);
        assertThatThrownBy(() -> amount(PaymentType.CUSTOM, "3022.35", current(), high))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("more than the payoff amount of").hasMessageContaining("3,022.34")
                .hasMessageContaining("Choose Payoff");
        assertThat(amount(PaymentType.CUSTOM, "3022.34", current(), high)).isEqualByComparingTo("3022.34");
    }

    @Test
    void money_already_with_the_card_processor_lowers_the_payoff_and_the_amount_due() {
        BigDecimal inFlight = new BigDecimal("100.00");
        assertThat(PaymentRules.amount(PaymentType.PAYOFF, null, current(), inFlight, settings(), PHONE))
                .isEqualByComparingTo("2922.34");
        assertThat(PaymentRules.amount(PaymentType.AMOUNT_DUE, null, current(), inFlight, settings(), PHONE))
                .isEqualByComparingTo("50.00");
        assertThatThrownBy(() -> PaymentRules.amount(PaymentType.PAYOFF, null, current(), new BigDecimal("3022.34"),
                settings(), PHONE)).hasMessageContaining("full payoff is already being processed");
    }

    @Test
    void principal_only_above_the_principal_balance_is_refused() {
        PaymentSettings high = settings().withLimits(new BigDecimal("5.00"), new BigDecimal("25000.00"), 30);
        assertThatThrownBy(() -> amount(PaymentType.PRINCIPAL_ONLY, "3000.01", current(), high))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("principal-only payment cannot be more than the principal balance")
                .hasMessageContaining("3,000.00");
        // The same amount as a custom payment is fine: it is below the payoff.
        assertThat(amount(PaymentType.CUSTOM, "3000.01", current(), high)).isEqualByComparingTo("3000.01");
    }

    @Test
    void amount_due_when_nothing_is_due_is_refused_with_the_custom_alternative() {
        LoanFigures paidAhead = figures(LoanStatus.CURRENT, "0.00", "3000.00", "3022.34");
        assertThatThrownBy(() -> amount(PaymentType.AMOUNT_DUE, null, paidAhead))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("Nothing is due").hasMessageContaining("custom amount");
    }

    @Test
    void a_paid_off_loan_refuses_every_type() {
        LoanFigures paidOff = figures(LoanStatus.PAID_OFF, "0.00", "0.00", "0.00");
        for (PaymentType type : PaymentType.values()) {
            assertThatThrownBy(() -> amount(type, "10.00", paidOff))
                    .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("paid off");
        }
    }

    @Test
    void a_disabled_section_type_or_channel_is_refused() {
        assertThatThrownBy(() -> PaymentRules.checkOpen(settings().withEnabled(false, true), PaymentType.CUSTOM,
                PaymentChannel.CARD)).isInstanceOf(PaymentRefusedException.class).hasMessageContaining("turned off");
        assertThatThrownBy(() -> PaymentRules.checkOpen(settings().withTypes(Set.of(PaymentType.AMOUNT_DUE)),
                PaymentType.PRINCIPAL_ONLY, PaymentChannel.CARD))
                .hasMessageContaining("does not accept principal only payments online");
        assertThatThrownBy(() -> PaymentRules.checkOpen(settings(), null, PaymentChannel.CARD))
                .hasMessageContaining("Choose what to pay");
        assertThatThrownBy(() -> PaymentRules.checkOpen(settings().withChannels(false, true), PaymentType.CUSTOM,
                PaymentChannel.CARD)).hasMessageContaining("does not accept card payments online");
        assertThatThrownBy(() -> PaymentRules.checkOpen(settings().withChannels(true, false), PaymentType.CUSTOM,
                PaymentChannel.BANK)).hasMessageContaining("does not accept bank payments online");
        assertThatNoException().isThrownBy(() -> PaymentRules.checkOpen(settings().withChannels(false, true),
                PaymentType.CUSTOM, PaymentChannel.BANK));
    }

    @Test
    void fees_flat_percent_rounded_half_up_and_none_per_channel() {
        PaymentSettings rules = settings().withFees(FeeRule.flat("2.50"), FeeRule.percent("1"));
        assertThat(PaymentRules.fee(rules, PaymentChannel.CARD, new BigDecimal("50.00"))).isEqualByComparingTo("2.50");
        assertThat(PaymentRules.fee(rules, PaymentChannel.CARD, new BigDecimal("5000.00"))).isEqualByComparingTo("2.50");
        // 1% of 12.50 is 0.125: half-up gives 0.13 (half-even would give 0.12).
        assertThat(PaymentRules.fee(rules, PaymentChannel.BANK, new BigDecimal("12.50"))).isEqualTo(new BigDecimal("0.13"));
        assertThat(PaymentRules.fee(rules, PaymentChannel.BANK, new BigDecimal("12.40"))).isEqualTo(new BigDecimal("0.12"));
        PaymentSettings fractional = settings().withFees(FeeRule.percent("2.95"), FeeRule.NONE);
        // 2.95% of 100.10 = 2.952950 → 2.95
        assertThat(PaymentRules.fee(fractional, PaymentChannel.CARD, new BigDecimal("100.10"))).isEqualTo(new BigDecimal("2.95"));
        assertThat(PaymentRules.fee(fractional, PaymentChannel.BANK, new BigDecimal("100.10"))).isEqualTo(new BigDecimal("0.00"));
    }
}
