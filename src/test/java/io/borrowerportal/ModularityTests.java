package io.borrowerportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modules_have_no_cycles_and_use_only_each_others_api() {
        modules.verify();
    }

    @Test
    void the_features_are_modules() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("account", "audit", "autopay", "base", "common", "customer", "demo", "ledger", "notification", "payment",
                        "security", "settings", "staff");
    }
}
