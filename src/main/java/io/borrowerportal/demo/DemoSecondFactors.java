package io.borrowerportal.demo;

/**
 * Fixed, published authenticator-app secrets (base32) of the demo staff logins, so a newcomer can add them to an
 * app and sign in (decision 018). Published like the demo password, so demo data only; no other demo login has one.
 */
public final class DemoSecondFactors {

    public static final String STAFF_TOTP_SECRET = "SVXOQKKO5LKNGFORM6ZBECS4MW276SQJ";
    public static final String ADMIN_TOTP_SECRET = "PPP5HDJJU2KAT5ZLOPNFOMWKKOLBWEUM";

    private DemoSecondFactors() {
    }
}
