package io.borrowerportal.document.ui;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.document.DocumentDownload;
import io.borrowerportal.document.DocumentNotFoundException;
import io.borrowerportal.document.DocumentService;
import org.springframework.security.access.AccessDeniedException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The addresses a document's content and thumbnail are sent from. Each request asks the service again, so the
 * ownership check runs per request, not only when the page was drawn. A document is sent under its generated
 * name ({@code filename}, safe in any header) with the customer's cleaned label as {@code filename*}, with the
 * content type found when it was checked and {@code X-Content-Type-Options: nosniff}, so a browser never
 * second-guesses the type.
 */
final class DocumentLinks {

    private DocumentLinks() {
    }

    /** The document itself: shown in the browser ({@code inline}) or saved ({@code attachment}). */
    static DownloadHandler content(DocumentService documents, String loanNumber, long documentId, boolean inline) {
        return event -> {
            VaadinResponse response = event.getResponse();
            DocumentDownload download;
            try {
                download = documents.download(loanNumber, documentId);
            } catch (DocumentNotFoundException | AccountNotFoundException | AccessDeniedException e) {
                response.setStatus(404);
                return;
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Disposition", contentDisposition(inline, download));
            response.setHeader("Cache-Control", "private, no-store");
            event.setContentType(download.contentType());
            event.setContentLength(download.size());
            documents.writeContent(loanNumber, documentId, event.getOutputStream());
        };
    }

    /** The thumbnail PNG; 404 when the document cannot be drawn (the page shows its icon instead). */
    static DownloadHandler thumbnail(DocumentService documents, String loanNumber, long documentId) {
        return event -> {
            VaadinResponse response = event.getResponse();
            Optional<byte[]> png;
            try {
                png = documents.thumbnail(loanNumber, documentId);
            } catch (DocumentNotFoundException | AccountNotFoundException | AccessDeniedException e) {
                png = Optional.empty();
            }
            if (png.isEmpty()) {
                response.setStatus(404);
                return;
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, max-age=3600");
            event.setContentType("image/png");
            event.setContentLength(png.get().length);
            event.getOutputStream().write(png.get());
        };
    }

    /** {@code attachment; filename="DOC-….pdf"; filename*=UTF-8''<label>} (RFC 6266), or the same {@code inline}. */
    static String contentDisposition(boolean inline, DocumentDownload download) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + download.storedName() + "\"; filename*=UTF-8''"
                + encode(download.label());
    }

    /** RFC 8187 value characters: letters, digits and {@code !#$&+-.^_`|~} stay; every other byte is %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
