package io.borrowerportal.common;

import java.util.Locale;

/**
 * Email addresses as they are stored and looked up: stripped and in lower case. Every customer and staff address is
 * kept this way (V032), so a sign-in or a uniqueness check finds its row through the column's unique index; comparing
 * {@code upper(email)} instead read the whole customers table, once per sign-in and per imported customer.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The stored form of an address; "" for none. */
    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The stored form, or null for none (an optional address such as a pending change). */
    public static String keyOrNull(String email) {
        return email == null ? null : key(email);
    }
}
