package io.borrowerportal.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A web access switch as staff leave it (decision 025): on or off, and the last change's reason, time and author
 * (null until staff first switched it). A loan and a customer each carry one, in columns of the same names.
 */
@Embeddable
public class WebAccessSwitch {

    @Column(name = "web_access", nullable = false)
    private boolean enabled = true;
    @Column(name = "web_access_reason")
    private String reason;
    @Column(name = "web_access_changed_at")
    private Instant changedAt;
    @Column(name = "web_access_changed_by")
    private String changedBy;

    public boolean enabled() {
        return enabled;
    }

    public String reason() {
        return reason;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    /** Staff switched it with a reason; false, and nothing recorded, when it already was that way. */
    public boolean change(boolean on, String why, Instant at, String by) {
        if (enabled == on) {
            return false;
        }
        enabled = on;
        reason = why;
        changedAt = at;
        changedBy = by;
        return true;
    }

    /** Demo data and tests set the switch without a staff member behind it, so nothing of a change is recorded. */
    public void set(boolean on) {
        enabled = on;
    }
}
