package io.borrowerportal.security.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BundlePrefetchTest {

    private static final String BUNDLE = "io/borrowerportal/security/ui/bundle/";

    @Test
    void the_entry_index_html_names_comes_first_then_the_hashed_modules_it_imports_that_exist() {
        assertThat(BundlePrefetch.read(getClass().getClassLoader(), BUNDLE)).containsExactly(
                "VAADIN/build/indexhtml-BNp73Egs.js",
                "VAADIN/build/generated-flow-imports-t4nGUjc-.js",
                "VAADIN/build/style-props-BRR9WZfk.js",
                "VAADIN/build/lit-renderer-D9EjtIaS.js",
                "VAADIN/build/FlowBootstrap-C92yDU24.js");
    }

    @Test
    void without_a_production_index_html_there_is_nothing_to_prefetch() {
        assertThat(BundlePrefetch.read(getClass().getClassLoader(), "io/borrowerportal/security/ui/no-bundle/")).isEmpty();
    }
}
