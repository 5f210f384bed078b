package io.borrowerportal.document.staff;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.document.CategoryDetail;
import io.borrowerportal.document.DocumentCategories;
import io.borrowerportal.document.DocumentProperties;
import io.borrowerportal.document.DocumentRefusedException;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.FileType;
import io.borrowerportal.document.LoanDocuments;
import io.borrowerportal.document.ShareOutcome;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.document.StaffDocuments;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One loan's documents for staff: every category (those hidden from customers marked), who added each, a
 * download of each, and "Share a document". Opened from the staff console's navigation, or from a customer's
 * loan with {@code ?loan=AUTO-100482}.
 */
@Route(value = "staff/documents", layout = StaffLayout.class)
@Menu(title = "Documents", order = 30)
@PageTitle("Documents")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class StaffDocumentsView extends Div implements BeforeEnterObserver {

    private final StaffDocuments documents;
    private final DocumentCategories categories;
    private final DataSize maxSize;
    private final Clock clock;

    private final TextField loan = new TextField("Loan number");
    private final Div loanSection = new Div();
    private final H2 loanTitle = new H2();
    private final Paragraph result = new Paragraph();
    private final Grid<DocumentSummary> grid = new Grid<>();
    private final Paragraph noDocuments = new Paragraph("No documents on this loan yet.");
    private LoanDocuments shown;
    private Map<Long, CategoryDetail> categoriesById = Map.of();

    StaffDocumentsView(StaffDocuments documents, DocumentCategories categories,
                       DocumentProperties properties, Clock clock) {
        this.documents = documents;
        this.categories = categories;
        this.maxSize = properties.maxSize();
        this.clock = clock;
        addClassNames("staff-documents");
        add(new H1("Documents"));
        add(new Paragraph("Open a loan to see every document on it, in every category, and to share a document with "
                + "its customers. Sharing and every download are recorded in the audit log."));

        loan.setId("loan-number");
        loan.setPlaceholder("AUTO-100482");
        loan.setPrefixComponent(VaadinIcon.SEARCH.create());
        loan.setMaxLength(30);
        loan.setClearButtonVisible(true);
        Button show = new Button("Show documents", click -> show(loan.getValue()));
        show.setId("show-loan");
        show.addClickShortcut(Key.ENTER);
        Div picker = new Div(loan, show);
        picker.addClassName("staff-loan-picker");
        add(picker);

        loanTitle.setId("loan-title");
        Button share = new Button("Share a document", VaadinIcon.UPLOAD.create(), click -> openShareDialog());
        share.setId("share-document");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("share-result");
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);

        grid.setId("documents");
        grid.addColumn(d -> Formats.shortDate(d.createdAt().atZone(clock.getZone()).toLocalDate()))
                .setHeader("Added").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DocumentSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addComponentColumn(this::download).setHeader("File").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::categoryLabel).setHeader("Category").setAutoWidth(true);
        grid.addColumn(d -> switch (d.source()) {
            case STAFF -> "Staff";
            case CUSTOMER -> "Customer";
            case LENDER -> "Portal";
        }).setHeader("Added by").setAutoWidth(true);
        grid.addColumn(d -> d.description() == null ? "" : d.description()).setHeader("Description").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        noDocuments.setId("no-documents");
        loanSection.setId("loan-documents");
        loanSection.add(loanTitle, share, result, grid, noDocuments);
        loanSection.setVisible(false);
        add(loanSection);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(StaffDocumentNavigation.LOAN, List.of());
        if (!values.isEmpty()) {
            loan.setValue(values.getFirst());
            show(values.getFirst());
        }
    }

    private void show(String loanNumber) {
        loan.setInvalid(false);
        result.setVisible(false);
        try {
            shown = documents.documents(loanNumber);
        } catch (DocumentRefusedException e) {
            shown = null;
            loan.setErrorMessage(e.getMessage());
            loan.setInvalid(true);
            loanSection.setVisible(false);
            return;
        }
        loan.setValue(shown.loanNumber());
        refresh();
    }

    private void refresh() {
        categoriesById = categories.categories().stream()
                .collect(Collectors.toMap(CategoryDetail::id, Function.identity()));
        loanTitle.setText(shown.loanNumber() + " · " + shown.title());
        grid.setItems(shown.documents());
        grid.setVisible(!shown.documents().isEmpty());
        noDocuments.setVisible(shown.documents().isEmpty());
        loanSection.setVisible(true);
    }

    private void openShareDialog() {
        if (shown == null) {
            return;
        }
        new ShareDocumentDialog(documents, categories.categories(), shown.loanNumber(), maxSize, this::shared).open();
    }

    private void shared(ShareOutcome outcome) {
        shown = documents.documents(shown.loanNumber());
        refresh();
        int told = outcome.customersNotified();
        result.setText("Shared \"" + outcome.document().name() + "\" in " + outcome.document().categoryName() + ". "
                + (told == 0 ? "No customer was emailed: they cannot see this category on the website."
                : told == 1 ? "The customer on the loan was emailed." : "The " + told + " customers on the loan were emailed."));
        result.setVisible(true);
    }

    private String categoryLabel(DocumentSummary document) {
        CategoryDetail category = categoriesById.get(document.categoryId());
        return category == null || category.customerVisible() ? document.categoryName()
                : document.categoryName() + " (hidden from customers)";
    }

    private Anchor download(DocumentSummary document) {
        FileType type = FileType.ofContentType(document.contentType()).orElse(FileType.PDF);
        String fileName = document.reference() + "." + type.extension();
        long id = document.id();
        DownloadHandler content = event -> {
            event.setFileName(fileName);
            event.setContentType(document.contentType());
            event.setContentLength(document.size());
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            documents.writeContent(id, event.getOutputStream());
        };
        Anchor anchor = new Anchor(content, "Download " + type.name() + ", " + kilobytes(document.size()));
        anchor.setId("download-" + id);
        anchor.addClassName("download-link");
        return anchor;
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(Formats.locale(), "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** "10 MB", "512 KB": a limit as staff read it. */
    static String size(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }
}
