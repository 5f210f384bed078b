package io.borrowerportal.customer;

import java.util.List;

/**
 * A customer's contact details as the servicing system reads them in an outbound event (decision 029): all of
 * them as they now stand, and which ones changed.
 *
 * @param changed {@code EMAIL}, or {@code PHONE} and {@code MAILING_ADDRESS} (the profile page saves both at once)
 */
record ContactMessage(long customerId, List<String> changed, String email, String phone, MailingAddress mailingAddress) {

    record MailingAddress(String streetLine1, String streetLine2, String city, String state, String zip) {
    }
}
