package io.borrowerportal.security;

/** Where a staff member stands: invited (no password yet), active, or deactivated by an admin. */
public enum StaffStatus {
    INVITED, ACTIVE, DEACTIVATED;

    /** As the Users page says it. */
    public String label() {
        return switch (this) {
            case INVITED -> "Invited";
            case ACTIVE -> "Active";
            case DEACTIVATED -> "Deactivated";
        };
    }
}
