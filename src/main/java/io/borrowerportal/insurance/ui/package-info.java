/**
 * The Insurance tab, the Summary's insurance alerts and the staff review queue. Views call the insurance
 * services and hold no rules: the form checks each field with {@link io.borrowerportal.insurance.InsuranceFields},
 * the rule the service applies again.
 */
package io.borrowerportal.insurance.ui;
