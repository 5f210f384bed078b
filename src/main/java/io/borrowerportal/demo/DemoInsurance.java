package io.borrowerportal.demo;

import io.borrowerportal.insurance.InsuranceReviews;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.insurance.PolicyDetails;
import io.borrowerportal.insurance.PolicyVersionSummary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The demo's insurance: Jane submits the policy on the Honda (AUTO-100482) and staff verify it. It ends 20
 * days after the business date, inside the lender's 30 warning days, so the Summary shows the "ending soon"
 * alert. Done through the services, as Jane and a staff member would.
 */
@Component
class DemoInsurance {

    static final String JANES_AUTO_LOAN = "AUTO-100482";
    static final int DAYS_LEFT = 20;

    private final InsuranceService insurance;
    private final InsuranceReviews reviews;
    private final UserDetailsService users;
    private final Clock clock;

    DemoInsurance(InsuranceService insurance, InsuranceReviews reviews, UserDetailsService users, Clock clock) {
        this.insurance = insurance;
        this.reviews = reviews;
        this.users = users;
        this.clock = clock;
    }

    void load() {
        LocalDate end = LocalDate.now(clock).plusDays(DAYS_LEFT);
        PolicyVersionSummary submitted = as("jane.borrower@example.com", () -> insurance.submit(JANES_AUTO_LOAN,
                new PolicyDetails("Keystone Mutual Insurance", "Jane Borrower", "Dana Agent", "KM-AUTO-448210",
                        "(555) 010-2200", new BigDecimal("500.00"), end.minusYears(1), end), null));
        as("staff@example.com", () -> reviews.verify(submitted.id()));
    }

    /** Runs setup work as this user, as if they had signed in, then returns to the previous sign-in. */
    private <T> T as(String email, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(email);
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
