package io.borrowerportal.document;

import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.security.SystemTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files documents the portal writes for the lender (statements) on a loan, in the category with that
 * purpose. It joins the caller's transaction, so the caller's own record of the document (a statement row)
 * and the document commit or roll back together.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','STAFF','ADMIN')")
public class DocumentArchive {

    private final AccountLookup accounts;
    private final DocumentCategoryRepository categories;
    private final DocumentStore store;

    DocumentArchive(AccountLookup accounts, DocumentCategoryRepository categories, DocumentStore store) {
        this.accounts = accounts;
        this.categories = categories;
        this.store = store;
    }

    /**
     * @throws DocumentRefusedException when the content is not a document the portal keeps, or is already on the loan
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public DocumentSummary file(long accountId, CategoryPurpose purpose, String name, String description,
                                String fileName, FileContent content) {
        AccountRef account = accounts.byId(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        DocumentCategory category = categories.findByPurpose(purpose)
                .orElseThrow(() -> new IllegalStateException("No document category for " + purpose));
        Document document = store.store(new DocumentStore.Filing(account, category, name, description, fileName,
                DocumentSource.LENDER, null, SystemTask.ACTOR), content);
        return document.toSummary(account.loanNumber(), category);
    }
}
