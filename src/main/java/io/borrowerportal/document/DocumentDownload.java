package io.borrowerportal.document;

/**
 * What a download or the browser's viewer needs to send a document, before its content.
 *
 * @param storedName  the generated name it is kept under, with the extension of its real type ({@code DOC-….pdf}):
 *                    safe in any header
 * @param label       the name the customer sees when saving it: the cleaned file name they uploaded (or the
 *                    document's name), with the extension of its real type
 * @param contentType what the content was found to be when it was checked
 * @param size        its size in bytes
 */
public record DocumentDownload(long id, String storedName, String label, String contentType, long size) {
}
