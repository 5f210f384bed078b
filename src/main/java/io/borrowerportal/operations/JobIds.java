package io.borrowerportal.operations;

import org.slf4j.MDC;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every run of a scheduled job gets an id, in the MDC as {@code job.id} beside the job's name ({@code job}), for
 * each line it logs: the lines of one AutoPay run, or of one outbox pass, can be read apart from the requests
 * served meanwhile. Applied to Spring's scheduler, which runs every {@code @Scheduled} method.
 */
@Configuration(proxyBeanMethods = false)
class JobIds {

    static final String ID_KEY = "job.id";
    static final String NAME_KEY = "job";
    /** {@code ScheduledMethodRunnable} names itself by its class and method: the last two parts are the job. */
    private static final Pattern METHOD = Pattern.compile("([A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+)\\s*$");

    @Bean
    ThreadPoolTaskSchedulerCustomizer jobIdsOnScheduledTasks() {
        return scheduler -> scheduler.setTaskDecorator(decorator());
    }

    static TaskDecorator decorator() {
        return task -> {
            String name = jobName(task);
            return () -> {
                try (MDC.MDCCloseable id = MDC.putCloseable(ID_KEY, RequestIds.newId());
                     MDC.MDCCloseable job = MDC.putCloseable(NAME_KEY, name)) {
                    task.run();
                }
            };
        };
    }

    static String jobName(Runnable task) {
        Matcher matcher = METHOD.matcher(String.valueOf(task));
        return matcher.find() ? matcher.group(1) : "job";
    }
}
