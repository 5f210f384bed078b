package io.borrowerportal.document;

/**
 * A customer's upload, as the "Upload New Document" dialog collects it: the category first, then the name
 * (required) and description (optional); the file travels beside it as {@link FileContent}.
 *
 * @param categoryId null when none was picked (refused)
 * @param fileName   the name the browser sent, kept only as a cleaned label
 */
public record NewDocument(String loanNumber, Long categoryId, String name, String description, String fileName) {

    /** The longest name, shared by the dialog's field and the service's check. */
    public static final int MAX_NAME = 120;
    /** The longest description. */
    public static final int MAX_DESCRIPTION = 500;
}
