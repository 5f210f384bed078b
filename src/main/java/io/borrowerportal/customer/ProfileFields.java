package io.borrowerportal.customer;

/** The names and limits of My profile's inputs, shared by the rules and the page's fields. */
public final class ProfileFields {

    public static final String CURRENT_PASSWORD = "currentPassword";
    public static final String NEW_PASSWORD = "newPassword";
    public static final String CONFIRMATION = "confirmation";
    public static final String NEW_EMAIL = "newEmail";
    public static final String PHONE = "phone";
    public static final String STREET_LINE1 = "streetLine1";
    public static final String STREET_LINE2 = "streetLine2";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String ZIP = "zip";
    public static final String PAPERLESS = "paperless";

    public static final int MAX_EMAIL = 160;
    public static final int MAX_PHONE = 20;
    public static final int MAX_STREET = 100;
    public static final int MAX_CITY = 60;
    public static final int MAX_ZIP = 10;

    private ProfileFields() {
    }
}
