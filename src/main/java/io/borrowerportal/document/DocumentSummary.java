package io.borrowerportal.document;

import java.time.Instant;

/**
 * One document as its list shows it: never its content.
 *
 * @param reference   the generated name it is stored and downloaded under (DOC-...)
 * @param contentType what its content was found to be: application/pdf, image/png or image/jpeg
 * @param size        its size in bytes
 */
public record DocumentSummary(long id, String reference, String loanNumber, long categoryId, String categoryName,
                              String name, String description, String contentType, long size, Instant createdAt,
                              DocumentSource source) {

    public boolean isPdf() {
        return FileType.PDF.contentType().equals(contentType);
    }
}
