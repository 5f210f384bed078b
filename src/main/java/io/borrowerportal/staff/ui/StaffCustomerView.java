package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.SessionSecurityContext;
import io.borrowerportal.base.ui.StaffCustomerSection;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.Role;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;

/**
 * One customer on the staff console: who they are, their loans, and what other features add (sign-in access,
 * second factor). {@code /staff/customers/{id}}; an unknown id is not found.
 */
@Route(value = "staff/customers", layout = StaffLayout.class)
@PageTitle("Customer")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class StaffCustomerView extends Div implements BeforeEnterObserver, HasUrlParameter<Long> {

    static final String ROUTE = "staff/customers/";

    private final CustomerSearch customerSearch;
    private final PreviewService previewService;
    private final List<StaffCustomerSection> sections;
    private long customerId;

    StaffCustomerView(CustomerSearch customerSearch, PreviewService previewService, List<StaffCustomerSection> sections) {
        this.customerSearch = customerSearch;
        this.previewService = previewService;
        this.sections = sections.stream().sorted(Comparator.comparingInt(StaffCustomerSection::order)).toList();
        addClassName("staff-customer");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        customerId = id == null ? -1 : id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CustomerMatch match = customerSearch.find(customerId).orElseThrow(NotFoundException::new);
        removeAll();
        CustomerSummary customer = match.customer();
        add(new Anchor("staff", "← All customers"));
        H1 name = new H1(customer.name());
        name.setId("customer-name");
        add(name);
        Paragraph email = new Paragraph(customer.email());
        email.setId("customer-email");
        add(email);
        Div loans = new Div();
        loans.addClassName("staff-loans");
        for (String loanNumber : match.loanNumbers()) {
            Anchor documents = new Anchor(StaffDocumentNavigation.loanDocuments(loanNumber), "Documents on " + loanNumber);
            documents.setId("loan-documents-" + loanNumber);
            loans.add(documents);
        }
        add(loans);
        Button view = new Button("View as customer", click -> {
            previewService.start(customer.id(), SessionSecurityContext.saver());
            UI.getCurrent().getPage().setLocation("accounts");
        });
        view.setId("preview-" + customer.id());
        add(view);
        for (StaffCustomerSection section : sections) {
            Div box = new Div(section.render(customer.id()));
            box.addClassName("staff-customer-section");
            add(box);
        }
    }

    static String linkTo(long customerId) {
        return ROUTE + customerId;
    }
}
