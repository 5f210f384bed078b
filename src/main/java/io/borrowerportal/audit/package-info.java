/**
 * The audit log: who did what, for which customer and account, when. Rows form a hash chain so that
 * an edited or deleted row is detectable ({@link io.borrowerportal.audit.AuditService#verifyChain()}).
 */
package io.borrowerportal.audit;
