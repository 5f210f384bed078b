/** The customer's own sign-in settings pages; today the second factor (decision 018). */
package io.borrowerportal.customer.ui;
