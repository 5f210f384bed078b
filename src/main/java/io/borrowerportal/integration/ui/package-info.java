/** The admins' API clients page in the staff console: issue a key (shown once), list clients, revoke. */
package io.borrowerportal.integration.ui;
