/**
 * The staff console's payments operations page: writing the day's NACHA file of pending bank debits,
 * importing the bank's returns file and recording a return the bank reported by phone or letter. All the
 * work happens in {@link io.borrowerportal.payment.AchOperations}; this page only shows what it did, and
 * never a full bank account number, because the service never returns one.
 */
package io.borrowerportal.payment.ops;
