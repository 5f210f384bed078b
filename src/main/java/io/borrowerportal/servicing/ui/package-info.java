/**
 * The staff console's page of the servicing connection: the reconciliation's last run and its differing loans,
 * and "Run now" (decision 032).
 */
package io.borrowerportal.servicing.ui;
