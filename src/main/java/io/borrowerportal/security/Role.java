package io.borrowerportal.security;

/** Roles as Spring Security authorities ({@code ROLE_} + name). */
public final class Role {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";
    /** Held, together with CUSTOMER, by a staff member previewing a customer's website. */
    public static final String PREVIEW = "PREVIEW";
    /** Background work such as loading demo data. */
    public static final String SYSTEM = "SYSTEM";

    private Role() {
    }
}
