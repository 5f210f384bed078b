package io.borrowerportal.document;

/**
 * A document a staff member shares with a loan's customers, as the "Share a document" dialog collects it;
 * the file travels beside it as {@link FileContent}.
 *
 * @param categoryId any of the lender's categories but the statements one (null when none was picked: refused)
 * @param fileName   the name the browser sent, kept only as a cleaned label
 */
public record SharedDocument(String loanNumber, Long categoryId, String name, String description, String fileName) {
}
