package io.borrowerportal.security;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FirstAdminTest {

    private final StaffUserRepository staff = mock(StaffUserRepository.class);
    private final PasswordEncoder encoder = mock(PasswordEncoder.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-10T12:00:00Z"), ZoneOffset.UTC);

    private FirstAdmin firstAdmin(String email, String password) {
        return new FirstAdmin(staff, encoder, clock, email, password);
    }

    @Test
    void a_new_installation_gets_its_first_admin_with_a_hashed_password() {
        when(staff.count()).thenReturn(0L);
        when(encoder.encode("long-enough-secret")).thenReturn("$2a$12$hash");
        firstAdmin(" Owner@Lender.example ", "long-enough-secret").run(null);

        ArgumentCaptor<StaffUser> saved = ArgumentCaptor.forClass(StaffUser.class);
        verify(staff).save(saved.capture());
        StaffUser admin = saved.getValue();
        assertThat(admin.email()).isEqualTo("owner@lender.example");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.passwordHash()).isEqualTo("$2a$12$hash");
    }

    @Test
    void nothing_is_created_once_any_staff_user_exists() {
        when(staff.count()).thenReturn(1L);
        firstAdmin("owner@lender.example", "long-enough-secret").run(null);
        verify(staff, never()).save(any());
    }

    @Test
    void without_an_email_nothing_is_created() {
        when(staff.count()).thenReturn(0L);
        firstAdmin("", "").run(null);
        verify(staff, never()).save(any());
    }

    @Test
    void a_short_password_stops_start_up_rather_than_creating_a_weak_admin() {
        when(staff.count()).thenReturn(0L);
        assertThatThrownBy(() -> firstAdmin("owner@lender.example", "short").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 12 characters");
        verify(staff, never()).save(any());
    }
}
