/**
 * Documents: what the lender shares with a loan's customers and what they upload, in the lender's
 * categories, with the content in the database. Every file is checked by its content before it is kept
 * ({@link io.borrowerportal.document.FileChecks}: PDF, PNG or JPEG that opens), streamed into the
 * database with its sha256, and kept once per loan. Statements and proof of insurance arrive here from
 * their own features, through {@link io.borrowerportal.document.DocumentArchive} and
 * {@link io.borrowerportal.document.DocumentService#uploadProofOfInsurance}. The lender's side is
 * {@link io.borrowerportal.document.StaffDocuments} (share a document with a loan's customers, read any loan's
 * documents) and {@link io.borrowerportal.document.DocumentCategories} (admins manage the categories).
 */
package io.borrowerportal.document;
