/**
 * Shared UI: the page layouts, error pages, formatting and small components every view uses. An open
 * module: every feature's views use its {@code ui} package.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.borrowerportal.base;

import org.springframework.modulith.ApplicationModule;
