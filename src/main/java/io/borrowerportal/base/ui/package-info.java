/** Layouts, error pages and shared components. */
package io.borrowerportal.base.ui;
