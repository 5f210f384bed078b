/**
 * The staff console's payments operations page: writing the day's NACHA file of pending bank debits and
 * seeing how far each file's delivery got, importing the bank's returns file (received by a handler that
 * counts its bytes and stops at {@code portal.ach.returns-file-max-size}) and recording a return the bank
 * reported by phone or letter. The work happens in {@link io.borrowerportal.payment.AchExport} and
 * {@link io.borrowerportal.payment.AchReturns}; this page only shows what they did, never a full bank account
 * number (the services never return one), an exception's text or a server path.
 */
package io.borrowerportal.payment.ops;
