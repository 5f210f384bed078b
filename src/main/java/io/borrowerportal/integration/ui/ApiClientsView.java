package io.borrowerportal.integration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.CardFacts;
import io.borrowerportal.base.ui.PageMessage;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.Dates;
import io.borrowerportal.integration.ApiClientRefusedException;
import io.borrowerportal.integration.ApiClientStatus;
import io.borrowerportal.integration.ApiClientSummary;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.integration.ApiScope;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /staff/api-clients}, admins only (decision 028): issue a key to the lender's servicing system (shown once, in
 * {@link ApiKeyDialog}), see every client with its scope, status, who issued it and when it was last used, and revoke
 * one. The rules (admins only, no staff preview, the name and expiry) are {@link ApiClients}'s; this page shows its
 * refusals. No key or hash is ever listed.
 */
@Route(value = ApiClientsView.ROUTE, layout = StaffLayout.class)
@Menu(title = "API clients", order = 80)
@PageTitle("API clients")
@RolesAllowed(Role.ADMIN)
class ApiClientsView extends Div {

    static final String ROUTE = "staff/api-clients";

    private final ApiClients apiClients;
    private final Clock clock;
    private final PageMessage message = new PageMessage("api-clients-message");
    private final Div list = new Div();

    ApiClientsView(ApiClients apiClients, Clock clock) {
        this.apiClients = apiClients;
        this.clock = clock;
        addClassName("staff-users");
        list.setId("api-clients");
        list.addClassName("staff-user-list");
        IssueApiClientForm form = new IssueApiClientForm(apiClients, issued -> {
            new ApiKeyDialog(issued).open();
            message.show(false, "Issued " + issued.client().name() + ". Its key was shown once; it cannot be shown again.");
            refresh();
        });
        add(new H1("API clients"), new Paragraph("Keys for the lender's servicing system to call the portal's API"
                        + " (/api/v1). A key is shown once, when it is issued; the portal keeps only a hash of it. A lost"
                        + " key is replaced by revoking its client and issuing a new one."),
                message, form, new H2("Clients"), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<ApiClientSummary> clients = apiClients.clients();
        if (clients.isEmpty()) {
            Paragraph none = new Paragraph("No API clients yet.");
            none.setId("api-clients-none");
            list.add(none);
        }
        clients.forEach(client -> list.add(card(client)));
    }

    private Component card(ApiClientSummary client) {
        Div card = new Div();
        card.addClassName("staff-user");
        card.setId("api-client-" + client.id());

        Div who = new Div();
        who.addClassName("staff-user-who");
        Span name = new Span(client.name());
        name.addClassName("staff-user-name");
        Span prefix = new Span(client.keyPrefix() + "…");
        prefix.addClassName("staff-user-email");
        who.add(name, prefix);

        Div facts = new Div();
        facts.addClassName("staff-user-facts");
        facts.add(CardFacts.badge(client.scope().label(), client.scope() == ApiScope.WRITE ? "badge-admin" : "badge-staff",
                        "scope-" + client.id()),
                CardFacts.badge(client.status().label(), switch (client.status()) {
                    case ACTIVE -> "badge-active";
                    case EXPIRED -> "badge-invited";
                    case REVOKED -> "badge-deactivated";
                }, "status-" + client.id()),
                CardFacts.fact("Issued", client.createdBy() + ", " + when(client.createdAt()), "issued-" + client.id()),
                CardFacts.fact("Expires", client.expiresAt() == null ? "never" : when(client.expiresAt()), "expires-" + client.id()),
                CardFacts.fact("Last used", when(client.lastUsedAt()), "last-used-" + client.id()));
        if (client.revokedAt() != null) {
            facts.add(CardFacts.fact("Revoked", client.revokedBy() + ", " + when(client.revokedAt()), "revoked-" + client.id()));
        }
        card.add(who, facts);
        if (client.status() != ApiClientStatus.REVOKED) {
            Button revoke = new Button("Revoke", click -> confirmRevoke(client));
            revoke.setId("revoke-" + client.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Div actions = new Div(revoke);
            actions.addClassName("staff-user-actions");
            card.add(actions);
        }
        return card;
    }

    private void confirmRevoke(ApiClientSummary client) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("api-client-confirm");
        dialog.setHeader("Revoke " + client.name() + "?");
        dialog.setText("Its key stops working at once, on every node, and cannot be brought back. The servicing system"
                + " using it needs a new key.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Revoke");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> {
            try {
                apiClients.revoke(client.id());
                message.show(false, client.name() + " is revoked; its key no longer works.");
            } catch (ApiClientRefusedException refused) {
                message.show(true, refused.getMessage());
            }
            refresh();
        });
        dialog.open();
    }

    private String when(Instant at) {
        return at == null ? "never" : Dates.STAMP.format(at.atZone(clock.getZone()));
    }
}
