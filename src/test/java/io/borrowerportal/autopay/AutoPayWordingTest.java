package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

class AutoPayWordingTest {

    @Test
    void schedules_read_as_a_borrower_would_say_them() {
        assertThat(AutoPayWording.schedule(AutoPayFrequency.MONTHLY, of(2026, 12, 25), false, null))
                .isEqualTo("Monthly on the 25th, from December 25, 2026, until the loan is paid off");
        assertThat(AutoPayWording.schedule(AutoPayFrequency.MONTHLY, of(2027, 1, 31), false, 12))
                .isEqualTo("Monthly on the 31st (the last day in shorter months), from January 31, 2027, for 12 payments");
        assertThat(AutoPayWording.schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 1, 15), true, 1))
                .isEqualTo("Twice a month, on the 15th and the last day of the month, from January 15, 2027, for 1 payment");
        assertThat(AutoPayWording.schedule(AutoPayFrequency.BIWEEKLY, of(2026, 12, 18), false, null))
                .startsWith("Every two weeks on Friday, from December 18, 2026");
        assertThat(AutoPayWording.schedule(AutoPayFrequency.ONE_TIME, of(2026, 12, 28), false, 1))
                .isEqualTo("Once, on December 28, 2026");
        assertThat(AutoPayWording.ordinal(22)).isEqualTo("22nd");
        assertThat(AutoPayWording.ordinal(11)).isEqualTo("11th");
    }

    @Test
    void the_authorization_names_the_account_amount_timing_fee_and_how_to_revoke() {
        String text = AutoPayWording.authorization("Jane Borrower", "Borrower Portal Lender", "+1 (800) 555-0100",
                "PL-200731", PaymentChannel.BANK, "Checking •••• 6789",
                AutoPayWording.schedule(AutoPayFrequency.MONTHLY, of(2026, 12, 25), false, null),
                AutoPayWording.amount(AutoPayAmountType.FIXED, new BigDecimal("150.00"), null),
                FeeRule.flat("1.50"), new BigDecimal("25.00"), true);
        assertThat(text).contains("I, Jane Borrower, authorize Borrower Portal Lender to debit my bank account "
                        + "Checking •••• 6789 for $150.00, monthly on the 25th, from December 25, 2026")
                .contains("loan PL-200731")
                .contains("a $1.50 convenience fee per payment")
                .contains("next business day")
                .contains("nothing is due on the loan is skipped")
                .contains("returned payment fee of $25.00")
                .contains("until I cancel it")
                .contains("+1 (800) 555-0100");
    }

    @Test
    void a_card_authorization_charges_the_card_and_has_no_returned_payment_fee() {
        String text = AutoPayWording.authorization("Sam Borrower", "Lender", "555", "AUTO-100482", PaymentChannel.CARD,
                "Mastercard •••• 4444", "Monthly on the 5th", "the scheduled payment amount ($485.00)", FeeRule.NONE,
                new BigDecimal("25.00"), false);
        assertThat(text).contains("charge my card Mastercard •••• 4444").doesNotContain("returned payment fee")
                .doesNotContain("convenience fee").doesNotContain("skipped");
    }
}
