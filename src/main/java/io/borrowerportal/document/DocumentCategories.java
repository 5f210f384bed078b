package io.borrowerportal.document;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lender's document categories: staff read them, admins add, rename, open or close them to customers,
 * reorder and remove them. A change is made on the version the admin saw; if someone changed the category
 * since, it is refused rather than silently overwritten. Every change is audited with what it was before.
 * <p>
 * Rules: a name of 1 to {@value DocumentCategory#MAX_NAME} characters, unique whatever its case; customers
 * upload only to a category they can see; the statements category never takes customer uploads (the portal
 * writes it); a category with a purpose (statements, insurance) or with documents in it is not removed.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
@Transactional(readOnly = true)
public class DocumentCategories {

    /** The gap left between positions, so the order reads well in the database too. */
    static final int POSITION_STEP = 10;
    static final String STALE = "Someone else changed this category while you were editing it. "
            + "The list now shows their change; make yours again if it is still needed.";

    private final DocumentCategoryRepository categories;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    DocumentCategories(DocumentCategoryRepository categories, JdbcTemplate jdbc, CurrentUser currentUser,
                       AuditService audit, Clock clock) {
        this.categories = categories;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every category in the lender's order, with how many documents each holds. */
    public List<CategoryDetail> categories() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select category_id, count(*) from documents group by category_id",
                row -> {
                    counts.put(row.getLong(1), row.getLong(2));
                });
        return categories.findAllByOrderByPositionAscIdAsc().stream()
                .map(category -> detail(category, counts.getOrDefault(category.id(), 0L))).toList();
    }

    /**
     * Adds a category ({@code change.id()} null) at the end of the list, or changes one.
     *
     * @throws DocumentRefusedException naming the field at fault ("name", "customerUpload", "customerVisible"),
     *                                  or (field null) when the category changed or went meanwhile; nothing is saved
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public CategoryDetail save(CategoryChange change) {
        String name = FileNames.text(change.name(), Integer.MAX_VALUE);
        if (name.isEmpty()) {
            throw new DocumentRefusedException("name", "Give the category a name.");
        }
        if (name.length() > DocumentCategory.MAX_NAME) {
            throw new DocumentRefusedException("name", "Keep the name to " + DocumentCategory.MAX_NAME + " characters.");
        }
        if (change.customerUpload() && !change.customerVisible()) {
            throw new DocumentRefusedException("customerUpload", "Customers can upload only to a category they can see. "
                    + "Let customers see it, or close it for uploads.");
        }
        categories.findByNameIgnoreCase(name).filter(other -> !other.id().equals(change.id())).ifPresent(other -> {
            throw new DocumentRefusedException("name", "There is already a category called \"" + other.name()
                    + "\". Choose another name.");
        });
        PortalUser admin = admin();
        try {
            if (change.id() == null) {
                return add(admin, name, change);
            }
            return update(admin, name, change);
        } catch (DataIntegrityViolationException e) {
            // Another admin saved the same name a moment ago.
            throw new DocumentRefusedException("name", "There is already a category called \"" + name
                    + "\". Choose another name.");
        } catch (OptimisticLockingFailureException e) {
            throw new DocumentRefusedException(null, STALE);
        }
    }

    /**
     * Moves the category one place up (towards the top of the customer's list) or down; at either end nothing
     * changes.
     *
     * @throws DocumentRefusedException when the category changed or went meanwhile
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public List<CategoryDetail> move(long id, long version, boolean up) {
        PortalUser admin = admin();
        List<DocumentCategory> ordered = new ArrayList<>(categories.findAllByOrderByPositionAscIdAsc());
        DocumentCategory category = current(id, version);
        int index = ordered.indexOf(category);
        int target = up ? index - 1 : index + 1;
        if (target < 0 || target >= ordered.size()) {
            return categories();
        }
        ordered.remove(index);
        ordered.add(target, category);
        try {
            // Renumbered in steps, so equal or crowded positions left by earlier edits sort out too.
            for (int i = 0; i < ordered.size(); i++) {
                int position = (i + 1) * POSITION_STEP;
                if (ordered.get(i).position() != position) {
                    ordered.get(i).moveTo(position, clock.instant());
                }
            }
            categories.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new DocumentRefusedException(null, STALE);
        }
        record(admin, AuditAction.DOCUMENT_CATEGORY_MOVED, "\"" + category.name() + "\" moved "
                + (up ? "up" : "down") + ": place " + (index + 1) + " -> " + (target + 1));
        return categories();
    }

    /**
     * Removes a category of the lender's own that holds no documents.
     *
     * @throws DocumentRefusedException when it has a purpose, holds documents, or changed meanwhile
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void remove(long id, long version) {
        PortalUser admin = admin();
        DocumentCategory category = current(id, version);
        if (category.purpose() != null) {
            throw new DocumentRefusedException(null, "\"" + category.name() + "\" holds the portal's "
                    + (category.purpose() == CategoryPurpose.STATEMENTS ? "statements" : "proof of insurance")
                    + " and cannot be removed. You can rename it or hide it from customers.");
        }
        Long documents = jdbc.queryForObject("select count(*) from documents where category_id = ?", Long.class, id);
        if (documents != null && documents > 0) {
            throw new DocumentRefusedException(null, "\"" + category.name() + "\" holds " + documents
                    + (documents == 1 ? " document" : " documents") + " and cannot be removed. "
                    + "You can hide it from customers instead.");
        }
        try {
            categories.delete(category);
            categories.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new DocumentRefusedException(null, STALE);
        }
        record(admin, AuditAction.DOCUMENT_CATEGORY_REMOVED, "\"" + category.name() + "\" removed");
    }

    private CategoryDetail add(PortalUser admin, String name, CategoryChange change) {
        int last = categories.findAllByOrderByPositionAscIdAsc().stream().mapToInt(DocumentCategory::position)
                .max().orElse(0);
        DocumentCategory category = categories.saveAndFlush(new DocumentCategory(name, change.customerUpload(),
                change.customerVisible(), last + POSITION_STEP, clock.instant()));
        record(admin, AuditAction.DOCUMENT_CATEGORY_ADDED, "\"" + name + "\" added: " + rights(category));
        return detail(category, 0);
    }

    private CategoryDetail update(PortalUser admin, String name, CategoryChange change) {
        DocumentCategory category = current(change.id(), change.version());
        if (category.purpose() == CategoryPurpose.STATEMENTS && change.customerUpload()) {
            throw new DocumentRefusedException("customerUpload", "Customers never upload statements: the portal "
                    + "writes them. Keep this category closed for uploads.");
        }
        String before = "\"" + category.name() + "\", " + rights(category);
        category.change(name, change.customerUpload(), change.customerVisible(), clock.instant());
        categories.flush();
        String after = "\"" + category.name() + "\", " + rights(category);
        if (!before.equals(after)) {
            record(admin, AuditAction.DOCUMENT_CATEGORY_CHANGED, before + " -> " + after);
        }
        Long documents = jdbc.queryForObject("select count(*) from documents where category_id = ?", Long.class,
                category.id());
        return detail(category, documents == null ? 0 : documents);
    }

    /** The category as the admin saw it, or a refusal when it changed or went since. */
    private DocumentCategory current(long id, long version) {
        DocumentCategory category = categories.findById(id).orElseThrow(() -> new DocumentRefusedException(null,
                "This category was removed meanwhile. The list now shows the categories as they are."));
        if (category.version() != version) {
            throw new DocumentRefusedException(null, STALE);
        }
        return category;
    }

    private static String rights(DocumentCategory category) {
        return "customers may see " + (category.customerVisible() ? "yes" : "no")
                + ", customers may upload " + (category.customerUpload() ? "yes" : "no");
    }

    private void record(PortalUser admin, AuditAction action, String detail) {
        audit.recordWithin(admin.email(), admin.role(), null, null, null, action, detail);
    }

    private PortalUser admin() {
        return currentUser.actor().orElseThrow(() -> new AccessDeniedException("No administrator is signed in"));
    }

    private static CategoryDetail detail(DocumentCategory category, long documents) {
        return new CategoryDetail(category.id(), category.name(), category.purpose(), category.customerUpload(),
                category.customerVisible(), category.position(), category.version(), documents);
    }
}
