/**
 * The admins' Import page (decision 031): the four CSV files of the servicing system uploaded into bounded temporary
 * files, a dry run or an import by {@link io.borrowerportal.servicing.ServicingImport}, its report with every refused
 * row, and the activation invitation of the customers the run created. The staff
 * Reconciliation page: the last run and its differing loans, and "Run now" (decision 032). The Loan products page:
 * admins add and change products, staff read them (decision 034). The pages hold no rule of their own.
 */
package io.borrowerportal.servicing.ui;
