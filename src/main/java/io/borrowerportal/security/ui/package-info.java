/**
 * The sign-in page (server-rendered HTML, no Vaadin client: decision 043), the second-factor pages, and the Vaadin glue
 * of sign-in and staff preview.
 */
package io.borrowerportal.security.ui;
