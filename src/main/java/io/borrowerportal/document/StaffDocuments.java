package io.borrowerportal.document;

import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.settings.WebsiteSettings;
import io.borrowerportal.settings.SettingsService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lender's side of a loan's documents: every document on the loan (hidden categories too), one
 * document's content, and sharing a document with the loan's customers. Staff may read any loan's
 * documents. A shared document, the audit row naming the staff member and the loan, and one email to each
 * customer on the loan are written in one transaction: all of them, or (on a refusal) none.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
@Transactional(readOnly = true)
public class StaffDocuments {

    static final String NEW_DOCUMENT_SUBJECT = "A new document is available";

    private final AccountLookup accounts;
    private final DocumentRepository documents;
    private final DocumentCategoryRepository categories;
    private final DocumentStore store;
    private final CustomerService customers;
    private final Mailer mailer;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final AuditService audit;

    StaffDocuments(AccountLookup accounts, DocumentRepository documents, DocumentCategoryRepository categories,
                   DocumentStore store, CustomerService customers, Mailer mailer, SettingsService settings,
                   CurrentUser currentUser, AuditService audit) {
        this.accounts = accounts;
        this.documents = documents;
        this.categories = categories;
        this.store = store;
        this.customers = customers;
        this.mailer = mailer;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * The loan's documents in every category, newest first.
     *
     * @throws DocumentRefusedException (field "loan") when no loan has that number
     */
    public LoanDocuments documents(String loanNumber) {
        AccountRef account = account(loanNumber);
        Map<Long, DocumentCategory> byId = categories.findAll().stream()
                .collect(Collectors.toMap(DocumentCategory::id, Function.identity()));
        return new LoanDocuments(account.loanNumber(), account.title(), documents.findByAccount(account.id()).stream()
                .map(document -> document.toSummary(account.loanNumber(), byId.get(document.categoryId())))
                .toList());
    }

    /**
     * Stores the file on the loan in the chosen category, with the staff member as its uploader, and tells
     * each customer on the loan by email when they can see it.
     *
     * @throws DocumentRefusedException naming the field at fault ("loan", "category", "name", "description",
     *                                  "file"); nothing is stored and nobody is told
     */
    @Transactional
    public ShareOutcome share(SharedDocument command, FileContent content) {
        AccountRef account = account(command.loanNumber());
        if (command.categoryId() == null) {
            throw new DocumentRefusedException("category", "Choose a category for the document.");
        }
        DocumentCategory category = categories.findById(command.categoryId())
                .orElseThrow(() -> new DocumentRefusedException("category",
                        "That category no longer exists. Choose another one."));
        if (category.purpose() == CategoryPurpose.STATEMENTS) {
            throw new DocumentRefusedException("category", "Statements are written by the portal each month. "
                    + "Choose another category for this document.");
        }
        PortalUser staff = staffMember();
        Document document = store.store(new DocumentStore.Filing(account, category, command.name(),
                command.description(), command.fileName(), DocumentSource.STAFF, null, staff.email()), content);
        DocumentSummary summary = document.toSummary(account.loanNumber(), category);
        int notified = tellCustomers(account, summary, category);
        audit.recordWithin(staff.email(), staff.role(), null, null, account.loanNumber(), AuditAction.DOCUMENT_SHARED,
                document.reference() + " \"" + document.name() + "\" in " + category.name() + ", "
                        + document.sizeBytes() + " bytes, " + notified + (notified == 1 ? " customer" : " customers")
                        + " emailed" + (category.customerVisible() ? "" : " (category hidden from customers)"));
        return new ShareOutcome(summary, notified);
    }

    /** One document, on any loan. */
    public DocumentSummary document(long documentId) {
        Document document = documents.findById(documentId).orElseThrow(() -> new DocumentNotFoundException(documentId));
        AccountRef account = accounts.byId(document.accountId()).orElseThrow(() -> new DocumentNotFoundException(documentId));
        return document.toSummary(account.loanNumber(), categories.getReferenceById(document.categoryId()));
    }

    /** Writes a document's content, as stored, to the stream; each such read is audited. */
    public void writeContent(long documentId, OutputStream out) {
        DocumentSummary document = document(documentId);
        PortalUser staff = staffMember();
        audit.record(staff.email(), staff.role(), null, null, document.loanNumber(), AuditAction.DOCUMENT_OPENED_BY_STAFF,
                document.reference() + " \"" + document.name() + "\"");
        store.writeContent(documentId, out);
    }

    private int tellCustomers(AccountRef account, DocumentSummary document, DocumentCategory category) {
        WebsiteSettings website = settings.current();
        if (!category.customerVisible() || !website.documentsEnabled()) {
            return 0;
        }
        Map<Long, CustomerSummary> contacts = customers.contacts(accounts.customerIds(account.id()));
        for (CustomerSummary customer : contacts.values()) {
            mailer.send(new OutgoingEmail(customer.email(), NEW_DOCUMENT_SUBJECT,
                    "Hello " + customer.name() + ",\n\n"
                            + website.lenderName() + " shared a new document with you on loan " + account.loanNumber()
                            + ": \"" + document.name() + "\" (" + category.name() + ").\n"
                            + "Sign in and open the loan's Documents tab to read or download it.\n\n"
                            + website.emailSignOff(), customer.id()));
        }
        return contacts.size();
    }

    private AccountRef account(String loanNumber) {
        String number = loanNumber == null ? "" : loanNumber.strip();
        if (number.isEmpty()) {
            throw new DocumentRefusedException("loan", "Enter a loan number.");
        }
        return accounts.byLoanNumber(number).orElseThrow(() -> new DocumentRefusedException("loan",
                "No loan has the number " + FileNames.text(number, 30) + ". Check the number and try again."));
    }

    private PortalUser staffMember() {
        return currentUser.actor().orElseThrow(() -> new AccessDeniedException("No staff member is signed in"));
    }
}
