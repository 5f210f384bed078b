package io.borrowerportal.security;

/** Roles as Spring Security authorities ({@code ROLE_} + name). */
public final class Role {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";
    /** Held, together with CUSTOMER, by a staff member previewing a customer's website. */
    public static final String PREVIEW = "PREVIEW";
    /**
     * Held instead of every other role by someone who passed the password but still owes the second factor
     * (decision 018): it opens the second-factor pages and nothing else.
     */
    public static final String FACTOR_PENDING = "FACTOR_PENDING";
    /**
     * A client of the inbound API (the lender's servicing system) signed in with an API key (decision 028), and the
     * actor audited for what it sends (decision 030); it also holds {@code API_READ}, and {@code API_WRITE} for a
     * key with the write scope. Never a person.
     */
    public static final String API_CLIENT = "API_CLIENT";
    /** Background work such as loading demo data. */
    public static final String SYSTEM = "SYSTEM";

    private Role() {
    }
}
