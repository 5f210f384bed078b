package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of a customer's page in the staff console, as a Spring bean: sign-in access adds the invitation and
 * the sign-in lock, the second factor adds its recovery. The page stays unaware of the features that extend it,
 * as an account's Summary is of its {@code SummaryExtension}s.
 */
public interface StaffCustomerSection {

    /** Where the section sits on the page: lower comes first. */
    int order();

    /** The section for this customer; its heading is the section's own. Called each time the page opens. */
    Component render(long customerId);
}
