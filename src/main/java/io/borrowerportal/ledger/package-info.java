/**
 * The loan engine: level-payment schedules, the ledger's entry types, the payment waterfall and every
 * figure derived from a loan's terms and ledger (balances, amount due, payoff, forecast). Pure Java
 * with no Spring or JPA, so the money rules are tested as plain functions.
 */
package io.borrowerportal.ledger;
