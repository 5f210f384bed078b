package io.borrowerportal.servicing;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One payment, one posting, through the payment feature itself: a borrower pays by card in the portal, the
 * servicing system echoes that payment with its confirmation number, and the echo is matched, not posted again.
 */
class PortalPaymentEchoTest extends ServiceTest {

    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    ServicingLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_servicers_echo_of_a_card_payment_made_in_the_portal_is_matched_and_not_posted_twice() {
        PaymentFixtures.Borrower borrower = PaymentFixtures.borrower(customers, servicing, "echo");
        SignIn.as(users, borrower.email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentSummary paid = payments.submit(PaymentFixtures.custom(borrower.loanNumber(), "50.00", card));
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        SignIn.out();
        long ledgerEntryId = jdbc.queryForObject("select ledger_entry_id from payments where confirmation_number = ?",
                Long.class, paid.confirmationNumber());
        assertThat(jdbc.queryForObject("select reference from ledger_entries where id = ?", String.class, ledgerEntryId))
                .isEqualTo(paid.confirmationNumber());
        long rows = rows(borrower.loanNumber());

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "loanpro-test", null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.API_CLIENT))));
        ServicerEntry echo = new ServicerEntry("LP-" + paid.confirmationNumber(), ServicerEntryKind.PAYMENT,
                paid.applyDate().isAfter(LocalDate.of(2026, 12, 10)) ? LocalDate.of(2026, 12, 10) : paid.applyDate(),
                paid.amount(), paid.principal(), paid.interest(), paid.fees(), null, paid.confirmationNumber(),
                "Payment received through the portal");
        EntryResult matched = ledger.append(borrower.loanNumber(), echo);
        EntryResult again = ledger.append(borrower.loanNumber(), echo);

        assertThat(matched.outcome()).isEqualTo(EntryOutcome.MATCHED);
        assertThat(matched.ledgerEntryId()).isEqualTo(ledgerEntryId);
        assertThat(again.repeat()).isTrue();
        assertThat(again.ledgerEntryId()).isEqualTo(ledgerEntryId);
        assertThat(rows(borrower.loanNumber())).isEqualTo(rows);
    }

    private long rows(String loanNumber) {
        return jdbc.queryForObject("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = ?", Long.class, loanNumber);
    }
}
