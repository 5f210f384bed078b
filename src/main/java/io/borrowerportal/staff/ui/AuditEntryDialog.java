package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditEntryDetail;
import io.borrowerportal.audit.AuditLog;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Every column of one audit entry, its hashes included, read again from the service (which applies the role rule). */
class AuditEntryDialog extends Dialog {

    AuditEntryDialog(AuditLog auditLog, long entryId, Function<Instant, String> time) {
        setHeaderTitle("Audit entry " + entryId);
        setId("audit-entry-dialog");
        addClassName("audit-entry-dialog");
        setWidth("min(44rem, 100vw)");
        Optional<AuditEntryDetail> found = auditLog.entry(entryId);
        if (found.isEmpty()) {
            add(new Paragraph("This entry is not there, or your role does not show it."));
        } else {
            AuditEntryDetail detail = found.get();
            AuditEntry e = detail.entry();
            DescriptionList list = new DescriptionList();
            list.setId("audit-entry-fields");
            row(list, "Id", Long.toString(e.id()));
            row(list, "Time", time.apply(e.occurredAt()) + " (" + e.occurredAt() + " UTC)");
            row(list, "Actor", e.actor());
            row(list, "Actor role", e.actorRole());
            row(list, "Customer id", e.customerId() == null ? "—" : e.customerId().toString());
            row(list, "Customer", AuditLogView.orDash(e.customer()));
            row(list, "Loan number", AuditLogView.orDash(e.loanNumber()));
            row(list, "Action", AuditLogView.label(e.action()) + " (" + e.action().name() + ")");
            row(list, "Detail", AuditLogView.orDash(e.detail()));
            row(list, "Previous hash", detail.prevHash());
            row(list, "Hash", detail.hash());
            row(list, "Hash scheme", detail.hashSchemeName());
            add(list);
        }
        Button close = new Button("Close", click -> close());
        close.setId("audit-entry-close");
        getFooter().add(close);
    }

    private static void row(DescriptionList list, String term, String value) {
        list.add(new Term(term), new Description(value));
    }
}
