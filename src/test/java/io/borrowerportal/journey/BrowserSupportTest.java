package io.borrowerportal.journey;

import org.junit.jupiter.api.Test;

import static io.borrowerportal.journey.BrowserSupport.Decision.FAIL;
import static io.borrowerportal.journey.BrowserSupport.Decision.RUN;
import static io.borrowerportal.journey.BrowserSupport.Decision.SKIP;
import static io.borrowerportal.journey.BrowserSupport.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journeys' browser policy, without a browser: CI must fail, not silently skip, when Chromium is gone. */
class BrowserSupportTest {

    @Test
    void required_fails_when_chromium_or_its_driver_is_missing() {
        assertThat(decide("required", false, true)).isEqualTo(FAIL);
        assertThat(decide("required", true, false)).isEqualTo(FAIL);
        assertThat(decide("required", true, true)).isEqualTo(RUN);
    }

    @Test
    void auto_skips_without_chromium_and_runs_with_it() {
        assertThat(decide("auto", false, false)).isEqualTo(SKIP);
        assertThat(decide("auto", true, false)).isEqualTo(SKIP);
        assertThat(decide("auto", true, true)).isEqualTo(RUN);
        assertThat(decide(null, true, true)).isEqualTo(RUN);
    }

    @Test
    void off_skips_even_with_chromium_installed() {
        assertThat(decide("off", true, true)).isEqualTo(SKIP);
    }

    @Test
    void a_misspelt_mode_is_an_error_rather_than_a_silent_skip() {
        assertThatThrownBy(() -> decide("requierd", true, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
