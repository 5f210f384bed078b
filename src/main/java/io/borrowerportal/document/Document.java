package io.borrowerportal.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A document kept on a loan. Its content lives in {@code document_contents} (written and read as a
 * stream by {@link DocumentStore}), so loading this row never loads the file. Documents are not edited.
 */
@Entity
@Table(name = "documents")
class Document {

    static final int MAX_NAME = NewDocument.MAX_NAME;
    static final int MAX_DESCRIPTION = NewDocument.MAX_DESCRIPTION;
    static final int MAX_FILE_LABEL = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    private long accountId;
    private long categoryId;
    private String name;
    private String description;
    private String fileLabel;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private Integer pageCount;
    @Enumerated(EnumType.STRING)
    private DocumentSource source;
    private Long customerId;
    private String uploadedBy;
    private Instant createdAt;

    protected Document() {
    }

    Document(String reference, long accountId, long categoryId, String name, String description, String fileLabel,
             FileChecks.Checked checked, DocumentSource source, Long customerId, String uploadedBy, Instant now) {
        this.reference = reference;
        this.accountId = accountId;
        this.categoryId = categoryId;
        this.name = name;
        this.description = description;
        this.fileLabel = fileLabel;
        this.contentType = checked.type().contentType();
        this.sizeBytes = checked.size();
        this.sha256 = checked.sha256();
        this.pageCount = checked.pageCount();
        this.source = source;
        this.customerId = customerId;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    long accountId() {
        return accountId;
    }

    long categoryId() {
        return categoryId;
    }

    String name() {
        return name;
    }

    String fileLabel() {
        return fileLabel;
    }

    String contentType() {
        return contentType;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    Instant createdAt() {
        return createdAt;
    }

    FileType type() {
        return FileType.ofContentType(contentType).orElseThrow();
    }

    /** The name a saved copy gets: the uploaded file's cleaned name, or the document's, with its real extension. */
    DocumentDownload toDownload() {
        FileType type = type();
        String base = fileLabel != null ? fileLabel : name;
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        String label = FileNames.label(stem + "." + type.extension(), MAX_FILE_LABEL + 5);
        return new DocumentDownload(id, reference + "." + type.extension(), label, contentType, sizeBytes);
    }

    DocumentSummary toSummary(String loanNumber, DocumentCategory category) {
        return new DocumentSummary(id, reference, loanNumber, categoryId, category.name(), name, description,
                contentType, sizeBytes, createdAt, source);
    }
}
