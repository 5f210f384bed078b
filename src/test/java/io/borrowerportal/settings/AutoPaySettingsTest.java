package io.borrowerportal.settings;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoPaySettingsTest {

    private static final AutoPaySettings ON = new AutoPaySettings(true, true, true, true,
            EnumSet.allOf(AutoPayFrequency.class), EnumSet.allOf(AutoPayAmountType.class), 1, LocalTime.of(6, 0));

    @Test
    void autopay_switched_on_offers_at_least_one_frequency_and_one_amount_type() {
        assertThatThrownBy(() -> ON.withOffered(Set.of(), EnumSet.allOf(AutoPayAmountType.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one frequency");
        assertThatThrownBy(() -> ON.withOffered(EnumSet.of(AutoPayFrequency.MONTHLY), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one amount type");

        AutoPaySettings off = ON.withEnabled(false).withOffered(Set.of(), Set.of());
        assertThat(off.frequencies()).isEmpty();
        assertThatThrownBy(() -> off.withEnabled(true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_limit_per_loan_is_one_to_ten() {
        assertThat(ON.withLimits(AutoPaySettings.MAX_ACTIVE_LIMIT, LocalTime.NOON).maxActivePerAccount()).isEqualTo(10);
        assertThatThrownBy(() -> ON.withLimits(0, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ON.withLimits(11, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }
}
