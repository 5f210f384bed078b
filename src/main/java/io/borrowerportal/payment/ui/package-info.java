/** Customer website pages for paying loans and keeping payment profiles. */
package io.borrowerportal.payment.ui;
