/**
 * Customer website pages for paying loans and keeping payment profiles. Its "ui" interface is
 * {@link io.borrowerportal.payment.ui.NewProfileDialogs}: other features' pages open the same profile dialogs.
 */
@NamedInterface("ui")
package io.borrowerportal.payment.ui;

import org.springframework.modulith.NamedInterface;
