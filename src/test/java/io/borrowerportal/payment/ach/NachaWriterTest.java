package io.borrowerportal.payment.ach;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.borrowerportal.payment.ach.AchFixtures.BANK_A;
import static io.borrowerportal.payment.ach.AchFixtures.BANK_B;
import static io.borrowerportal.payment.ach.AchFixtures.BANK_C;
import static io.borrowerportal.payment.ach.AchFixtures.CREATED;
import static io.borrowerportal.payment.ach.AchFixtures.EFFECTIVE;
import static io.borrowerportal.payment.ach.AchFixtures.debit;
import static io.borrowerportal.payment.ach.AchFixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NachaWriterTest {

    private static List<String> lines(CharSequence file) {
        return NachaReader.splitLines(file.toString());
    }

    @Test
    void a_one_entry_file_has_exactly_the_nacha_layout() {
        StringBuilder file = new StringBuilder();
        NachaResult result = NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A',
                List.of(debit(BANK_A, "123456789", AccountType.CHECKING, "250.00", "PMT-0000042", "Jane Q. Public")), file);

        String fileHeader = "1" + "01" + " 021000021" + "1234567890" + "260316" + "1405" + "A" + "094" + "10" + "1"
                + "JPMORGAN CHASE" + " ".repeat(9) + "EXAMPLE LENDING LLC" + " ".repeat(4) + " ".repeat(8);
        String batchHeader = "5" + "225" + "EXAMPLE LENDING " + " ".repeat(20) + "1234567890" + "WEB" + "LOAN PMT  "
                + " ".repeat(6) + "260317" + "   " + "1" + "02100002" + "0000001";
        String entry = "6" + "27" + "11100002" + "5" + "123456789" + " ".repeat(8) + "0000025000"
                + "PMT-0000042    " + "JANE Q. PUBLIC" + " ".repeat(8) + "S " + "0" + "021000020000001";
        String batchControl = "8" + "225" + "000001" + "0011100002" + "000000025000" + "000000000000" + "1234567890"
                + " ".repeat(19) + " ".repeat(6) + "02100002" + "0000001";
        String fileControl = "9" + "000001" + "000001" + "00000001" + "0011100002" + "000000025000" + "000000000000"
                + " ".repeat(39);
        String filler = "9".repeat(94);

        assertThat(List.of(fileHeader, batchHeader, entry, batchControl, fileControl)).allSatisfy(
                expected -> assertThat(expected).hasSize(94));
        assertThat(lines(file)).containsExactly(fileHeader, batchHeader, entry, batchControl, fileControl,
                filler, filler, filler, filler, filler);
        assertThat(file.toString()).endsWith(filler + "\n").doesNotContain("\r");
        assertThat(file).hasSize(10 * 95);

        String written = lines(file).get(2);
        assertThat(written.substring(29, 39)).as("amount in cents, positions 30-39").isEqualTo("0000025000");
        assertThat(written.substring(79, 94)).as("trace number, positions 80-94").isEqualTo("021000020000001");
        assertThat(result).isEqualTo(new NachaResult(List.of("021000020000001"), 1, new BigDecimal("250.00"),
                11_100_002L, 1, 10));
    }

    @Test
    void several_debits_read_back_with_their_counts_hash_totals_and_trace_numbers() {
        List<AchDebit> debits = List.of(
                debit(BANK_A, "123456789", AccountType.CHECKING, "250.00", "PMT-1", "Jane Public"),
                debit(BANK_B, "9876543210123", AccountType.SAVINGS, "1234.56", "PMT-2", "John Doe"),
                debit(BANK_C, "5555", AccountType.CHECKING, "0.01", "PMT-3", "Ann Lee"),
                debit(BANK_A, "12345678901234567", AccountType.SAVINGS, "99999999.99", "PMT-4", "Max Amount"),
                debit(BANK_B, "4444", AccountType.CHECKING, "10.10", "PMT-5", "Bo Li"),
                debit(BANK_C, "77777", AccountType.CHECKING, "75.00", "PMT-6", "Cy Young"),
                debit(BANK_A, "88888", AccountType.CHECKING, "1.00", "PMT-7", "Di Ross"));
        StringBuilder file = new StringBuilder();

        NachaResult result = NachaWriter.write(origin(), EFFECTIVE, CREATED, 'b', debits, file);

        List<String> lines = lines(file);
        assertThat(lines).hasSize(20).allSatisfy(line -> assertThat(line).hasSize(94));
        assertThat(lines.subList(11, 20)).containsOnly("9".repeat(94));
        long expectedHash = 3 * 11100002L + 2 * 12100035L + 2 * 1100001L;
        assertThat(result.entryHash()).isEqualTo(expectedHash);
        assertThat(result.totalDebit()).isEqualTo(new BigDecimal("100001570.66"));
        assertThat(result.entryCount()).isEqualTo(7);
        assertThat(result.blockCount()).isEqualTo(2);
        assertThat(result.lineCount()).isEqualTo(20);
        assertThat(result.traceNumbers()).containsExactly("021000020000001", "021000020000002", "021000020000003",
                "021000020000004", "021000020000005", "021000020000006", "021000020000007");

        NachaFile read = NachaReader.read(file.toString());
        assertThat(read.header().fileIdModifier()).isEqualTo('B');
        assertThat(read.header().immediateDestination()).isEqualTo("021000021");
        assertThat(read.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.header().secCode()).isEqualTo("WEB");
            assertThat(batch.header().serviceClassCode()).isEqualTo(225);
            assertThat(batch.header().effectiveEntryDate()).contains(EFFECTIVE);
            assertThat(batch.header().odfiIdentification()).isEqualTo("02100002");
            assertThat(batch.control().entryAddendaCount()).isEqualTo(7);
            assertThat(batch.control().totalCredit()).isZero();
        });
        assertThat(read.control().entryHash()).isEqualTo(expectedHash);
        assertThat(read.control().totalDebit()).isEqualTo(result.totalDebit());
        assertThat(read.control().blockCount()).isEqualTo(2);
        assertThat(read.entries()).extracting(NachaFile.Entry::traceNumber).isEqualTo(result.traceNumbers());
        assertThat(read.entries()).extracting(NachaFile.Entry::amount).containsExactly(new BigDecimal("250.00"),
                new BigDecimal("1234.56"), new BigDecimal("0.01"), new BigDecimal("99999999.99"),
                new BigDecimal("10.10"), new BigDecimal("75.00"), new BigDecimal("1.00"));
        assertThat(read.entries()).extracting(NachaFile.Entry::transactionCode).containsExactly(27, 37, 27, 37, 27, 27, 27);
        assertThat(read.entries().get(1)).satisfies(entry -> {
            assertThat(entry.routingNumber()).isEqualTo(BANK_B);
            assertThat(entry.accountNumber()).isEqualTo("9876543210123");
            assertThat(entry.accountType()).contains(AccountType.SAVINGS);
            assertThat(entry.individualId()).isEqualTo("PMT-2");
            assertThat(entry.individualName()).isEqualTo("JOHN DOE");
            assertThat(entry.isDebit()).isTrue();
        });
    }

    @Test
    void the_entry_hash_keeps_only_its_last_ten_digits() {
        List<AchDebit> debits = IntStream.range(0, 200)
                .mapToObj(i -> debit("999999992", "1234", AccountType.CHECKING, "1.00", "P" + i, "A B"))
                .toList();
        StringBuilder file = new StringBuilder();

        NachaResult result = NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', debits, file);

        assertThat(result.entryHash()).isEqualTo(19_999_999_800L % 10_000_000_000L).isEqualTo(9_999_999_800L);
        assertThat(lines(file).get(202).substring(10, 20)).isEqualTo("9999999800");
        assertThat(result.lineCount()).isEqualTo(210);
        assertThat(NachaReader.read(file.toString()).control().entryHash()).isEqualTo(9_999_999_800L);
    }

    @Test
    void a_file_of_exactly_ten_records_gets_no_filler() {
        List<AchDebit> debits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            debits.add(debit(BANK_A, "1234", AccountType.CHECKING, "5.00", "P" + i, "A B"));
        }
        StringBuilder file = new StringBuilder();

        NachaResult result = NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', debits, file);

        assertThat(result.lineCount()).isEqualTo(10);
        assertThat(lines(file).getLast()).startsWith("9000001000001");
    }

    @Test
    void names_typed_by_customers_are_reduced_to_upper_case_printable_ascii() {
        StringBuilder file = new StringBuilder();
        NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', List.of(
                debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "pmt-é1", "José Núñez\tO'Brien"),
                debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "P2", "Ann 😀 Lee\u0000"),
                debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "P3", "  Straße 王 Zoë  ")), file);

        List<NachaFile.Entry> entries = NachaReader.read(file.toString()).entries();
        assertThat(entries).extracting(NachaFile.Entry::individualName)
                .containsExactly("JOSE NUNEZ O'BRIEN", "ANN  LEE", "STRAE  ZOE");
        assertThat(entries.getFirst().individualId()).isEqualTo("PMT-E1");
        assertThat(file.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c <= 0x7E));
    }

    @Test
    void a_writer_and_a_string_builder_receive_the_same_file() {
        List<AchDebit> debits = List.of(debit(BANK_A, "1234", AccountType.SAVINGS, "12.34", "P1", "Ann Lee"));
        StringBuilder builder = new StringBuilder();
        StringWriter writer = new StringWriter();

        NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', debits, builder);
        NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', debits, writer);

        assertThat(writer.toString()).isEqualTo(builder.toString()).hasSize(950);
    }

    @Test
    void an_empty_list_is_refused_because_there_is_nothing_to_export() {
        StringBuilder file = new StringBuilder();
        assertThatThrownBy(() -> NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', List.of(), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to export");
        assertThat(file).isEmpty();
    }

    @Test
    void a_file_id_modifier_must_be_a_letter_or_digit() {
        List<AchDebit> debits = List.of(debit(BANK_A, "1234", AccountType.SAVINGS, "12.34", "P1", "Ann Lee"));
        assertThatThrownBy(() -> NachaWriter.write(origin(), EFFECTIVE, CREATED, '-', debits, new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file id modifier");
    }

    @Test
    void debits_adding_up_beyond_the_twelve_digit_total_are_refused() {
        List<AchDebit> debits = IntStream.range(0, 101)
                .mapToObj(i -> debit(BANK_A, "1234", AccountType.CHECKING, "99999999.99", "P" + i, "A B"))
                .toList();
        assertThatThrownBy(() -> NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A', debits, new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total");
    }

    @Test
    void a_later_file_continues_the_trace_numbers_and_they_read_back() {
        List<AchDebit> debits = List.of(
                debit(BANK_A, "123456789", AccountType.CHECKING, "250.00", "PMT-1", "Jane Public"),
                debit(BANK_B, "4444", AccountType.CHECKING, "10.10", "PMT-2", "Bo Li"));
        StringBuilder file = new StringBuilder();

        NachaResult result = NachaWriter.write(origin(), EFFECTIVE, CREATED, 'B', debits, 42, file);

        String odfi = origin().odfiIdentification();
        assertThat(result.traceNumbers()).containsExactly(odfi + "0000042", odfi + "0000043");
        assertThat(NachaReader.read(file.toString()).entries()).extracting(NachaFile.Entry::traceNumber)
                .containsExactlyElementsOf(result.traceNumbers());
        assertThatThrownBy(() -> NachaWriter.write(origin(), EFFECTIVE, CREATED, 'B', debits,
                NachaWriter.MAX_TRACE_SEQUENCE, new StringBuilder())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NachaWriter.write(origin(), EFFECTIVE, CREATED, 'B', debits, 0, new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
