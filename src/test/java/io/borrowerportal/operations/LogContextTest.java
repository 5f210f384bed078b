package io.borrowerportal.operations;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code LOG_FORMAT} turns on, and the job ids a scheduled run logs under (decision 038). */
class LogContextTest {

    @Test
    void log_format_json_turns_on_ecs_lines_for_the_console_and_the_file_and_anything_else_leaves_text() {
        MockEnvironment json = new MockEnvironment().withProperty("LOG_FORMAT", "JSON");
        new LogFormat().postProcessEnvironment(json, new SpringApplication());
        assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(json.getProperty("logging.structured.format.file")).isEqualTo("ecs");

        MockEnvironment explicit = new MockEnvironment().withProperty("LOG_FORMAT", "json")
                .withProperty("logging.structured.format.console", "logstash");
        new LogFormat().postProcessEnvironment(explicit, new SpringApplication());
        assertThat(explicit.getProperty("logging.structured.format.console")).isEqualTo("logstash");

        for (String other : new String[]{"", "text", "jsonl"}) {
            MockEnvironment text = new MockEnvironment().withProperty("LOG_FORMAT", other);
            new LogFormat().postProcessEnvironment(text, new SpringApplication());
            assertThat(text.getProperty("logging.structured.format.console")).as(other).isNull();
        }
    }

    @Test
    void a_scheduled_run_logs_under_its_job_name_and_an_id_of_its_own_which_are_gone_afterwards() throws Exception {
        AtomicReference<String> job = new AtomicReference<>();
        AtomicReference<String> id = new AtomicReference<>();
        Runnable scheduled = new ScheduledMethodRunnable(new SampleJob(() -> {
            job.set(MDC.get(JobIds.NAME_KEY));
            id.set(MDC.get(JobIds.ID_KEY));
        }), SampleJob.class.getDeclaredMethod("deliver"));

        JobIds.decorator().decorate(scheduled).run();
        String first = id.get();
        JobIds.decorator().decorate(scheduled).run();

        assertThat(job.get()).isEqualTo("LogContextTest$SampleJob.deliver");
        assertThat(first).matches("[0-9a-f]{16}");
        assertThat(id.get()).matches("[0-9a-f]{16}").isNotEqualTo(first);
        assertThat(MDC.get(JobIds.ID_KEY)).isNull();
        assertThat(MDC.get(JobIds.NAME_KEY)).isNull();
    }

    @Test
    void a_request_id_from_a_proxy_is_kept_only_when_it_is_a_plain_token() {
        assertThat(RequestIds.idFor("4f1c2a9e-77b0-4c55")).isEqualTo("4f1c2a9e-77b0-4c55");
        assertThat(RequestIds.idFor(null)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("short")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("id\nforged line")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("x".repeat(65))).matches("[0-9a-f]{16}");
    }

    static final class SampleJob {
        private final Runnable work;

        SampleJob(Runnable work) {
            this.work = work;
        }

        public void deliver() {
            work.run();
        }
    }
}
