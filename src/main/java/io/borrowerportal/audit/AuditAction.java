package io.borrowerportal.audit;

/** What happened. New features add their actions here. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    PREVIEW_STARTED,
    PREVIEW_PAGE_VIEWED,
    PREVIEW_ENDED,
    PREVIEW_CHANGE_REFUSED,
    PREFERENCE_CHANGED,
    PROFILE_ADDED,
    PROFILE_CHANGED,
    PROFILE_DELETED,
    PROFILE_DISABLED,
    PAYMENT_SUBMITTED,
    PAYMENT_COMPLETED,
    PAYMENT_DECLINED,
    PAYMENT_CANCELLED,
    PAYMENT_RETURNED,
    PAYOFF_QUOTE_ISSUED,
    ACH_FILE_WRITTEN,
    ACH_RETURNS_IMPORTED,
    AUTOPAY_SCHEDULED,
    AUTOPAY_CHANGED,
    AUTOPAY_PAUSED,
    AUTOPAY_RESUMED,
    AUTOPAY_CANCELLED,
    AUTOPAY_SUSPENDED,
    AUTOPAY_COMPLETED,
    AUTOPAY_RUN,
    DOCUMENT_UPLOADED,
    DOCUMENT_SHARED,
    DOCUMENT_OPENED_BY_STAFF,
    DOCUMENT_CATEGORY_ADDED,
    DOCUMENT_CATEGORY_CHANGED,
    DOCUMENT_CATEGORY_MOVED,
    DOCUMENT_CATEGORY_REMOVED,
    INSURANCE_SUBMITTED,
    INSURANCE_VERIFIED,
    INSURANCE_REJECTED,
    // Issue #11 Access, part 3: My profile
    PASSWORD_CHANGED,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGE_CANCELLED,
    EMAIL_CHANGED,
    CONTACT_CHANGED,
    PAPERLESS_CONSENTED,
    PAPERLESS_WITHDRAWN,
    // Issue #11 part 7, audit hardening (decision 020): the chain switched to keyed hashes; a download
    // during a staff preview.
    AUDIT_CHAIN_KEYED,
    PREVIEW_DOWNLOAD,
    // Issue #11 Access, part 5 "Guessing": failed sign-ins themselves are kept off the chain (decision 017).
    LOGIN_LOCKED,
    LOGIN_LOCK_LIFTED,
    // Access, activation and password reset (issue #11)
    ACTIVATION_LINK_SENT,
    ACTIVATION_REQUESTED,
    ACCOUNT_ACTIVATED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    ACCESS_LINK_REFUSED,
    SESSION_ENDED_AFTER_PASSWORD_CHANGE,
    // Second factor (issue #11, part 6; decision 018)
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_VERIFIED,
    SECOND_FACTOR_WRONG_CODE,
    SECOND_FACTOR_RECOVERY_CODE_USED,
    SECOND_FACTOR_RESET,
    SECOND_FACTOR_TURNED_OFF,
    // Issue #12 Configure, the settings editor's service (decision 024): one row per changed field; a staff
    // preview of unsaved settings is PREVIEW_STARTED with a note.
    SETTINGS_CHANGED,
    // Issue #12 part 4: web access per loan and per customer, switched by staff with a reason (decision 025)
    LOAN_WEB_ACCESS_OFF,
    LOAN_WEB_ACCESS_ON,
    CUSTOMER_WEB_ACCESS_OFF,
    CUSTOMER_WEB_ACCESS_ON,
    // Issue #12 part 5, the audit log viewer (decision 026): reading, exporting and checking the log are on it too.
    AUDIT_LOG_VIEWED,
    AUDIT_LOG_EXPORTED,
    AUDIT_CHAIN_VERIFIED,
    // Issue #12 part 6, staff and admin users (decision 027)
    STAFF_MEMBER_INVITED,
    STAFF_MEMBER_ACTIVATED,
    STAFF_ROLE_CHANGED,
    STAFF_MEMBER_DEACTIVATED,
    STAFF_MEMBER_REACTIVATED,
    // Issue #13 Connect: what the servicing system sent (decision 030), audited with the servicer as actor
    SERVICER_CUSTOMER_CREATED,
    SERVICER_CUSTOMER_UPDATED,
    SERVICER_LOAN_CREATED,
    SERVICER_LOAN_UPDATED,
    SERVICER_BORROWERS_CHANGED,
    SERVICER_ENTRIES_POSTED,
    // Issue #13 part 3: a CSV import run of the servicing system's files, real or dry (decision 031)
    SERVICING_IMPORT_RUN,
    // Issue #13 Connect, outbound webhooks (decision 029): endpoints configured by admins, deliveries given up
    // on, and an admin's retry of one
    WEBHOOK_ENDPOINT_ADDED,
    WEBHOOK_ENDPOINT_DEACTIVATED,
    WEBHOOK_DEAD_LETTERED,
    WEBHOOK_RETRIED,
    // Issue #13 Connect, the inbound API's clients (decision 028): issued and revoked by admins; a request refused
    // for a known client (wrong or ended key: 401; a read-only key on a write: 403).
    API_CLIENT_ISSUED,
    API_CLIENT_REVOKED,
    API_REQUEST_UNAUTHENTICATED,
    API_REQUEST_FORBIDDEN,
    // Issue #13 Connect, reconciliation (decision 032): a run, and a loan's balance put under review or released
    RECONCILIATION_RUN,
    BALANCE_REVIEW_STARTED,
    BALANCE_REVIEW_ENDED,
    // Issue #13 Connect, loan products (decision 034): defined by the servicing system, the import or an admin
    LOAN_PRODUCT_CREATED,
    LOAN_PRODUCT_UPDATED
}
