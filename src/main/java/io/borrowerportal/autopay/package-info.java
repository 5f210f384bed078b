/**
 * AutoPay: a customer's standing instruction to pay a loan on a schedule with a saved payment profile, the
 * authorization they accepted, and the daily run that makes each due date's payment exactly once through
 * the payment service, the same way a payment on the website is made. Process dates move off weekends and
 * Federal Reserve holidays; a bank's R07/R10 return suspends every AutoPay on that bank account.
 */
package io.borrowerportal.autopay;
