package io.borrowerportal.servicing;

/**
 * One thing wrong with what the servicer sent, by the path of its field in the command ({@code email},
 * {@code terms.principal}, {@code entries[17].amount}), so the HTTP edge can name each bad field.
 */
public record ServicingProblem(String field, String message) {
}
