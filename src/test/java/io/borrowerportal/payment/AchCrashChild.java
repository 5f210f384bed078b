package io.borrowerportal.payment;

import io.borrowerportal.Application;
import io.borrowerportal.security.SystemTask;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * The portal in a process of its own, for {@link AchDeliveryCrashTest}. {@code export} exports the pending bank
 * debits and dies the moment the file is to get its final name ({@link Runtime#halt}: no shutdown hook, no
 * finally block, as a killed process); {@code start} only starts the portal, which delivers at start-up what
 * an earlier process left undelivered, and stops. The other arguments are the portal's properties.
 */
public final class AchCrashChild {

    /** Exit code of a process halted at the rename. */
    static final int KILLED_AT_RENAME = 97;
    /** Exit code of an export that reached no rename (nothing was exported). */
    static final int NOTHING_EXPORTED = 98;

    private AchCrashChild() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .run(Arrays.copyOfRange(args, 1, args.length));
        if ("export".equals(mode)) {
            context.getBean(AchOutbox.class).moveWith((from, to) -> Runtime.getRuntime().halt(KILLED_AT_RENAME));
            SystemTask.call(context.getBean(AchExport.class)::exportPending);
            Runtime.getRuntime().halt(NOTHING_EXPORTED);
        }
        context.close();
        System.exit(0);
    }
}
