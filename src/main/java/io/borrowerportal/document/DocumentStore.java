package io.borrowerportal.document;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.References;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Keeps a checked file on a loan: its row, then its content streamed into {@code document_contents} in the
 * same transaction, so a document is there whole or not at all. Used by every way a document arrives
 * (customer upload, staff share, statements); the callers decide who may.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentStore {

    private final DocumentRepository documents;
    private final JdbcTemplate jdbc;
    private final DocumentProperties properties;
    private final Clock clock;

    DocumentStore(DocumentRepository documents, JdbcTemplate jdbc, DocumentProperties properties, Clock clock) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a new document is called and where it goes, before its file is checked. */
    record Filing(AccountRef account, DocumentCategory category, String name, String description, String fileName,
                  DocumentSource source, Long customerId, String uploadedBy) {
    }

    /**
     * Checks the filing's text and the file, refuses a file already on the loan, and stores both; must run in
     * the caller's transaction.
     *
     * @throws DocumentRefusedException naming the field at fault; nothing is stored
     */
    Document store(Filing filing, FileContent content) {
        String name = FileNames.text(filing.name(), Document.MAX_NAME);
        if (name.isEmpty()) {
            throw new DocumentRefusedException("name", "Give the document a name.");
        }
        if (filing.name().strip().length() > Document.MAX_NAME) {
            throw new DocumentRefusedException("name", "Keep the name to " + Document.MAX_NAME + " characters.");
        }
        String description = FileNames.text(filing.description(), Integer.MAX_VALUE);
        if (description.length() > Document.MAX_DESCRIPTION) {
            throw new DocumentRefusedException("description",
                    "Keep the description to " + Document.MAX_DESCRIPTION + " characters.");
        }
        FileChecks.Checked checked = FileChecks.check(content, properties.maxSize().toBytes());
        documents.findByAccountIdAndSha256(filing.account().id(), checked.sha256()).ifPresent(existing -> {
            throw duplicate(existing);
        });
        String label = FileNames.label(filing.fileName(), Document.MAX_FILE_LABEL);
        Document document;
        try {
            document = documents.saveAndFlush(new Document(References.next("DOC"), filing.account().id(),
                    filing.category().id(), name, description.isEmpty() ? null : description,
                    label.isEmpty() ? null : label, checked, filing.source(), filing.customerId(), filing.uploadedBy(),
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // Another request stored the same file on this loan a moment ago.
            throw documents.findByAccountIdAndSha256(filing.account().id(), checked.sha256())
                    .map(this::duplicate).orElseThrow(() -> e);
        }
        try (InputStream in = content.open()) {
            long id = document.id();
            jdbc.update("insert into document_contents (document_id, content) values (?, ?)", statement -> {
                statement.setLong(1, id);
                statement.setBinaryStream(2, in, checked.size());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file being stored", e);
        }
        return document;
    }

    /** Copies a document's content to the stream, as the database hands it out. */
    void writeContent(long documentId, OutputStream out) {
        jdbc.query("select content from document_contents where document_id = ?", resultSet -> {
            try (InputStream in = resultSet.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not send a document", e);
            }
        }, documentId);
    }

    private DocumentRefusedException duplicate(Document existing) {
        LocalDate added = LocalDate.ofInstant(existing.createdAt(), clock.getZone());
        return new DocumentRefusedException("file", "This file is already on this loan: \"" + existing.name()
                + "\", added " + Dates.day(added) + ".");
    }
}
