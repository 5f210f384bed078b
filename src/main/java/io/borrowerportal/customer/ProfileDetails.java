package io.borrowerportal.customer;

/**
 * What My profile shows: the sign-in email (and the address waiting for its confirmation link), phone, mailing
 * address and paperless choice. {@code readOnly} is true during a staff preview, when nothing may change.
 */
public record ProfileDetails(String name, String email, String pendingEmail, String phone, String streetLine1,
                             String streetLine2, String city, String state, String zip, PaperlessStatus paperless,
                             boolean readOnly) {
}
