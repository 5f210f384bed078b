/** The staff console: finding customers and opening the read-only preview of their website. */
package io.borrowerportal.staff;
