package io.borrowerportal.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the staff console's document pages, for the pages of other features that link to them. */
public final class StaffDocumentNavigation {

    /** The query parameter naming the loan whose documents the page opens with. */
    public static final String LOAN = "loan";

    private StaffDocumentNavigation() {
    }

    /** A loan's documents on the staff console. */
    public static String loanDocuments(String loanNumber) {
        return "staff/documents?" + LOAN + "=" + URLEncoder.encode(loanNumber, StandardCharsets.UTF_8);
    }

    public static String categories() {
        return "staff/document-categories";
    }
}
