package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.H1;
import io.borrowerportal.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

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
}
