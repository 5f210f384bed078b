/**
 * Customer views that other pages embed: the sign-in lock section of a customer's page in the staff console.
 */
package io.borrowerportal.customer.ui;
