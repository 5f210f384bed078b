package io.borrowerportal.access;

/** The addresses of the access pages, for links in email and between pages. */
public final class AccessNavigation {

    public static final String ACTIVATE = "activate";
    public static final String SET_FIRST_PASSWORD = "activate/set-password";
    public static final String FORGOT_PASSWORD = "forgot-password";
    public static final String RESET_PASSWORD = "reset-password";
    public static final String STAFF_INVITATIONS = "staff/invitations";
    /** The admins' page of staff and admin users (decision 027). */
    public static final String STAFF_USERS = "staff/users";
    public static final String LOGIN = "login";
    /** A parameter of the sign-in page after a first password was set: it says so. */
    public static final String ACTIVATED_NOTICE = "activated";
    /** A parameter of the sign-in page after a password reset: it says so. */
    public static final String PASSWORD_RESET_NOTICE = "password-reset";

    private AccessNavigation() {
    }

    static String setFirstPassword(String token) {
        return SET_FIRST_PASSWORD + "?token=" + token;
    }

    static String resetPassword(String token) {
        return RESET_PASSWORD + "?token=" + token;
    }
}
