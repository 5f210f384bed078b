/**
 * Customer website pages for paying loans and keeping payment profiles. Its "ui" interface is
 * {@link io.borrowerportal.paymentprofile.ui.ProfilePicker}: other features' pages choose a payment method, or add one in
 * the same dialogs, as Make a Payment does.
 */
@NamedInterface("ui")
package io.borrowerportal.payment.ui;

import org.springframework.modulith.NamedInterface;
