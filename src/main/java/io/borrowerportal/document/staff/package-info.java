/**
 * The staff console's document pages: one loan's documents in every category, with "Share a document"
 * (its file received by a handler that writes it to a temporary file and stops at
 * {@code portal.documents.max-size}), and the lender's category list, which admins edit and staff read. The
 * rules and the audit live in {@link io.borrowerportal.document.StaffDocuments} and
 * {@link io.borrowerportal.document.DocumentCategories}; these pages only show what they said.
 */
package io.borrowerportal.document.staff;
