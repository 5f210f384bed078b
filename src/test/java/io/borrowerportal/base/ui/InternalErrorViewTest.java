package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.H1;
import io.borrowerportal.ViewTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InternalErrorViewTest extends ViewTest {

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_page_that_fails_shows_a_plain_message_and_a_reference_never_the_exception() {
        navigate("test-only/failing-page", InternalErrorView.class);
        String text = ((InternalErrorView) getCurrentView()).getElement().getTextRecursively();
        assertThat($(H1.class).first().getText()).isEqualTo("Something went wrong");
        assertThat(text).containsPattern("Reference: [0-9a-f]{8}")
                .doesNotContain(FailingTestView.SECRET).doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_line_break_in_the_path_of_a_failing_page_cannot_forge_a_line_in_the_log(CapturedOutput output) {
        navigate("test-only/failing-path/a\nFORGED log line\rb", InternalErrorView.class);
        assertThat(output.getAll()).contains("while opening /test-only/failing-path/a?FORGED log line?b")
                .doesNotContainPattern("(?m)^FORGED log line");
    }
}
