package io.borrowerportal.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import org.springframework.stereotype.Component;

/** Audits every page a staff member opens while previewing a customer's website. */
@Component
class PreviewPageViewAuditor implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final PreviewService previewService;

    PreviewPageViewAuditor(CurrentUser currentUser, PreviewService previewService) {
        this.currentUser = currentUser;
        this.previewService = previewService;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(nav -> {
            if (currentUser.previewing()) {
                String path = nav.getLocation().getPath();
                previewService.recordPageView(path, loanNumberIn(path));
            }
        }));
    }

    private static String loanNumberIn(String path) {
        String[] segments = path.split("/");
        if (segments.length >= 2 && "accounts".equals(segments[0])) {
            return LoanNumber.parse(segments[1]).map(LoanNumber::value).orElse(null);
        }
        return null;
    }
}
