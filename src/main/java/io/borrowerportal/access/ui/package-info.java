/** The activation and password-reset pages, and the staff's invitation section and bulk invitation page. */
package io.borrowerportal.access.ui;
