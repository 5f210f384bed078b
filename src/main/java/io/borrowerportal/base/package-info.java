/** Shared UI: the page layouts, error pages, formatting and small components every view uses. */
package io.borrowerportal.base;
