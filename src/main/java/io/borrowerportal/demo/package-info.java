/**
 * Demo data for the embedded default: a fictional lender's customers, loans and a payment history,
 * posted through the loan engine like real payments. Never loaded into a production database.
 */
package io.borrowerportal.demo;
