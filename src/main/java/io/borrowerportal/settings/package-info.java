/**
 * The lender's customer website settings: branding, which Summary fields and sections customers see,
 * and the limits later features enforce. Read on every page, so the service keeps them in memory.
 */
package io.borrowerportal.settings;
