/**
 * Customers (borrowers and co-borrowers): their sign-in record, preferences, the staff search, and My profile
 * (password, sign-in email, phone and mailing address, paperless consent; {@link io.borrowerportal.customer.ProfileService}).
 */
package io.borrowerportal.customer;
