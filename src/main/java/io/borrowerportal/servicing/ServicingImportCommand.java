package io.borrowerportal.servicing;

import io.borrowerportal.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The first load from the command line, then exit:
 * <pre>java -jar borrower-portal.jar --portal.import=/data/first-load</pre>
 * (which starts no scheduled jobs and takes a free port, {@link ImportCommandDefaults}), with {@code --portal.import.dry-run=true} to check the files without writing, and
 * {@code --portal.import.invite=true} to send the activation invitation to each customer the run created, and
 * {@code --portal.import.writers=N} for the number of threads writing chunks at once (default 4). Prints
 * the report (every refused row with its file and line); exit code 0 when everything went in, 1 when some rows or
 * loans were refused, 2 when a file was refused whole (nothing written).
 */
@Component
@ConditionalOnProperty(name = "portal.import")
class ServicingImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ServicingImportCommand.class);

    private final ServicingImport imports;
    private final ConfigurableApplicationContext context;
    private final String folder;
    private final boolean dryRun;
    private final boolean invite;

    ServicingImportCommand(ServicingImport imports, ConfigurableApplicationContext context,
                           @Value("${portal.import}") String folder,
                           @Value("${portal.import.dry-run:false}") boolean dryRun,
                           @Value("${portal.import.invite:false}") boolean invite) {
        this.imports = imports;
        this.context = context;
        this.folder = folder;
        this.dryRun = dryRun;
        this.invite = invite;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = runOnce();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** The import and its report; the exit code. */
    int runOnce() {
        Path dir = Path.of(folder.strip());
        if (!Files.isDirectory(dir)) {
            log.error("portal.import must name a folder holding customers.csv, loans.csv, borrowers.csv and "
                    + "entries.csv (and products.csv, if the portal lacks products); {} is not one", dir);
            return 2;
        }
        Map<ImportFile, Path> files = ImportFile.in(dir);
        ImportReport report = SystemTask.call(() -> imports.run(files, dryRun));
        report.problems().forEach(problem -> log.warn("Refused: {}", problem));
        log.info("{}", report.summary());
        if (invite && !dryRun) {
            int sent = SystemTask.call(() -> imports.inviteCreated(report));
            log.info("Activation invitations sent to {} of the {} customers this run created", sent,
                    report.createdCustomerIds().size());
        }
        if (report.refusedWhole()) {
            return 2;
        }
        return report.clean() ? 0 : 1;
    }
}
