package io.borrowerportal.security.ui;

import com.vaadin.flow.server.SessionDestroyEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdleSessionSignOutTest {

    private final VaadinSession vaadinSession = mock(VaadinSession.class);
    private final WrappedSession httpSession = mock(WrappedSession.class);
    private final SessionDestroyEvent event = new SessionDestroyEvent(mock(VaadinService.class), vaadinSession);

    @Test
    void closing_the_vaadin_session_invalidates_the_http_session_and_with_it_the_sign_in() {
        when(vaadinSession.getSession()).thenReturn(httpSession);
        IdleSessionSignOut.invalidateHttpSession(event);
        verify(httpSession).invalidate();
    }

    @Test
    void an_http_session_already_invalidated_by_sign_out_is_left_alone() {
        when(vaadinSession.getSession()).thenReturn(httpSession);
        doThrow(new IllegalStateException("already invalidated")).when(httpSession).invalidate();
        assertThatCode(() -> IdleSessionSignOut.invalidateHttpSession(event)).doesNotThrowAnyException();
    }

    @Test
    void a_vaadin_session_without_an_http_session_is_ignored() {
        when(vaadinSession.getSession()).thenReturn(null);
        assertThatCode(() -> IdleSessionSignOut.invalidateHttpSession(event)).doesNotThrowAnyException();
    }
}
