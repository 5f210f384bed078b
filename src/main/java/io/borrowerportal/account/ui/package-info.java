/**
 * The customer website's account pages: Accounts, and each account's dashboard frame with its Summary and
 * Transactions tabs. The frame ({@link io.borrowerportal.account.ui.AccountPage},
 * {@link io.borrowerportal.account.ui.AccountTabView}) is this module's "ui" interface, so other features
 * (payments) add their tabs to the same dashboard without this package knowing them.
 */
@NamedInterface("ui")
package io.borrowerportal.account.ui;

import org.springframework.modulith.NamedInterface;
