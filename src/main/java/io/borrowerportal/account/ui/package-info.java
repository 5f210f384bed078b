/** The customer website's account pages: Accounts, and each account's Summary and Transactions. */
package io.borrowerportal.account.ui;
