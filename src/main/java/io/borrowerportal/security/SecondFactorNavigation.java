package io.borrowerportal.security;

/** Addresses of the second-factor pages (decision 018), for links from other features. */
public final class SecondFactorNavigation {

    /** Where someone who passed the password types the code from their app (or a recovery code). */
    public static final String SIGN_IN_ROUTE = "second-factor";
    /** Setting up the app: forced for staff without a factor, chosen by customers. */
    public static final String ENROL_ROUTE = "second-factor/enrol";
    /** A customer's own page to turn the second factor on or off; the profile page links here. */
    public static final String CUSTOMER_SETTINGS_ROUTE = "profile/second-factor";
    /** Admins reset the factor of a staff member who lost theirs. */
    public static final String STAFF_RESETS_ROUTE = "staff/second-factors";

    private SecondFactorNavigation() {
    }
}
