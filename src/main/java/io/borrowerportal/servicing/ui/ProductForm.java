package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.account.LoanProductSummary;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.servicing.ProductUpsert;

import java.util.Map;

/**
 * Add a loan product, or change the one chosen in the list (admins only). The limits are the domain's constants;
 * the service checks everything again and each of its refusals is shown beside the field it names. While loans are
 * booked on the product, what they read from it is shown but cannot be edited (decision 034).
 */
class ProductForm extends Composite<FormLayout> {

    private final H2 title = new H2();
    private final TextField code = new TextField("Code");
    private final TextField name = new TextField("Name");
    private final BigDecimalField rate = new BigDecimalField("Default annual rate");
    private final IntegerField payments = new IntegerField("Default number of payments");
    private final Select<PaymentFrequency> frequency = new Select<>();
    private final Select<DayCount> dayCount = new Select<>();
    private final Checkbox collateralized = new Checkbox("Secured by collateral (its loans have the Insurance tab)");
    private final Paragraph fixedNote = new Paragraph();
    private final Button save = new Button("Add product");
    private final Button cancel = new Button("New product");
    private final Map<String, HasValidation> fields = Map.of("code", code, "name", name, "defaultAnnualRatePercent",
            rate, "defaultNumberOfPayments", payments, "paymentFrequency", frequency, "dayCount", dayCount);
    /** The product as it was read for editing; null while adding one. */
    private LoanProductSummary editing;

    ProductForm(Runnable onSave) {
        FormLayout form = getContent();
        form.setId("product-form");
        form.addClassName("staff-invite-form");
        title.setId("product-form-title");
        code.setId("product-code");
        code.setMaxLength(ProductDefinition.MAX_CODE);
        code.setPlaceholder("e.g. AUTO");
        code.setHelperText("How loans name it; capital letters, digits, dashes. It never changes.");
        name.setId("product-name");
        name.setMaxLength(ProductDefinition.MAX_NAME);
        name.setPlaceholder("e.g. Auto loan");
        rate.setId("product-rate");
        rate.setSuffixComponent(new Div("%"));
        rate.setHelperText("For new loans; each loan keeps the rate it was booked with.");
        payments.setId("product-payments");
        payments.setMin(1);
        payments.setMax(LoanTerms.MAX_PAYMENTS);
        frequency.setId("product-frequency");
        frequency.setLabel("Payments");
        frequency.setItems(PaymentFrequency.values());
        frequency.setItemLabelGenerator(ProductsView::frequencyLabel);
        dayCount.setId("product-day-count");
        dayCount.setLabel("Interest");
        dayCount.setItems(DayCount.values());
        dayCount.setItemLabelGenerator(ProductsView::dayCountLabel);
        collateralized.setId("product-collateralized");
        fixedNote.setId("product-fixed-note");
        fixedNote.addClassName("field-hint");
        for (HasValidation field : fields.values()) {
            field.setManualValidation(true);
        }
        save.setId("product-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> onSave.run());
        cancel.setId("product-new");
        cancel.addClickListener(click -> add());
        Div buttons = new Div(save, cancel);
        buttons.addClassName("staff-user-actions");
        form.add(title, 2);
        form.add(code, name, rate, payments, frequency, dayCount);
        form.add(collateralized, 2);
        form.add(fixedNote, 2);
        form.add(buttons, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add();
    }

    /** An empty form for a new product. */
    void add() {
        editing = null;
        clearErrors();
        title.setText("Add a product");
        code.clear();
        code.setReadOnly(false);
        name.clear();
        rate.clear();
        payments.clear();
        frequency.setValue(PaymentFrequency.MONTHLY);
        dayCount.setValue(DayCount.THIRTY_360);
        collateralized.setValue(false);
        fixed(false);
        save.setText("Add product");
        cancel.setVisible(false);
    }

    /** The product, to change it. */
    void edit(LoanProductSummary product) {
        editing = product;
        clearErrors();
        title.setText("Change " + product.code());
        code.setValue(product.code());
        code.setReadOnly(true);
        name.setValue(product.name());
        rate.setValue(product.defaultAnnualRatePercent());
        payments.setValue(product.defaultNumberOfPayments());
        frequency.setValue(product.paymentFrequency());
        dayCount.setValue(product.dayCount());
        collateralized.setValue(product.collateralized());
        fixed(product.inUse());
        fixedNote.setText(product.inUse() ? ProductsView.loans(product.loansBooked()) + " booked on it. Loans compute "
                + "their figures with its payments, interest and collateral, so these stay as they are; a product with "
                + "a new code takes other terms." : "");
        save.setText("Save changes");
        cancel.setVisible(true);
    }

    private void fixed(boolean inUse) {
        frequency.setReadOnly(inUse);
        dayCount.setReadOnly(inUse);
        collateralized.setReadOnly(inUse);
        fixedNote.setVisible(inUse);
    }

    /** The product being changed, or null while adding one. */
    LoanProductSummary editing() {
        return editing;
    }

    ProductUpsert value() {
        return new ProductUpsert(code.getValue(), name.getValue(), rate.getValue(), payments.getValue(),
                frequency.getValue(), dayCount.getValue(), collateralized.getValue());
    }

    /** Shows the service's problem beside its field; false when the form has no field of that name. */
    boolean showProblem(String field, String message) {
        HasValidation target = fields.get(field);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }

    void clearErrors() {
        for (HasValidation field : fields.values()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }
}
