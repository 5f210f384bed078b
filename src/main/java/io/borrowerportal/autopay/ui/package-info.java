/** Customer website pages for AutoPay: the AutoPay tab, the "Schedule AutoPay" wizard and its Summary alert. */
package io.borrowerportal.autopay.ui;
