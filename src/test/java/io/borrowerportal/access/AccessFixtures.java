package io.borrowerportal.access;

import io.borrowerportal.TestMailServer;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh customers for the access tests, and the access emails they receive in GreenMail. */
public final class AccessFixtures {

    public static final String GOOD_PASSWORD = "copper kettle morning walk";

    /** A customer and the loan they are the borrower on. */
    public record Borrower(long id, String email, String loanNumber) {
    }

    private AccessFixtures() {
    }

    /** A customer with no password (INVITED, never sent a link), borrower on a new loan of their own. */
    public static Borrower invited(CustomerService customers, LoanServicing servicing, String tag) {
        return borrower(customers, servicing, tag, null);
    }

    /** An ACTIVE customer with the password, borrower on a new loan of their own. */
    public static Borrower active(CustomerService customers, LoanServicing servicing, String tag, String password) {
        return borrower(customers, servicing, tag, password);
    }

    private static Borrower borrower(CustomerService customers, LoanServicing servicing, String tag, String password) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = tag + "-" + unique + "@example.com";
        String loanNumber = "AC-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        return SystemTask.call(() -> {
            long customer = customers.create(email, "Ada", "Access " + unique, null, password);
            LoanTerms terms = new LoanTerms(new BigDecimal("3000.00"), new BigDecimal("9.0000"), 24,
                    LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 25), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
            servicing.openAccount(new OpenAccountCommand(loanNumber, "PERSONAL", terms, null, null));
            servicing.link(loanNumber, customer, LinkRole.BORROWER);
            return new Borrower(customer, email, loanNumber);
        });
    }

    /** The messages to this address so far. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Waits (up to 15 s) for the address's message with this subject and returns its text. */
    public static String awaitMail(String address, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mailTo(address)) {
                try {
                    if (subject.equals(message.getSubject())) {
                        return String.valueOf(message.getContent());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No \"" + subject + "\" email to " + address);
    }

    /** The link in an email that starts with the path, e.g. {@code reset-password}: the whole absolute address. */
    public static String link(String body, String path) {
        Matcher matcher = Pattern.compile("https?://\\S+/" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No " + path + " link in:\n" + body);
        }
        return matcher.group();
    }

    /** The token of such a link. */
    public static String token(String body, String path) {
        String link = link(body, path);
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }
}
