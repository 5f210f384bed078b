package io.borrowerportal.document;

/**
 * A document category as its administration page shows it.
 *
 * @param purpose   the fixed role it plays (statements, insurance), or null for the lender's own
 * @param version   the version the page read; a change sends it back, so a stale change is refused
 * @param documents how many documents are filed in it, on all loans
 */
public record CategoryDetail(long id, String name, CategoryPurpose purpose, boolean customerUpload,
                             boolean customerVisible, int position, long version, long documents) {

    /** Whether the category may be removed at all (a purpose category may not; one holding documents may not yet). */
    public boolean removable() {
        return purpose == null && documents == 0;
    }
}
