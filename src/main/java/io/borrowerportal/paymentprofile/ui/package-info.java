/**
 * The Payment methods page and the dialogs that add or change a card or a bank account. Its "ui" interface is
 * {@link io.borrowerportal.paymentprofile.ui.ProfilePicker}: other features' pages (Make a Payment, the AutoPay
 * wizard) choose a saved method with it, or add one in the same dialogs.
 */
@NamedInterface("ui")
package io.borrowerportal.paymentprofile.ui;

import org.springframework.modulith.NamedInterface;
