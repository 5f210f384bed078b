package io.borrowerportal.document;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Digits;
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
import java.util.Locale;

/**
 * Keeps a checked file on a loan: its row, then its content streamed into {@code document_contents} in the
 * same transaction, so a document is there whole or not at all. Used by every way a document arrives
 * (customer upload, staff share, statements); the callers decide who may.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentStore {

    private final DocumentRepository documents;
    private final DocumentCategoryRepository categories;
    private final JdbcTemplate jdbc;
    private final DocumentProperties properties;
    private final Clock clock;

    DocumentStore(DocumentRepository documents, DocumentCategoryRepository categories, JdbcTemplate jdbc,
                  DocumentProperties properties, Clock clock) {
        this.documents = documents;
        this.categories = categories;
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
        // Names and descriptions are stored and shown in plain text: never a place where a card number is kept.
        if (Digits.holdsCardLengthNumber(name)) {
            throw new DocumentRefusedException("name", "A document's name cannot hold a card number (13 or more "
                    + "digits in a row).");
        }
        if (Digits.holdsCardLengthNumber(description)) {
            throw new DocumentRefusedException("description", "A description cannot hold a card number (13 or more "
                    + "digits in a row).");
        }
        FileChecks.Checked checked = FileChecks.check(content, properties.maxSize().toBytes());
        documents.findByAccountIdAndSha256(filing.account().id(), checked.sha256()).ifPresent(existing -> {
            throw duplicate(existing, filing.source());
        });
        // The browser's file name is a label nobody typed on purpose: a long number in it is cut to its last four
        // rather than refusing the upload, so it reaches neither the table nor the outbound event whole.
        String label = Digits.maskCardLength(FileNames.label(filing.fileName(), Document.MAX_FILE_LABEL));
        Document document;
        try {
            document = documents.saveAndFlush(new Document(References.next("DOC"), filing.account().id(),
                    filing.category().id(), name, description.isEmpty() ? null : description,
                    label.isEmpty() ? null : label, checked, filing.source(), filing.customerId(), filing.uploadedBy(),
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // Another request (a co-borrower's, a second tab) stored the same file on this loan a moment ago. This
            // transaction's snapshot need not show its row yet, so the unique key, not a second look, tells.
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT)
                    .contains("uk_documents_account_sha256")) {
                throw new DocumentRefusedException("file", "This file was added to this loan a moment ago, "
                        + "by another upload. Look for it in Documents.");
            }
            throw e;
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

    /**
     * The refusal of a file already on the loan. Staff are told which document has it; a customer only when the
     * document is in a category customers see, so a refusal never names a document they cannot find.
     */
    private DocumentRefusedException duplicate(Document existing, DocumentSource arriving) {
        boolean named = arriving != DocumentSource.CUSTOMER
                || categories.findById(existing.categoryId()).map(DocumentCategory::customerVisible).orElse(false);
        if (!named) {
            return new DocumentRefusedException("file", "The lender already has this file on this loan; "
                    + "there is no need to send it again.");
        }
        LocalDate added = LocalDate.ofInstant(existing.createdAt(), clock.getZone());
        return new DocumentRefusedException("file", "This file is already on this loan: \"" + existing.name()
                + "\", added " + Dates.day(added) + ".");
    }
}
