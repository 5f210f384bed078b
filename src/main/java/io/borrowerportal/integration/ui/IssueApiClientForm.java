package io.borrowerportal.integration.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.integration.ApiClientRefusedException;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.integration.ApiScope;
import io.borrowerportal.integration.IssuedApiClient;

import java.util.function.Consumer;

/**
 * Issue a client: its name, its scope and an optional last day. The limits are the service's constants; the service
 * checks everything again and its refusal is shown beside the field it names.
 */
class IssueApiClientForm extends Composite<FormLayout> {

    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<ApiScope> scope = new RadioButtonGroup<>("Scope");
    private final DatePicker expires = new DatePicker("Last day (optional)");
    private final Button issue = new Button("Issue key");

    IssueApiClientForm(ApiClients apiClients, Consumer<IssuedApiClient> issued) {
        FormLayout form = getContent();
        form.setId("issue-form");
        form.addClassName("staff-invite-form");
        name.setId("issue-name");
        name.setMaxLength(ApiClients.MAX_NAME);
        name.setPlaceholder("e.g. LoanPro production");
        scope.setId("issue-scope");
        scope.setItems(ApiScope.values());
        scope.setItemLabelGenerator(s -> s == ApiScope.WRITE ? "Read and write: upserts and ledger entries"
                : "Read only: figures and events");
        scope.setValue(ApiScope.READ);
        expires.setId("issue-expires");
        expires.setHelperText("Empty: the key works until it is revoked.");
        name.setManualValidation(true);
        expires.setManualValidation(true);
        issue.setId("issue-send");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickListener(click -> {
            clearErrors();
            try {
                IssuedApiClient client = apiClients.issue(name.getValue(), scope.getValue(), expires.getValue());
                name.clear();
                expires.clear();
                scope.setValue(ApiScope.READ);
                issued.accept(client);
            } catch (ApiClientRefusedException refused) {
                HasValidation field = ApiClients.EXPIRES.equals(refused.field()) ? expires : name;
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
        });
        form.add(new H2("Issue a key"), 2);
        form.add(name, expires);
        form.add(scope, 2);
        form.add(issue);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {name, expires}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }
}
