package io.borrowerportal.base.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TempFileUploadHandlerTest {

    @Test
    void a_body_that_never_ends_is_read_only_a_little_past_the_limit() throws IOException {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                read.addAndGet(length);
                return length;
            }
        };
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        assertThat(TempFileUploadHandler.copyAtMost(endless, written, 1_000_000)).isFalse();

        assertThat(read.get()).isLessThanOrEqualTo(1_000_000 + 64 * 1024);
        assertThat(written.size()).isLessThanOrEqualTo(1_000_000);
    }

    @Test
    void a_body_at_the_limit_is_copied_whole() throws IOException {
        byte[] body = new byte[200_000];
        body[199_999] = 7;
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        assertThat(TempFileUploadHandler.copyAtMost(new ByteArrayInputStream(body), written, body.length)).isTrue();

        assertThat(written.toByteArray()).isEqualTo(body);
    }
}
