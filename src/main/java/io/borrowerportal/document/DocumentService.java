package io.borrowerportal.document;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.ActorAudit;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.SettingsService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A customer's documents on one loan: the list (only categories the lender lets customers see), one
 * document's content, and uploads into the categories the lender opened. Every method takes the loan
 * number and checks the served customer is on that loan; a document of another loan is "not found".
 * Uploads are refused during a staff preview.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class DocumentService {

    private final AccountService accounts;
    private final DocumentRepository documents;
    private final DocumentCategoryRepository categories;
    private final DocumentStore store;
    private final DocumentThumbnails thumbnails;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final ActorAudit audit;
    private final PreviewService previews;
    private final Outbox outbox;

    DocumentService(AccountService accounts, DocumentRepository documents, DocumentCategoryRepository categories,
                    DocumentStore store, DocumentThumbnails thumbnails, SettingsService settings,
                    CurrentUser currentUser, ActorAudit audit, PreviewService previews, Outbox outbox) {
        this.outbox = outbox;
        this.previews = previews;
        this.accounts = accounts;
        this.thumbnails = thumbnails;
        this.documents = documents;
        this.categories = categories;
        this.store = store;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The loan's documents the customer may see, newest first. */
    public List<DocumentSummary> documents(String loanNumber) {
        requireSection();
        AccountRef account = accounts.reference(loanNumber);
        Map<Long, DocumentCategory> byId = categoriesById();
        return documents.findVisibleByAccount(account.id()).stream()
                .map(document -> document.toSummary(account.loanNumber(), byId.get(document.categoryId())))
                .toList();
    }

    /** The categories the customer may upload into, in the lender's order. */
    public List<CategorySummary> uploadCategories() {
        requireSection();
        return uploadable(categories.findAllByOrderByPositionAscIdAsc());
    }

    /**
     * What the Documents tab shows: the loan's documents and the categories open for uploads, from one read of
     * the categories, so the tab costs the same few statements whatever the number of documents.
     */
    public DocumentsTab tab(String loanNumber) {
        requireSection();
        AccountRef account = accounts.reference(loanNumber);
        List<DocumentCategory> all = categories.findAllByOrderByPositionAscIdAsc();
        Map<Long, DocumentCategory> byId = all.stream()
                .collect(Collectors.toMap(DocumentCategory::id, Function.identity()));
        List<DocumentSummary> list = documents.findVisibleByAccount(account.id()).stream()
                .map(document -> document.toSummary(account.loanNumber(), byId.get(document.categoryId())))
                .toList();
        return new DocumentsTab(list, uploadable(all));
    }

    private static List<CategorySummary> uploadable(List<DocumentCategory> all) {
        return all.stream().filter(category -> category.customerUpload() && category.customerVisible())
                .map(DocumentCategory::toSummary).toList();
    }

    /**
     * Stores the customer's file in the chosen category, after checking the category is open for uploads
     * and the file by its content.
     *
     * @throws DocumentRefusedException naming the field at fault; nothing is stored
     */
    @Transactional
    @ChangesCustomerState
    public DocumentSummary upload(NewDocument command, FileContent content) {
        requireSection();
        AccountRef account = accounts.reference(command.loanNumber());
        if (command.categoryId() == null) {
            throw new DocumentRefusedException("category", "Choose a category for the document first.");
        }
        DocumentCategory category = categories.findById(command.categoryId())
                .filter(found -> found.customerUpload() && found.customerVisible())
                .orElseThrow(() -> new DocumentRefusedException("category",
                        "Documents cannot be uploaded to that category. Choose one of the categories offered."));
        return keep(account, category, command.name(), command.description(), command.fileName(), content);
    }

    /**
     * Stores proof of insurance attached from the Insurance tab, in the lender's insurance category (whether or
     * not that category takes uploads from the Documents tab).
     */
    @Transactional
    @ChangesCustomerState
    public DocumentSummary uploadProofOfInsurance(String loanNumber, String name, String description, String fileName,
                                                  FileContent content) {
        AccountRef account = accounts.reference(loanNumber);
        DocumentCategory category = categories.findByPurpose(CategoryPurpose.INSURANCE)
                .orElseThrow(() -> new IllegalStateException("The insurance document category is missing"));
        return keep(account, category, name, description, fileName, content);
    }

    /**
     * Whether customers find proof of insurance in their Documents: the lender shows Documents and lets
     * customers see its insurance category. The proof is filed either way, for staff to review.
     */
    public boolean proofOfInsuranceShown() {
        return settings.current().documentsEnabled() && categories.findByPurpose(CategoryPurpose.INSURANCE)
                .map(DocumentCategory::customerVisible).orElse(false);
    }

    /** One of the loan's documents the customer may see. */
    public DocumentSummary document(String loanNumber, long documentId) {
        requireSection();
        AccountRef account = accounts.reference(loanNumber);
        Document document = visible(account, documentId);
        return document.toSummary(account.loanNumber(), categories.getReferenceById(document.categoryId()));
    }

    /** Writes one of the loan's documents, as stored, to the stream (a download or the browser's viewer). */
    public void writeContent(String loanNumber, long documentId, OutputStream out) {
        requireSection();
        AccountRef account = accounts.reference(loanNumber);
        Document document = visible(account, documentId);
        // Before the bytes go out: a download broken off half way may still have left a copy.
        previews.recordDownload(account.loanNumber(), "Document " + document.toDownload().storedName() + " ("
                + document.toDownload().label() + ")");
        store.writeContent(document.id(), out);
    }

    /** The names and type a download of one of the loan's documents is sent with; its content comes from {@link #writeContent}. */
    public DocumentDownload download(String loanNumber, long documentId) {
        requireSection();
        return visible(accounts.reference(loanNumber), documentId).toDownload();
    }

    /**
     * A small PNG of one of the loan's documents (a PDF's first page, a picture scaled), rendered on the first
     * request and kept; empty when it cannot be drawn. It runs outside a transaction: drawing a page may take a
     * moment and needs no connection, and keeping the PNG is a cache of the document, not a change of the
     * customer's data, so a staff preview sees thumbnails too.
     */
    @Transactional(readOnly = true, propagation = Propagation.NOT_SUPPORTED)
    public Optional<byte[]> thumbnail(String loanNumber, long documentId) {
        requireSection();
        Document document = visible(accounts.reference(loanNumber), documentId);
        return thumbnails.of(document.id(), document.type());
    }

    private Document visible(AccountRef account, long documentId) {
        return documents.findById(documentId)
                .filter(document -> document.accountId() == account.id())
                .filter(document -> categories.findById(document.categoryId()).map(DocumentCategory::customerVisible)
                        .orElse(false))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    private DocumentSummary keep(AccountRef account, DocumentCategory category, String name, String description,
                                 String fileName, FileContent content) {
        long customerId = currentUser.customerId();
        Document document = store.store(new DocumentStore.Filing(account, category, name, description, fileName,
                DocumentSource.CUSTOMER, customerId, audit.actorName()), content);
        audit.record(customerId, account.loanNumber(), AuditAction.DOCUMENT_UPLOADED,
                document.reference() + " \"" + document.name() + "\" in " + category.name() + ", "
                        + document.sizeBytes() + " bytes");
        outbox.record(EventType.DOCUMENT_UPLOADED, String.valueOf(document.id()), new DocumentMessage(document.id(),
                document.reference(), account.loanNumber(), customerId, category.name(), document.name(),
                document.fileLabel(), document.contentType(), document.sizeBytes()));
        return document.toSummary(account.loanNumber(), category);
    }

    private Map<Long, DocumentCategory> categoriesById() {
        return categories.findAll().stream().collect(Collectors.toMap(DocumentCategory::id, Function.identity()));
    }

    private void requireSection() {
        if (!settings.current().documentsEnabled()) {
            throw new AccessDeniedException("The lender does not offer documents on the customer website");
        }
    }
}
