package io.borrowerportal.base;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class HashedFileCachingTest {

    private final HashedFileCaching.Filter filter = new HashedFileCaching.Filter();

    private MockHttpServletResponse serve(String uri, String cacheControl) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        // As Vaadin's static file server answers: its own cache time, set by the servlet behind the filter.
        filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setHeader("Cache-Control", cacheControl));
        return response;
    }

    @Test
    void a_file_named_by_its_hash_is_kept_for_a_year() throws Exception {
        assertThat(serve("/VAADIN/build/indexhtml-BNp73Egs.js", "max-age=3600").getHeader("Cache-Control"))
                .isEqualTo("max-age=31536000, immutable");
        assertThat(serve("/VAADIN/build/generated-flow-imports-Dx_3a-9q.css", "max-age=3600").getHeader("Cache-Control"))
                .isEqualTo("max-age=31536000, immutable");
    }

    @Test
    void a_file_without_a_hash_or_a_refusal_to_cache_keeps_what_the_server_said() throws Exception {
        assertThat(serve("/VAADIN/build/sw.js", "max-age=3600").getHeader("Cache-Control")).isEqualTo("max-age=3600");
        assertThat(serve("/VAADIN/build/indexhtml-BNp73Egs.js", "no-cache").getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(serve("/VAADIN/build/stats.json", "max-age=3600").getHeader("Cache-Control")).isEqualTo("max-age=3600");
    }
}
