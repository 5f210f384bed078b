/**
 * The portal's copy of the lender's servicing system (issue #13, decision 030): customers by the servicer's
 * external id, loans by loan number, the borrowers on each loan, ledger entries appended by the servicer's
 * entry id, and the loan products loans name, by code (decision 034, also edited by admins). Upserts are idempotent and audited with the servicer as actor; every refusal is one
 * {@link io.borrowerportal.servicing.ServicingRefusedException} naming each bad field, and nothing is written.
 * The HTTP edge (module {@code integration}) calls these services; this module knows nothing of HTTP. The
 * reconciliation compares the servicer's balances with the portal's, nightly and on demand, and puts a differing
 * loan's balance under review through {@code account}'s {@code BalanceReviews} (decision 032).
 */
package io.borrowerportal.servicing;
