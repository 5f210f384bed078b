/**
 * Insurance on a loan's collateral: the policy the customer keeps on file (each submission a new version,
 * never rewritten), staff review of each submission, the alerts on the Summary with one email per alert event,
 * and proof of insurance filed in Documents. See docs/decisions/014-insurance-tracking.md.
 */
package io.borrowerportal.insurance;
