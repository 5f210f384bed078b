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
    PREFERENCE_CHANGED
}
