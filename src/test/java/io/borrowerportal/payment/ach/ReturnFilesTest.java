package io.borrowerportal.payment.ach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.borrowerportal.payment.ach.AchFixtures.BANK_A;
import static io.borrowerportal.payment.ach.AchFixtures.CREATED;
import static io.borrowerportal.payment.ach.AchFixtures.EFFECTIVE;
import static io.borrowerportal.payment.ach.AchFixtures.debit;
import static io.borrowerportal.payment.ach.AchFixtures.join;
import static io.borrowerportal.payment.ach.AchFixtures.origin;
import static io.borrowerportal.payment.ach.AchFixtures.returnFileLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnFilesTest {

    @Test
    void a_nacha_return_file_yields_our_original_trace_numbers_and_the_reasons() {
        assertThat(ReturnFiles.parse(join(returnFileLines()))).containsExactly(
                new AchReturn("021000020000001", ReturnCode.R01),
                new AchReturn("021000020000002", ReturnCode.R02));
    }

    @Test
    void a_nacha_return_with_an_unknown_reason_names_the_addenda_line() {
        List<String> lines = returnFileLines();
        lines.set(5, lines.get(5).substring(0, 3) + "R77" + lines.get(5).substring(6));

        assertThatThrownBy(() -> ReturnFiles.parse(join(lines))).isInstanceOf(NachaFormatException.class)
                .hasMessage("Line 6: 'R77' is not a return reason code this portal knows");
    }

    @Test
    void our_own_debit_file_is_not_mistaken_for_returns() {
        StringBuilder file = new StringBuilder();
        NachaWriter.write(origin(), EFFECTIVE, CREATED, 'A',
                List.of(debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "P1", "Ann")), file);

        assertThatThrownBy(() -> ReturnFiles.parse(file.toString())).isInstanceOf(NachaFormatException.class)
                .hasMessageStartingWith("Line 3: this entry has no return addenda (type 99)");
    }

    @Test
    void a_damaged_nacha_return_file_is_refused_whole() {
        List<String> lines = returnFileLines();
        lines.set(6, lines.get(6).substring(0, 20) + "000000035001" + lines.get(6).substring(32));

        assertThatThrownBy(() -> ReturnFiles.parse(join(lines))).isInstanceOf(NachaFormatException.class)
                .hasMessageStartingWith("Line 7: the batch control total debit is $350.01");
    }

    @Test
    void a_csv_with_header_quotes_spaces_blank_lines_and_windows_line_endings_is_read() {
        String csv = "trace_number,return_code\r\n"
                + "021000020000001,R01\r\n"
                + " \"021000020000002\" , \"r16\" \r\n"
                + "\r\n"
                + "021000020000003,R10";

        assertThat(ReturnFiles.parse(csv)).containsExactly(
                new AchReturn("021000020000001", ReturnCode.R01),
                new AchReturn("021000020000002", ReturnCode.R16),
                new AchReturn("021000020000003", ReturnCode.R10));
    }

    @Test
    void a_csv_without_header_or_with_the_columns_swapped_is_read() {
        assertThat(ReturnFiles.parse("021000020000001,R02\n")).containsExactly(
                new AchReturn("021000020000001", ReturnCode.R02));
        assertThat(ReturnFiles.parse("Return Code,Trace Number\nR20,021000020000009\n")).containsExactly(
                new AchReturn("021000020000009", ReturnCode.R20));
    }

    @Test
    void csv_problems_are_reported_with_their_line_number() {
        assertThatThrownBy(() -> ReturnFiles.parse("trace_number,return_code\n021000020000001,R01\n021000020000002,R99\n"))
                .isInstanceOf(NachaFormatException.class)
                .hasMessageStartingWith("Line 3: 'R99' is not a return code this portal knows");
        assertThatThrownBy(() -> ReturnFiles.parse("trace_number,return_code\n12345,R01\n"))
                .isInstanceOf(NachaFormatException.class)
                .hasMessage("Line 2: the trace number must be 15 digits, not '12345'");
        assertThatThrownBy(() -> ReturnFiles.parse("021000020000001,R01\n021000020000002\n"))
                .isInstanceOf(NachaFormatException.class)
                .hasMessage("Line 2: expected a trace number and a return code separated by a comma, but found '021000020000002'")
                .extracting(e -> ((NachaFormatException) e).lineNumber()).isEqualTo(2);
        assertThatThrownBy(() -> ReturnFiles.parse(" \r\n"))
                .isInstanceOf(NachaFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void return_codes_say_whether_the_authorization_or_the_account_is_gone() {
        assertThat(ReturnCode.parse(" r07 ")).contains(ReturnCode.R07);
        assertThat(ReturnCode.parse("R99")).isEmpty();
        assertThat(ReturnCode.parse(null)).isEmpty();
        assertThat(ReturnCode.R01.description()).isEqualTo("Insufficient funds");
        assertThat(ReturnCode.R03.description()).isEqualTo("No account / unable to locate account");
        assertThat(ReturnCode.R10.description()).isEqualTo("Customer advises not authorized");
        assertThat(List.of(ReturnCode.values())).filteredOn(ReturnCode::revokesAuthorization)
                .containsExactlyInAnyOrder(ReturnCode.R05, ReturnCode.R07, ReturnCode.R10, ReturnCode.R29);
        assertThat(List.of(ReturnCode.values())).filteredOn(ReturnCode::accountUnusable)
                .containsExactlyInAnyOrder(ReturnCode.R02, ReturnCode.R03, ReturnCode.R04, ReturnCode.R05, ReturnCode.R07,
                        ReturnCode.R10, ReturnCode.R16, ReturnCode.R20, ReturnCode.R29);
        assertThat(ReturnCode.R01.accountUnusable()).isFalse();
        assertThat(ReturnCode.values()).extracting(ReturnCode::name).contains("R11", "R19", "R20", "R29");
    }

    @Test
    void a_return_needs_a_fifteen_digit_trace_number() {
        assertThatThrownBy(() -> new AchReturn("02100002000001", ReturnCode.R01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 digits");
    }
}
