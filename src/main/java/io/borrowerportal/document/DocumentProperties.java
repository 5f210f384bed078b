package io.borrowerportal.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on documents ({@code portal.documents.*}).
 *
 * @param maxSize the largest file a customer or staff member may upload (default 10 MB); the server refuses
 *                more, whatever the browser was told
 */
@ConfigurationProperties("portal.documents")
public record DocumentProperties(DataSize maxSize) {

    public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(10);

    public DocumentProperties {
        maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("portal.documents.max-size must be positive, not " + maxSize);
        }
    }
}
