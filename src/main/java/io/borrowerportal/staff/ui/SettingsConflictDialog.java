package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.common.Dates;
import io.borrowerportal.settings.SettingsConflictException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Someone else saved while this admin was editing; nothing of theirs was saved. Shows who, when and what they
 * changed, and offers the two honest ways on: take their version (losing these edits), or carry only the
 * fields this admin changed onto their version and review it before saving again.
 */
class SettingsConflictDialog extends Dialog {


    final Paragraph message = new Paragraph();
    final Button reload = new Button("Reload their version");
    final Button applyMine = new Button("Apply my changes on top");

    SettingsConflictDialog(SettingsConflictException conflict, String lenderZone, Runnable onReload, Runnable onApplyMine) {
        setHeaderTitle("Someone else saved the settings");
        setId("settings-conflict-dialog");
        addClassName("settings-dialog");
        setCloseOnOutsideClick(false);
        message.setId("settings-conflict-message");
        String who = conflict.changedBy() == null || conflict.changedBy().isBlank() ? "Another administrator"
                : conflict.changedBy();
        String when = conflict.changedAt() == null ? ""
                : " on " + Dates.STAMP.format(conflict.changedAt().atZone(zone(lenderZone)));
        message.setText(who + " saved the settings" + when + " while you were editing. Nothing of yours was saved. "
                + (conflict.theirChanges().isEmpty() ? "" : "Their changes:"));
        add(message, SettingsChangesDialog.list(conflict.theirChanges(), "their-change"));
        Paragraph choice = new Paragraph("\"Apply my changes on top\" keeps their changes, puts back only the fields you "
                + "changed, and lets you review everything before you save again.");
        choice.addClassName("field-hint");
        add(choice);
        reload.setId("conflict-reload");
        reload.addClickListener(click -> {
            close();
            onReload.run();
        });
        applyMine.setId("conflict-apply");
        applyMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        applyMine.addClickListener(click -> {
            close();
            onApplyMine.run();
        });
        getFooter().add(reload, applyMine);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
