/**
 * Monthly statements: after each calendar month, a PDF per loan with the month's balances, transactions and
 * their split, the next payment and the interest paid in the year, filed in the loan's Documents under
 * Statements, with an email to each customer on the loan, exactly once per loan and month (decision 015). The
 * figures are a pure function of the loan's terms and ledger ({@link io.borrowerportal.statement.StatementFigures}).
 */
package io.borrowerportal.statement;
