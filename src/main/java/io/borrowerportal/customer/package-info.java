/**
 * Customers (borrowers and co-borrowers): their sign-in record, preferences and the staff search.
 */
package io.borrowerportal.customer;
