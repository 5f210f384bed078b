package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.customer.CustomerStatus;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.Role;
import io.borrowerportal.base.ui.SessionSecurityContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** Staff land here: find a customer by name, email or loan number and view the website as them. */
@Route(value = "staff", layout = StaffLayout.class)
@Menu(title = "Customers", order = 10)
@PageTitle("Staff console")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class StaffHomeView extends Div {

    private final CustomerSearch customerSearch;
    private final Grid<CustomerMatch> results = new Grid<>();
    private final TextField search = new TextField("Find a customer");
    private final Paragraph noMatches = new Paragraph();

    StaffHomeView(CustomerSearch customerSearch, PreviewService previewService) {
        this.customerSearch = customerSearch;
        addClassName("staff-home");
        Anchor paymentsOperations = new Anchor("staff/payments", "Payments operations");
        paymentsOperations.setId("payments-operations-link");
        Anchor insuranceReviews = new Anchor("staff/insurance", "Insurance reviews");
        insuranceReviews.setId("insurance-reviews-link");
        Div tools = new Div(paymentsOperations, insuranceReviews);
        tools.addClassName("staff-tools");
        add(tools);
        add(new H1("Customers"));
        add(new Paragraph("Search by name, email or loan number. \"View as customer\" opens their website read-only; "
                + "the preview and every page you open are recorded in the audit log."));

        search.setPlaceholder("Name, email or loan number");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("customer-search");
        search.setWidthFull();
        search.setMaxWidth("32rem");
        search.addValueChangeListener(change -> refresh());
        add(search);

        results.setId("customers");
        results.addComponentColumn(m -> {
            Anchor page = new Anchor(StaffCustomerView.linkTo(m.customer().id()), m.customer().name());
            page.setId("customer-" + m.customer().id());
            return page;
        }).setHeader("Name").setAutoWidth(true);
        // The action sits next to the name so it stays on screen when the grid scrolls sideways on a phone.
        results.addComponentColumn(match -> {
            CustomerSummary c = match.customer();
            Button view = new Button("View as customer", click -> {
                previewService.start(c.id(), SessionSecurityContext.saver());
                // A full page load so the customer website is built under the preview sign-in.
                UI.getCurrent().getPage().setLocation("accounts");
            });
            view.addThemeVariants(ButtonVariant.LUMO_SMALL);
            view.setId("preview-" + c.id());
            view.getElement().setAttribute("aria-label", "View as customer: " + c.name());
            return view;
        }).setHeader("Preview").setAutoWidth(true).setFlexGrow(0);
        results.addColumn(m -> m.customer().email()).setHeader("Email").setAutoWidth(true);
        // Each loan opens its documents on the staff console.
        results.addComponentColumn(StaffHomeView::loanLinks).setHeader("Loans").setAutoWidth(true);
        results.addColumn(m -> statusLabel(m.customer().status())).setHeader("Status").setAutoWidth(true);
        results.setAllRowsVisible(true);
        noMatches.setId("no-matches");
        add(results, noMatches);
        refresh();
    }

    private static Div loanLinks(CustomerMatch match) {
        Div links = new Div();
        links.addClassName("staff-loans");
        for (String loanNumber : match.loanNumbers()) {
            Anchor documents = new Anchor(StaffDocumentNavigation.loanDocuments(loanNumber), loanNumber);
            documents.setId("loan-documents-" + loanNumber);
            documents.getElement().setAttribute("title", "Documents on " + loanNumber);
            links.add(documents);
        }
        return links;
    }

    private static String statusLabel(CustomerStatus status) {
        return switch (status) {
            case INVITED -> "Invited";
            case ACTIVE -> "Active";
            case LOCKED -> "Locked";
        };
    }

    private void refresh() {
        List<CustomerMatch> matches = customerSearch.search(search.getValue());
        results.setItems(matches);
        results.setVisible(!matches.isEmpty());
        noMatches.setVisible(matches.isEmpty());
        noMatches.setText(search.getValue().isBlank() ? "No customers yet."
                : "No customer matches \"" + search.getValue().trim() + "\". Try part of a name, an email or a loan number.");
    }
}
