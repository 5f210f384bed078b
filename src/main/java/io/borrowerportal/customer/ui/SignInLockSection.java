package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.StaffCustomerSection;
import io.borrowerportal.common.Dates;
import io.borrowerportal.security.SignInLockStatus;
import io.borrowerportal.security.SignInLocks;

import java.time.Clock;
import java.time.Instant;

/**
 * On a customer's staff page: whether sign-in is locked after failed attempts, and a button that lifts the lock
 * (decision 017). The service refuses anyone but staff and admins, and every preview.
 */
@SpringComponent
class SignInLockSection implements StaffCustomerSection {

    static final int ORDER = 100;

    private final SignInLocks locks;
    private final Clock clock;

    SignInLockSection(SignInLocks locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Component render(long customerId) {
        Div section = new Div();
        section.setId("sign-in-lock");
        fill(section, customerId);
        return section;
    }

    private void fill(Div section, long customerId) {
        section.removeAll();
        SignInLockStatus status = locks.ofCustomer(customerId);
        Paragraph text = new Paragraph(describe(status));
        text.setId("sign-in-lock-status");
        section.add(new H2("Sign-in"), text);
        if (status.locked()) {
            Button lift = new Button("Lift lock", click -> {
                boolean lifted = locks.liftForCustomer(customerId);
                Notification.show(lifted ? "Sign-in lock lifted." : "Sign-in was no longer locked.", 4000,
                        Notification.Position.BOTTOM_START);
                fill(section, customerId);
            });
            lift.setId("lift-sign-in-lock");
            section.add(lift);
        }
    }

    private String describe(SignInLockStatus status) {
        String attempts = status.failedAttempts() + (status.failedAttempts() == 1 ? " failed attempt" : " failed attempts");
        if (status.locked()) {
            return "Sign-in locked until " + moment(status.lockedUntil()) + ", " + attempts;
        }
        return status.failedAttempts() == 0 ? "Not locked" : "Not locked, " + attempts + " in the last 30 minutes";
    }

    private String moment(Instant at) {
        return Dates.UNTIL.withLocale(Formats.locale()).format(at.atZone(clock.getZone()));
    }
}
