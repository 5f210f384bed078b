package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.LoanProductSummary;
import io.borrowerportal.account.ProductInUseException;
import io.borrowerportal.base.ui.CardFacts;
import io.borrowerportal.base.ui.PageMessage;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.servicing.ProductUpsert;
import io.borrowerportal.servicing.ServicingProducts;
import io.borrowerportal.servicing.ServicingRefusedException;
import io.borrowerportal.servicing.UpsertResult;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /staff/products}: the lender's loan products, which every loan names (decision 034). Admins add a product
 * and change one's name and defaults, and its payments, interest and collateral while no loan is booked on it; staff
 * read the same list. The servicing system defines products too (API, products.csv); the rules are all
 * {@link ServicingProducts}'s, and this page shows its refusals beside the fields they name.
 */
@Route(value = ProductsView.ROUTE, layout = StaffLayout.class)
@Menu(title = "Loan products", order = 65)
@PageTitle("Loan products")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class ProductsView extends Div {

    static final String ROUTE = "staff/products";

    private final ServicingProducts products;
    private final boolean admin;
    private final PageMessage message = new PageMessage("products-message");
    private final Div list = new Div();
    private final ProductForm form;

    ProductsView(ServicingProducts products, CurrentUser currentUser) {
        this.products = products;
        this.admin = currentUser.actor().map(user -> Role.ADMIN.equals(user.role())).orElse(false);
        this.form = new ProductForm(this::save);
        addClassName("staff-users");
        list.setId("products");
        list.addClassName("staff-user-list");
        add(new H1("Loan products"), new Paragraph("Every loan is booked on a product: it fixes how often payments fall "
                + "due, how interest accrues and whether collateral secures the loan, and gives the loan its name. The "
                + "servicing system sends its products with its loans; a product's rate and number of payments are "
                + "defaults, and each loan keeps the terms it was booked with."), message);
        if (admin) {
            add(form);
        } else {
            Paragraph readOnly = new Paragraph("Only an administrator can add or change products.");
            readOnly.setId("products-read-only");
            readOnly.addClassNames("alert", "alert-info");
            add(readOnly);
        }
        add(new H2("Products"), list);
        refresh();
    }

    private void save() {
        form.clearErrors();
        ProductUpsert value = form.value();
        LoanProductSummary editing = form.editing();
        try {
            UpsertResult result = editing == null ? products.add(value) : products.change(value, editing.version());
            message.show(false, switch (result.outcome()) {
                case CREATED -> "Added " + result.key() + ".";
                case UPDATED -> "Saved " + result.key() + ": " + String.join(", ", labels(result.changed())) + ".";
                case UNCHANGED -> "Nothing to save: " + result.key() + " is as it was.";
            });
            form.add();
        } catch (ServicingRefusedException refused) {
            List<String> elsewhere = new ArrayList<>();
            refused.problems().forEach(p -> {
                if (!form.showProblem(p.field(), p.message())) {
                    elsewhere.add(p.message());
                }
            });
            message.show(true, elsewhere.isEmpty() ? "Nothing was saved: the fields marked say why."
                    : "Nothing was saved. " + String.join(" ", elsewhere));
        } catch (ProductInUseException inUse) {
            inUse.problems().forEach(form::showProblem);
            message.show(true, "Nothing was saved. " + String.join(" ", inUse.problems().values()));
            refresh();
            products.products().stream().filter(p -> p.code().equals(editing == null ? value.code() : editing.code()))
                    .findFirst().ifPresent(now -> {
                        form.edit(now);
                        inUse.problems().forEach(form::showProblem);
                    });
            return;
        } catch (OptimisticLockingFailureException stale) {
            message.show(true, "Nothing was saved: " + editing.code() + " was changed (by the servicing system or "
                    + "another admin) since you opened it. The list shows it as it is now; open it again to change it.");
            form.add();
        }
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<LoanProductSummary> all = products.products();
        if (all.isEmpty()) {
            Paragraph none = new Paragraph("No loan products yet. Loans can be sent only for a product the portal has.");
            none.setId("products-none");
            list.add(none);
        }
        all.forEach(product -> list.add(card(product)));
    }

    private Component card(LoanProductSummary product) {
        String id = product.code();
        Div card = new Div();
        card.addClassName("staff-user");
        card.setId("product-" + id);

        Div who = new Div();
        who.addClassName("staff-user-who");
        Span name = new Span(product.name());
        name.addClassName("staff-user-name");
        name.setId("name-" + id);
        Span code = new Span(product.code());
        code.addClassName("staff-user-email");
        who.add(name, code);

        Div facts = new Div();
        facts.addClassName("staff-user-facts");
        facts.add(CardFacts.badge(product.inUse() ? "In use" : "No loans", product.inUse() ? "badge-active"
                        : "badge-deactivated", "use-" + id),
                CardFacts.fact("Loans", String.valueOf(product.loansBooked()), "loans-" + id),
                CardFacts.fact("Default rate", product.defaultAnnualRatePercent().stripTrailingZeros().toPlainString()
                        + " %", "rate-" + id),
                CardFacts.fact("Default term", product.defaultNumberOfPayments() + " payments", "term-" + id),
                CardFacts.fact("Payments", frequencyLabel(product.paymentFrequency()), "frequency-" + id),
                CardFacts.fact("Interest", dayCountLabel(product.dayCount()), "day-count-" + id),
                CardFacts.fact("Collateral", product.collateralized() ? "yes" : "no", "collateral-" + id));
        card.add(who, facts);
        if (admin) {
            Button edit = new Button("Change", click -> {
                message.setVisible(false);
                form.edit(product);
                form.scrollIntoView();
            });
            edit.setId("edit-" + id);
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", "Change " + product.name() + " (" + product.code() + ")");
            Div actions = new Div(edit);
            actions.addClassName("staff-user-actions");
            card.add(actions);
        }
        return card;
    }

    static String frequencyLabel(PaymentFrequency frequency) {
        return switch (frequency) {
            case MONTHLY -> "Monthly";
        };
    }

    static String dayCountLabel(DayCount dayCount) {
        return switch (dayCount) {
            case THIRTY_360 -> "30/360";
            case ACTUAL_365 -> "Actual/365";
        };
    }

    static String loans(long count) {
        return count + (count == 1 ? " loan is" : " loans are");
    }

    private static List<String> labels(List<String> fields) {
        return fields.stream().map(field -> switch (field) {
            case "defaultAnnualRatePercent" -> "default rate";
            case "defaultNumberOfPayments" -> "default term";
            case "paymentFrequency" -> "payments";
            case "dayCount" -> "interest";
            case "collateralized" -> "collateral";
            default -> field;
        }).toList();
    }
}
