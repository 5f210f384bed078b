package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.insurance.InsuranceFields;
import io.borrowerportal.insurance.PolicyDetails;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The policy's fields, bound to {@link PolicyDetails} by a {@link Binder}. Each field shows the rule the
 * service applies ({@link InsuranceFields}) as the customer leaves it and again on Save; the service's own
 * refusal is shown beside the field it names with {@link #show(Map)}.
 */
class InsuranceForm extends Composite<FormLayout> {

    final TextField insuranceCompany = new TextField("Insurance company");
    final TextField insuredName = new TextField("Insured name");
    final TextField agentName = new TextField("Agent name (optional)");
    final TextField policyNumber = new TextField("Policy number");
    final TextField phone = new TextField("Phone");
    final BigDecimalField deductible = new BigDecimalField("Deductible");
    final DatePicker coverageStart = new DatePicker("Coverage start");
    final DatePicker coverageEnd = new DatePicker("Coverage end");

    private final Binder<PolicyDetails> binder = new Binder<>(PolicyDetails.class);

    InsuranceForm(LocalDate today) {
        insuranceCompany.setId("insurance-company");
        insuranceCompany.setMaxLength(InsuranceFields.COMPANY_MAX);
        insuranceCompany.setRequired(true);
        insuredName.setId("insurance-insured-name");
        insuredName.setMaxLength(InsuranceFields.INSURED_NAME_MAX);
        insuredName.setRequired(true);
        insuredName.setHelperText("The person or business named on the policy");
        agentName.setId("insurance-agent-name");
        agentName.setMaxLength(InsuranceFields.AGENT_NAME_MAX);
        policyNumber.setId("insurance-policy-number");
        policyNumber.setMaxLength(InsuranceFields.POLICY_NUMBER_MAX);
        policyNumber.setRequired(true);
        phone.setId("insurance-phone");
        phone.setMaxLength(InsuranceFields.PHONE_MAX);
        phone.setRequired(true);
        phone.setHelperText("Your agent's or the insurer's, like (555) 123-4567");
        phone.getElement().setAttribute("inputmode", "tel");
        deductible.setId("insurance-deductible");
        deductible.setPrefixComponent(new Span("$"));
        deductible.setRequiredIndicatorVisible(true);
        coverageStart.setId("insurance-coverage-start");
        coverageStart.setRequired(true);
        coverageEnd.setId("insurance-coverage-end");
        coverageEnd.setRequired(true);
        coverageEnd.setMin(today);

        bind(insuranceCompany, "insuranceCompany", InsuranceFields::insuranceCompany);
        bind(insuredName, "insuredName", InsuranceFields::insuredName);
        bind(agentName, "agentName", InsuranceFields::agentName);
        bind(policyNumber, "policyNumber", InsuranceFields::policyNumber);
        bind(phone, "phone", InsuranceFields::phone);
        bind(deductible, "deductible", InsuranceFields::deductible);
        bind(coverageStart, "coverageStart", start -> InsuranceFields.coverageStart(start, today));
        bind(coverageEnd, "coverageEnd", end -> InsuranceFields.coverageEnd(coverageStart.getValue(), end, today));
        coverageStart.addValueChangeListener(change -> {
            if (coverageEnd.getValue() != null) {
                binder.getBinding("coverageEnd").ifPresent(Binder.Binding::validate);
            }
        });

        FormLayout layout = getContent();
        layout.setId("insurance-form");
        layout.add(insuranceCompany, insuredName, agentName, policyNumber, phone, deductible, coverageStart, coverageEnd);
    }

    /** Fills the form with a policy (the one on file, to update it). */
    void read(PolicyDetails policy) {
        binder.readRecord(policy);
    }

    /** The policy as typed, or empty (each problem shown beside its field, the first focused). */
    Optional<PolicyDetails> write() {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException invalid) {
            invalid.getFieldValidationErrors().stream().findFirst().map(BindingValidationStatus::getField)
                    .ifPresent(InsuranceForm::focus);
            return Optional.empty();
        }
    }

    /**
     * Shows the service's messages beside the fields they name; the first is focused.
     *
     * @return the messages that name no field of this form
     */
    Map<String, String> show(Map<String, String> problems) {
        Map<String, String> elsewhere = new java.util.LinkedHashMap<>();
        boolean focused = false;
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            HasValue<?, ?> field = binder.getBinding(problem.getKey()).map(Binder.Binding::getField).orElse(null);
            if (field instanceof HasValidation validated) {
                Fields.check(validated, Optional.of(problem.getValue()));
                if (!focused) {
                    focus(field);
                    focused = true;
                }
            } else {
                elsewhere.put(problem.getKey(), problem.getValue());
            }
        }
        return elsewhere;
    }

    private <V, F extends HasValue<?, V> & HasValidation> void bind(F field, String property,
                                                                    Function<V, Optional<String>> rule) {
        // Field state comes from these rules, not from the web component's own constraints.
        field.setManualValidation(true);
        binder.forField(field)
                .withValidator((value, context) -> rule.apply(value).map(ValidationResult::error)
                        .orElseGet(ValidationResult::ok))
                .bind(property);
    }

    private static void focus(Object field) {
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
