/**
 * Customer website pages for paying loans: Make a Payment, the payments list, receipts, and the payments
 * shown on the account's Summary.
 */
package io.borrowerportal.payment.ui;
