/** The login page and the Vaadin glue of sign-in and staff preview. */
package io.borrowerportal.security.ui;
