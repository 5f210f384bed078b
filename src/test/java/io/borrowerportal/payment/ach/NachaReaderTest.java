package io.borrowerportal.payment.ach;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.borrowerportal.payment.ach.AchFixtures.join;
import static io.borrowerportal.payment.ach.AchFixtures.returnFileLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NachaReaderTest {

    private static NachaFormatException failure(List<String> lines) {
        return org.junit.jupiter.api.Assertions.assertThrows(NachaFormatException.class, () -> NachaReader.read(join(lines)));
    }

    @Test
    void a_return_file_reads_into_batches_entries_and_return_addenda() {
        NachaFile file = NachaReader.read(join(returnFileLines()));

        assertThat(file.header().creationDate()).isEqualTo(LocalDate.parse("2026-03-19"));
        assertThat(file.header().immediateOriginName()).isEqualTo("FIRST RETURNING BANK");
        NachaFile.Batch batch = file.batches().getFirst();
        assertThat(batch.header().secCode()).isEqualTo("WEB");
        assertThat(batch.header().serviceClassCode()).isEqualTo(225);
        assertThat(batch.header().companyName()).isEqualTo("EXAMPLE LENDING");
        assertThat(batch.control().totalDebit()).isEqualTo(new BigDecimal("350.00"));
        assertThat(file.entries()).hasSize(2);
        NachaFile.Entry first = file.entries().getFirst();
        assertThat(first.transactionCode()).isEqualTo(26);
        assertThat(first.accountType()).contains(AccountType.CHECKING);
        assertThat(first.routingNumber()).isEqualTo("021000021");
        assertThat(first.amount()).isEqualTo(new BigDecimal("250.00"));
        assertThat(first.individualId()).isEqualTo("PMT-1");
        assertThat(first.traceNumber()).isEqualTo("111000020000001");
        assertThat(first.lineNumber()).isEqualTo(3);
        assertThat(first.returnAddenda()).hasValueSatisfying(addenda -> {
            assertThat(addenda.returnReasonCode()).isEqualTo("R01");
            assertThat(addenda.originalTraceNumber()).isEqualTo("021000020000001");
            assertThat(addenda.originalReceivingDfi()).isEqualTo("11100002");
            assertThat(addenda.information()).isEqualTo("INSUFFICIENT");
            assertThat(addenda.lineNumber()).isEqualTo(4);
        });
        assertThat(file.entries().get(1).accountType()).contains(AccountType.SAVINGS);
        assertThat(file.control().entryAddendaCount()).isEqualTo(4);
    }

    @Test
    void windows_line_endings_and_a_missing_final_newline_are_accepted() {
        String crlf = String.join("\r\n", returnFileLines());

        assertThat(NachaReader.read(crlf).entries()).hasSize(2);
    }

    @Test
    void a_short_line_is_reported_with_its_number_and_length() {
        List<String> lines = returnFileLines();
        lines.set(2, lines.get(2).substring(0, 93));

        assertThat(failure(lines)).hasMessage("Line 3: every line of a NACHA file must be exactly 94 characters long, "
                + "but this one has 93").extracting(NachaFormatException::lineNumber).isEqualTo(3);
    }

    @Test
    void an_amount_changed_after_the_controls_were_written_is_caught_by_the_batch_total() {
        List<String> lines = returnFileLines();
        lines.set(2, lines.get(2).substring(0, 29) + "0000025001" + lines.get(2).substring(39));

        assertThat(failure(lines)).hasMessage("Line 7: the batch control total debit is $350.00, but the debit entries add up to $350.01");
    }

    @Test
    void a_wrong_entry_hash_is_reported_on_the_control_record() {
        List<String> lines = returnFileLines();
        lines.set(6, lines.get(6).substring(0, 10) + "0004200005" + lines.get(6).substring(20));

        assertThat(failure(lines)).hasMessageStartingWith("Line 7: the batch control entry hash is 4200005, "
                + "but the routing numbers of the entries add up to 4200004");
    }

    @Test
    void wrong_counts_in_the_controls_are_reported() {
        List<String> lines = returnFileLines();
        lines.set(7, lines.get(7).substring(0, 13) + "00000003" + lines.get(7).substring(21));
        assertThat(failure(lines)).hasMessage("Line 8: the file control says there are 3 entries and addenda, but there are 4");

        List<String> blocks = returnFileLines();
        blocks.set(7, blocks.get(7).substring(0, 7) + "000002" + blocks.get(7).substring(13));
        assertThat(failure(blocks)).hasMessage("Line 8: the file control says the file has 2 blocks of ten lines, but its 10 lines make 1");

        List<String> batches = returnFileLines();
        batches.set(7, batches.get(7).substring(0, 1) + "000002" + batches.get(7).substring(7));
        assertThat(failure(batches)).hasMessage("Line 8: the file control says the file has 2 batches, but it has 1");
    }

    @Test
    void records_out_of_order_are_reported_in_words() {
        List<String> noHeader = returnFileLines();
        noHeader.removeFirst();
        assertThat(failure(noHeader)).hasMessageStartingWith("Line 1: a NACHA file must start with a file header");

        List<String> entryOutsideBatch = returnFileLines();
        entryOutsideBatch.remove(1);
        assertThat(failure(entryOutsideBatch)).hasMessage("Line 2: expected a batch header (5) or the file control (9), "
                + "but found an entry (6); entries must come after a batch header");

        List<String> noFileControl = returnFileLines().subList(0, 7);
        assertThat(failure(noFileControl)).hasMessageContaining("without a file control record");

        List<String> strayAfterControl = returnFileLines();
        strayAfterControl.set(9, strayAfterControl.get(2));
        assertThat(failure(strayAfterControl)).hasMessageStartingWith("Line 10: only filler lines of 94 nines may follow");
    }

    @Test
    void bad_field_contents_name_the_field_and_its_positions() {
        List<String> letters = returnFileLines();
        letters.set(4, letters.get(4).substring(0, 29) + "00001O000" + letters.get(4).substring(38));
        assertThat(failure(letters)).hasMessage("Line 5: the amount (positions 30-39) must be digits, not '00001O0000'");

        List<String> checkDigit = returnFileLines();
        checkDigit.set(2, checkDigit.get(2).substring(0, 11) + "2" + checkDigit.get(2).substring(12));
        assertThat(failure(checkDigit)).hasMessage("Line 3: routing number 021000022 has a wrong check digit (position 12)");

        List<String> noAddenda = returnFileLines();
        noAddenda.set(2, noAddenda.get(2).substring(0, 78) + "0" + noAddenda.get(2).substring(79));
        assertThat(failure(noAddenda)).hasMessageStartingWith("Line 4: an addenda record follows the entry on line 3");

        List<String> badDate = returnFileLines();
        badDate.set(1, badDate.get(1).substring(0, 69) + "261332" + badDate.get(1).substring(75));
        assertThat(failure(badDate)).hasMessageStartingWith("Line 2: the effective entry date (positions 70-75) is not a date");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> NachaReader.read("\n\n")).isInstanceOf(NachaFormatException.class)
                .hasMessage("The file is empty");
    }
}
