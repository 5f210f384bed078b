package io.borrowerportal.outbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.PageMessage;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.Dates;
import io.borrowerportal.outbox.AddedWebhookEndpoint;
import io.borrowerportal.outbox.DeadLetter;
import io.borrowerportal.outbox.WebhookEndpointSummary;
import io.borrowerportal.outbox.WebhookNavigation;
import io.borrowerportal.outbox.WebhookRefusedException;
import io.borrowerportal.outbox.Webhooks;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /staff/webhooks}, admins only (decision 029): the servicing system's webhook endpoints (add one, its
 * signing secret shown here once; deactivate one) and the deliveries given up on, each with a Retry. The rules
 * (http(s) only, no private addresses, who may) are the service's; this page shows its refusals. Cards, not a
 * grid, so the page reads on a phone.
 */
@Route(value = WebhookNavigation.WEBHOOKS, layout = StaffLayout.class)
@Menu(title = "Webhooks", order = 85)
@PageTitle("Webhooks")
@RolesAllowed(Role.ADMIN)
class WebhooksView extends Div {

    private final Webhooks webhooks;
    private final Clock clock;
    private final PageMessage message = new PageMessage("webhooks-message");
    private final Div secretBox = new Div();
    private final Div endpoints = new Div();
    private final Div letters = new Div();
    private final TextField url = new TextField("Address (https://…)");
    private final TextField description = new TextField("What receives it");

    WebhooksView(Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
        addClassName("webhooks");
        secretBox.setId("webhook-secret");
        secretBox.setVisible(false);
        secretBox.addClassName("webhook-secret");
        endpoints.setId("webhook-endpoints");
        endpoints.addClassName("webhook-list");
        letters.setId("webhook-dead-letters");
        letters.addClassName("webhook-list");
        add(new H1("Webhooks"), new Paragraph("The servicing system can receive every payment, AutoPay, payment method,"
                        + " insurance, document and contact change as a signed POST. Each endpoint gets the events in"
                        + " order; one it does not take after its retries waits below under Dead letters."),
                message, secretBox, form(), new H2("Endpoints"), endpoints, new H2("Dead letters"), letters);
        refresh();
    }

    private Component form() {
        Div form = new Div();
        form.addClassName("webhook-form");
        url.setId("webhook-url");
        url.setWidthFull();
        url.setMaxLength(2000);
        description.setId("webhook-description");
        description.setWidthFull();
        description.setMaxLength(200);
        Button add = new Button("Add endpoint", click -> add());
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(new H2("Add an endpoint"), url, description, add);
        return form;
    }

    private void add() {
        url.setInvalid(false);
        description.setInvalid(false);
        try {
            AddedWebhookEndpoint added = webhooks.add(url.getValue(), description.getValue());
            url.clear();
            description.clear();
            showSecret(added);
            message.show(false, "Endpoint added. It receives the events recorded from now on.");
        } catch (WebhookRefusedException refused) {
            TextField field = "description".equals(refused.field()) ? description : url;
            field.setErrorMessage(refused.getMessage());
            field.setInvalid(true);
        }
        refresh();
    }

    private void showSecret(AddedWebhookEndpoint added) {
        secretBox.removeAll();
        TextField secret = new TextField("Signing secret of " + added.endpoint().url());
        secret.setId("webhook-secret-value");
        secret.setValue(added.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button done = new Button("I have copied it", click -> {
            secretBox.removeAll();
            secretBox.setVisible(false);
        });
        done.setId("webhook-secret-done");
        secretBox.add(new Paragraph("Copy this secret into the receiving system now: it is shown only this once."
                + " The receiver checks Portal-Signature, v1= and the hex HMAC-SHA256 of Portal-Timestamp, a dot"
                + " and the body, keyed with it."), secret, done);
        secretBox.setVisible(true);
    }

    private void refresh() {
        endpoints.removeAll();
        List<WebhookEndpointSummary> all = webhooks.endpoints();
        if (all.isEmpty()) {
            endpoints.add(new Paragraph("No endpoints yet."));
        }
        all.forEach(endpoint -> endpoints.add(card(endpoint)));
        letters.removeAll();
        List<DeadLetter> dead = webhooks.deadLetters();
        if (dead.isEmpty()) {
            letters.add(new Paragraph("No dead letters: every endpoint took every event, or is still retrying."));
        }
        dead.forEach(letter -> letters.add(card(letter)));
    }

    private Component card(WebhookEndpointSummary endpoint) {
        Div card = new Div();
        card.addClassName("webhook-card");
        card.setId("webhook-endpoint-" + endpoint.id());
        Div who = new Div(new Span(endpoint.description()), new Span(endpoint.url()));
        who.addClassName("webhook-who");
        Div facts = new Div();
        facts.addClassName("webhook-facts");
        Span status = new Span(endpoint.active() ? "Active" : "Inactive");
        status.addClassNames("badge", endpoint.active() ? "badge-active" : "badge-deactivated");
        facts.add(status, new Span("Last event taken: " + endpoint.lastSequence()),
                new Span("Added " + when(endpoint.createdAt()) + " by " + endpoint.createdBy()));
        if (endpoint.attempts() > 0) {
            Span failing = new Span("Failing: " + endpoint.attempts() + " attempts, " + endpoint.lastError()
                    + "; next try " + when(endpoint.nextAttemptAt()));
            failing.addClassName("webhook-error");
            facts.add(failing);
        }
        card.add(who, facts);
        if (endpoint.active()) {
            Button deactivate = new Button("Deactivate", click -> confirmDeactivate(endpoint));
            deactivate.setId("webhook-deactivate-" + endpoint.id());
            deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            card.add(deactivate);
        }
        return card;
    }

    private void confirmDeactivate(WebhookEndpointSummary endpoint) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("webhook-confirm");
        dialog.setHeader("Deactivate this endpoint?");
        dialog.setText(endpoint.url() + " gets no more events. To send to it again, add it anew (with a new secret).");
        dialog.setCancelable(true);
        dialog.setConfirmText("Deactivate");
        dialog.addConfirmListener(confirmed -> {
            try {
                webhooks.deactivate(endpoint.id());
                message.show(false, endpoint.url() + " is deactivated.");
            } catch (WebhookRefusedException refused) {
                message.show(true, refused.getMessage());
            }
            refresh();
        });
        dialog.open();
    }

    private Component card(DeadLetter letter) {
        Div card = new Div();
        card.addClassName("webhook-card");
        card.setId("webhook-dead-letter-" + letter.id());
        Div who = new Div(new Span(letter.type() + " " + letter.aggregateId()), new Span(letter.endpointUrl()));
        who.addClassName("webhook-who");
        Div facts = new Div(new Span("Event " + letter.sequence() + " · " + letter.eventId()),
                new Span(letter.attempts() + " attempts"), new Span("Last error: " + letter.lastError()),
                new Span("Given up " + when(letter.deadAt())));
        facts.addClassName("webhook-facts");
        Button retry = new Button("Retry", click -> retry(letter));
        retry.setId("webhook-retry-" + letter.id());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        card.add(who, facts, retry);
        return card;
    }

    private void retry(DeadLetter letter) {
        try {
            Optional<String> failure = webhooks.retry(letter.id());
            message.show(failure.isPresent(), failure.map(f -> "The endpoint did not take it again: " + f + ".")
                    .orElse(letter.type() + " " + letter.aggregateId() + " was delivered."));
        } catch (WebhookRefusedException refused) {
            message.show(true, refused.getMessage());
        }
        refresh();
    }

    private String when(Instant at) {
        return at == null ? "never" : Dates.STAMP.format(at.atZone(clock.getZone()));
    }
}
