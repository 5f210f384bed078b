package io.borrowerportal.demo;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.autopay.AutoPayOptions;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the demo lender on first start when asked to ({@code portal.demo-data=true}, which {@code ./mvnw
 * spring-boot:run} sets), into the embedded H2 database only: the demo users' password is published, so a jar
 * started without settings, or pointed at MariaDB, never has them. The test suites load them into their
 * MariaDB with {@code portal.demo-data=any-database}. Loans
 * are booked relative to the business date and paid month by month through {@link LoanServicing}, so
 * every balance on screen comes from the engine, not from typed-in figures.
 */
@Component
@ConditionalOnExpression("'${portal.demo-data:false}' != 'false'")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password-1";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CustomerService customers;
    private final StaffDirectory staff;
    private final SecondFactorService secondFactors;
    private final LoanServicing servicing;
    private final PaymentProfileService profiles;
    private final AutoPayService autopays;
    private final AutoPayReviews autopayReviews;
    private final DemoInsurance insurance;
    private final DemoStatements statements;
    private final DemoSignIn signIn;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoDocuments documents;
    /** Demo users have published passwords: with "true" they only ever go into the embedded database. */
    private final boolean enabled;
    private final String refusal;
    private final ApiClients apiClients;
    /**
     * The demo API client's key is printed in the README: it goes only into the embedded H2 database, also when the
     * test suites load the demo data into MariaDB ({@code any-database}) (decision 028).
     */
    private final boolean demoApiClient;

    DemoData(CustomerService customers, StaffDirectory staff, SecondFactorService secondFactors, LoanServicing servicing,
             PaymentProfileService profiles,
             AutoPayService autopays, AutoPayReviews autopayReviews, DemoSignIn signIn, TransactionTemplate transaction, Clock clock,
             DemoDocuments documents, DemoInsurance insurance, DemoStatements statements, ApiClients apiClients,
             @Value("${portal.demo-data:false}") String mode,
             @Value("${spring.datasource.url:}") String datasourceUrl) {
        boolean embedded = datasourceUrl.startsWith("jdbc:h2:");
        this.enabled = switch (mode) {
            case "true" -> embedded;
            case "any-database" -> true;
            default -> throw new IllegalStateException("portal.demo-data must be false, true or any-database, not '" + mode + "'");
        };
        this.demoApiClient = embedded;
        this.apiClients = apiClients;
        this.refusal = "Demo data NOT loaded: portal.demo-data=true loads it only into the embedded H2 database, and "
                + "the datasource is " + datasourceUrl.replaceAll("[?;].*", "").replaceAll("//[^/@]*@", "//") + ". Its users have a published password.";
        this.customers = customers;
        this.staff = staff;
        this.secondFactors = secondFactors;
        this.servicing = servicing;
        this.profiles = profiles;
        this.autopays = autopays;
        this.autopayReviews = autopayReviews;
        this.insurance = insurance;
        this.statements = statements;
        this.signIn = signIn;
        this.transaction = transaction;
        this.clock = clock;
        this.documents = documents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            log.warn(refusal);
            return;
        }
        Boolean loaded = SystemTask.call(() -> transaction.execute(status -> {
            if (customers.idOf("jane.borrower@example.com").isPresent()) {
                return false;
            }
            load(LocalDate.now(clock));
            return true;
        }));
        if (demoApiClient) {
            // Also into an embedded database whose demo lender an earlier version loaded (once; a revoked one stays).
            SystemTask.run(apiClients::installDemoClient);
        }
        if (Boolean.TRUE.equals(loaded)) {
            // After the customers are committed: adding a card talks to the processor outside any transaction.
            addPaymentProfiles(LocalDate.now(clock));
            addAutoPay();
            documents.share();
            insurance.load();
            statements.backfill(LocalDate.now(clock));
            log.info("Loaded demo data (business date {}); sign in as jane.borrower@example.com / {}", LocalDate.now(clock), PASSWORD);
        }
    }

    private void load(LocalDate today) {
        staff.create("admin@example.com", "Avery Admin", Role.ADMIN, PASSWORD);
        staff.create("staff@example.com", "Sofia Staff", Role.STAFF, PASSWORD);
        secondFactors.installDemoFactor("admin@example.com", DemoSecondFactors.ADMIN_TOTP_SECRET);
        secondFactors.installDemoFactor("staff@example.com", DemoSecondFactors.STAFF_TOTP_SECRET);

        long jane = customers.create("jane.borrower@example.com", "Jane", "Borrower", "+1 555 0101", PASSWORD);
        long sam = customers.create("sam.borrower@example.com", "Sam", "Borrower", "+1 555 0102", PASSWORD);
        long alex = customers.create("alex.latepay@example.com", "Alex", "Latepay", "+1 555 0103", PASSWORD);

        servicing.defineProduct(new ProductDefinition("AUTO", "Auto loan", new BigDecimal("6.9900"), 60, PaymentFrequency.MONTHLY, DayCount.THIRTY_360, true));
        servicing.defineProduct(new ProductDefinition("PERSONAL", "Personal loan", new BigDecimal("11.5000"), 36, PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false));

        // Jane and Sam's auto loan: 14 months of on-time payments, one returned payment along the way.
        LocalDate autoStart = today.minusMonths(14).withDayOfMonth(5);
        String auto = open("AUTO-100482", "AUTO", "24500.00", "6.9900", 60, autoStart, "2022 Honda Civic", "2HGFE2F59NH512345");
        servicing.link(auto, jane, LinkRole.BORROWER);
        servicing.link(auto, sam, LinkRole.CO_BORROWER);
        payOnSchedule(auto, 0, 3);

        // Jane's personal loan: a year of payments, one of them with an extra principal payment.
        LocalDate personalStart = today.minusMonths(12).withDayOfMonth(20);
        String personal = open("PL-200731", "PERSONAL", "8000.00", "11.5000", 36, personalStart, null, null);
        servicing.link(personal, jane, LinkRole.BORROWER);
        payOnSchedule(personal, 0, -1);
        servicing.postPayment(personal, personalStart.plusMonths(6).plusDays(3), new BigDecimal("500.00"),
                PaymentKind.PRINCIPAL_ONLY, "Extra principal payment");

        // Alex: paid for eight months, then stopped; late fees posted.
        LocalDate alexStart = today.minusMonths(11).withDayOfMonth(12);
        String late = open("PL-200988", "PERSONAL", "5200.00", "14.2500", 36, alexStart, null, null);
        servicing.link(late, alex, LinkRole.BORROWER);
        payOnSchedule(late, 3, -1);

        // Sam's older personal loan, paid off early with a payoff payment.
        LocalDate oldStart = today.minusMonths(30).withDayOfMonth(1);
        String paidOff = open("PL-100155", "PERSONAL", "3000.00", "9.9900", 24, oldStart, null, null);
        servicing.link(paidOff, sam, LinkRole.BORROWER);
        payOff(paidOff, oldStart.plusMonths(20));

        // An account the lender switched off for web access: Alex cannot see it online.
        String hidden = open("PL-100090", "PERSONAL", "1500.00", "12.0000", 12, today.minusMonths(4).withDayOfMonth(2), null, null);
        servicing.link(hidden, alex, LinkRole.BORROWER);
        servicing.setWebAccess(hidden, false);
    }

    /**
     * Saved payment methods, added the way a customer adds them (the sandbox processor tokenizes the card;
     * the bank account number is stored encrypted).
     */
    private void addPaymentProfiles(LocalDate today) {
        int expiryYear = today.getYear() + 3;
        signIn.run("jane.borrower@example.com", () -> {
            profiles.addCard(new NewCardProfile("Everyday Visa", "Jane Borrower", "4242 4242 4242 4242", 8, expiryYear,
                    "123", "19801", true));
            profiles.addBank(new NewBankProfile("Household checking", "Jane Borrower", "021000021", "000123456789",
                    "000123456789", BankAccountKind.CHECKING, false));
        });
        signIn.run("sam.borrower@example.com", () -> profiles.addCard(new NewCardProfile(null, "Sam Borrower",
                "5555 5555 5555 4444", 11, expiryYear, "321", "19803", true)));
    }

    /**
     * Sam pays the shared auto loan by AutoPay with his card: monthly, the scheduled payment, from the next due
     * date, scheduled through the wizard's service with the authorization it words, as Sam would.
     */
    private void addAutoPay() {
        signIn.run("sam.borrower@example.com", () -> {
            long card = profiles.myProfiles().getFirst().id();
            AutoPayOptions options = autopayReviews.options("AUTO-100482");
            AutoPayTerms terms = new AutoPayTerms(card, AutoPayFrequency.MONTHLY, AutoPayAmountType.SCHEDULED_PAYMENT,
                    null, options.nextDueDate(), null, false, true);
            autopays.schedule("AUTO-100482", terms, autopayReviews.review("AUTO-100482", null, terms).authorizationText(),
                    "demo data");
        });
    }

    private String open(String number, String product, String principal, String rate, int payments, LocalDate start,
                        String collateral, String vin) {
        LoanTerms terms = new LoanTerms(new BigDecimal(principal), new BigDecimal(rate), payments, start,
                start.plusMonths(1), PaymentFrequency.MONTHLY,
                "AUTO".equals(product) ? DayCount.THIRTY_360 : DayCount.ACTUAL_365);
        return servicing.openAccount(new OpenAccountCommand(number, product, terms, collateral, vin));
    }

    /**
     * Pays each installment due before today on its due date, except the last {@code missedAtEnd}
     * (which get a late fee instead). {@code returnedAt} marks an installment whose payment is returned
     * and paid again two weeks later (-1 for none).
     */
    private void payOnSchedule(String loanNumber, int missedAtEnd, int returnedAt) {
        LocalDate today = LocalDate.now(clock);
        LoanTerms terms = termsOf(loanNumber);
        List<LocalDate> due = new ArrayList<>();
        LoanEngine.schedule(terms).stream().map(i -> i.dueDate()).filter(d -> d.isBefore(today)).forEach(due::add);
        BigDecimal payment = LoanEngine.levelPayment(terms);
        for (int i = 0; i < due.size(); i++) {
            LocalDate date = due.get(i);
            if (i >= due.size() - missedAtEnd) {
                servicing.postFee(loanNumber, date.plusDays(10), new BigDecimal("25.00"), "Late fee");
                continue;
            }
            LedgerEntry paid = servicing.postPayment(loanNumber, date, payment, PaymentKind.REGULAR, "Payment");
            if (i == returnedAt) {
                servicing.reverse(loanNumber, paid.id(), "returned R01 insufficient funds");
                servicing.postFee(loanNumber, date.plusDays(3), new BigDecimal("25.00"), "Returned payment fee");
                servicing.postPayment(loanNumber, date.plusDays(14), payment.add(new BigDecimal("25.00")), PaymentKind.REGULAR, "Payment");
            }
        }
    }

    private void payOff(String loanNumber, LocalDate payoffDate) {
        LoanTerms terms = termsOf(loanNumber);
        BigDecimal payment = LoanEngine.levelPayment(terms);
        LoanEngine.schedule(terms).stream().map(i -> i.dueDate()).filter(d -> d.isBefore(payoffDate))
                .forEach(d -> servicing.postPayment(loanNumber, d, payment, PaymentKind.REGULAR, "Payment"));
        LoanFigures figures = servicing.figures(loanNumber, payoffDate);
        servicing.postPayment(loanNumber, payoffDate, figures.payoffAmount(), PaymentKind.REGULAR, "Payoff");
    }

    private LoanTerms termsOf(String loanNumber) {
        return servicing.terms(loanNumber);
    }
}
