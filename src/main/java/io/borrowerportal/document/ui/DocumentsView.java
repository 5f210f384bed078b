package io.borrowerportal.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.document.CategorySummary;
import io.borrowerportal.document.DocumentProperties;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSource;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.DocumentsTab;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Documents tab: what the lender shared on this loan and what its customers uploaded, as cards (a thumbnail,
 * the category, name, description, date and size, "View" and "Download"), filterable by category, and "Upload New
 * Document" when the lender opened a category for uploads and this is not a staff preview. Rendering reads the
 * list once; each thumbnail is fetched by the browser on its own request, lazily, so the page's cost does not grow
 * with the number of documents.
 */
@Route(value = "accounts/:loanNumber/documents", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class DocumentsView extends AccountTabView {

    static final String ALL = "All categories";

    private final DocumentService documents;
    private final DocumentProperties properties;
    private final CurrentUser currentUser;
    private final ZoneId zone;
    private final Div list = new Div();
    private final Select<String> filter = new Select<>();
    private String loanNumber;
    private List<DocumentSummary> shown = List.of();

    DocumentsView(AccountService accountService, SettingsService settingsService, DocumentService documents,
                  DocumentProperties properties, CurrentUser currentUser, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.DOCUMENTS);
        this.documents = documents;
        this.properties = properties;
        this.currentUser = currentUser;
        this.zone = clock.getZone();
        addClassName("documents-view");
        list.setId("documents-list");
        list.addClassName("document-list");
        filter.setId("documents-filter");
        filter.setLabel("Category");
        filter.addClassName("documents-filter");
        filter.addValueChangeListener(e -> showList());
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        loanNumber = detail.info().loanNumber();
        Div section = new Div();
        section.addClassName("table-card");
        Div heading = new Div();
        heading.addClassName("documents-heading");
        heading.add(new H2("Documents"));
        DocumentsTab tab = documents.tab(loanNumber);
        List<CategorySummary> open = currentUser.previewing() ? List.of() : tab.uploadCategories();
        if (!open.isEmpty()) {
            Button upload = new Button("Upload New Document", e -> new UploadDocumentDialog(documents, loanNumber, open,
                    properties.maxSize(), this::uploaded).open());
            upload.setId("documents-upload");
            upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            heading.add(upload);
        }
        Paragraph about = new Paragraph("Statements, letters and other documents about this loan, and the ones you "
                + "uploaded. View a document in your browser or download a copy.");
        about.addClassName("documents-about");
        section.add(heading, about, filter, list);
        add(section);
        show(tab.documents());
    }

    private void uploaded(DocumentSummary stored) {
        Notification.show("\"" + stored.name() + "\" was uploaded to " + stored.categoryName() + ".", 5000,
                Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refresh() {
        show(documents.documents(loanNumber));
    }

    private void show(List<DocumentSummary> loaded) {
        shown = loaded;
        Set<String> categories = new LinkedHashSet<>();
        categories.add(ALL);
        shown.stream().map(DocumentSummary::categoryName).sorted().forEach(categories::add);
        String before = filter.getValue();
        filter.setItems(categories);
        filter.setVisible(categories.size() > 2);
        filter.setValue(before != null && categories.contains(before) ? before : ALL);
        showList();
    }

    private void showList() {
        list.removeAll();
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph("No documents on this loan yet.");
            none.setId("documents-empty");
            none.addClassName("empty-state");
            list.add(none);
            return;
        }
        String category = filter.getValue();
        shown.stream().filter(d -> category == null || ALL.equals(category) || category.equals(d.categoryName()))
                .forEach(d -> list.add(card(d)));
    }

    private Div card(DocumentSummary d) {
        Div card = new Div();
        card.setId("document-" + d.reference());
        card.addClassName("document-card");

        Image thumbnail = new Image(DocumentLinks.thumbnail(documents, loanNumber, d.id()),
                (d.isPdf() ? "First page of " : "Preview of ") + d.name());
        thumbnail.setId("document-thumbnail-" + d.reference());
        thumbnail.addClassName("document-thumbnail");
        thumbnail.getElement().setAttribute("loading", "lazy");
        thumbnail.getElement().setAttribute("width", "100");
        Div thumb = new Div(thumbnail);
        thumb.addClassName("document-thumb");
        thumb.getElement().setAttribute("data-type", kind(d));

        Div body = new Div();
        body.addClassName("document-body");
        Span badge = new Span(d.categoryName());
        badge.addClassNames("badge", "document-category");
        H3 name = new H3(d.name());
        name.addClassName("document-name");
        body.add(badge, name);
        if (d.description() != null && !d.description().isBlank()) {
            Paragraph description = new Paragraph(d.description());
            description.addClassName("document-description");
            body.add(description);
        }
        Span meta = new Span(kind(d) + " · " + size(d.size()) + " · Added "
                + Formats.date(d.createdAt().atZone(zone).toLocalDate()) + " · " + source(d.source()));
        meta.addClassName("document-meta");
        body.add(meta);

        Anchor view = new Anchor(DocumentLinks.content(documents, loanNumber, d.id(), true), AttachmentType.INLINE, "View");
        view.setTarget(AnchorTarget.BLANK);
        view.setId("document-view-" + d.reference());
        view.getElement().setAttribute("aria-label", "View " + d.name() + " (opens in a new tab)");
        view.addClassName("button-link-secondary");
        Anchor download = new Anchor(DocumentLinks.content(documents, loanNumber, d.id(), false),
                AttachmentType.DOWNLOAD, "Download");
        download.setId("document-download-" + d.reference());
        download.getElement().setAttribute("aria-label", "Download " + d.name());
        download.addClassName("button-link-secondary");
        Div actions = new Div(view, download);
        actions.addClassName("document-actions");
        body.add(actions);

        card.add(thumb, body);
        return card;
    }

    private static String kind(DocumentSummary d) {
        return d.isPdf() ? "PDF" : d.contentType().equals("image/png") ? "PNG" : "JPEG";
    }

    private static String source(DocumentSource source) {
        return switch (source) {
            case CUSTOMER -> "uploaded by a borrower";
            case STAFF, LENDER -> "from the lender";
        };
    }

    /** 2.4 MB, 245 KB, 812 bytes. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " MB";
    }
}
