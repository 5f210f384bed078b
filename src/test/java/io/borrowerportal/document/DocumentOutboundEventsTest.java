package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upload writes one outbound event describing the file, never its content (decision 029). */
class DocumentOutboundEventsTest extends ServiceTest {

    private static final String JANES_LOAN = "AUTO-100482";

    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;

    private long openCategory() {
        return documents.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst().orElseThrow().id();
    }

    @Test
    void an_upload_writes_one_event_and_a_refused_upload_none() {
        SignIn.as(users, "jane.borrower@example.com");
        String name = "Pay stub " + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
        byte[] pdf = TestFiles.pdf("Pay stub");

        DocumentSummary stored = documents.upload(new NewDocument(JANES_LOAN, openCategory(), name, null, "stub.pdf"),
                FileContent.of(pdf));

        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.DOCUMENT, String.valueOf(stored.id()))).singleElement()
                .satisfies(row -> {
                    assertThat(row.type()).isEqualTo(EventType.DOCUMENT_UPLOADED);
                    assertThat(row.payload().get("reference").asString()).isEqualTo(stored.reference());
                    assertThat(row.payload().get("loanNumber").asString()).isEqualTo(JANES_LOAN);
                    assertThat(row.payload().get("name").asString()).isEqualTo(name);
                    assertThat(row.payload().get("contentType").asString()).isEqualTo("application/pdf");
                    assertThat(row.payload().get("sizeBytes").asLong()).isEqualTo(pdf.length);
                    assertThat(row.text()).doesNotContain("%PDF");
                });

        String refusedName = name + " refused";
        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), refusedName, null,
                "stub.pdf"), FileContent.of(TestFiles.malformedPdf()))).isInstanceOf(DocumentRefusedException.class);
        assertThat(OutboxRows.mentioning(jdbc, refusedName)).isZero();
    }

    @Test
    void a_file_name_holding_a_long_number_is_kept_and_sent_with_its_last_four_only() {
        SignIn.as(users, "jane.borrower@example.com");
        String name = "Scan " + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");

        DocumentSummary stored = documents.upload(new NewDocument(JANES_LOAN, openCategory(), name, null,
                "scan-4111111111111111.pdf"), FileContent.of(TestFiles.pdf("Scan")));

        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.DOCUMENT, String.valueOf(stored.id()))).singleElement()
                .satisfies(row -> assertThat(row.payload().get("fileName").asString()).isEqualTo("scan-••••1111.pdf"));
        assertThat(jdbc.queryForObject("select file_label from documents where id = ?", String.class, stored.id()))
                .isEqualTo("scan-••••1111.pdf");
    }
}
