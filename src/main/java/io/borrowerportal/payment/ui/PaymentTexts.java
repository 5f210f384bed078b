package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.payment.PaymentStatus;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

/** Wording and small helpers the payment pages share. */
final class PaymentTexts {

    private PaymentTexts() {
    }

    static String heading(PaymentStatus status) {
        return switch (status) {
            case COMPLETED -> "Payment received";
            case SCHEDULED -> "Payment scheduled";
            case PENDING -> "Payment pending";
            case PROCESSING -> "Payment processing";
            case DECLINED -> "Payment declined";
            case RETURNED -> "Payment returned";
            case CANCELLED -> "Payment cancelled";
        };
    }

    /** A moment in the lender's time zone, the zone the business date is kept in. */
    static String moment(Instant at, ZoneId zone) {
        return at == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Formats.locale()).format(at.atZone(zone));
    }

    static String day(Instant at, ZoneId zone) {
        return at == null ? "—" : Formats.date(at.atZone(zone).toLocalDate());
    }

    /** A PDF made only when the customer clicks, so an unopened page costs no PDF rendering. */
    static Anchor pdfDownload(String text, String id, String fileName, Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length);
        }), text);
        anchor.setId(id);
        anchor.addClassName("download-link");
        return anchor;
    }
}
