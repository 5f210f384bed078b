/**
 * ACH debits in the NACHA file format, in plain Java: writing the WEB debit file the lender's bank
 * (the ODFI) collects customers' bank payments from, reading NACHA files back, and turning the bank's
 * return file (NACHA or CSV) into R-codes per trace number. It lives apart from the payment service
 * because the format is fixed-width bookkeeping with its own rules (94-character records, entry hash,
 * blocking factor) that must be exactly right and testable without Spring or a database; the service
 * decides what to send and what a return means for the loan.
 */
package io.borrowerportal.payment.ach;
