/**
 * The account pages and the server-side pieces they render, such as the balance chart drawn as SVG
 * so no client-side chart library (and no front-end bundle) is needed.
 */
package io.borrowerportal.account.ui;
