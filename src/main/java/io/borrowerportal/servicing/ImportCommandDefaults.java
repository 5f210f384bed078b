package io.borrowerportal.servicing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When the portal is started to import a folder ({@code --portal.import}), it should do that and exit: no scheduled
 * jobs (AutoPay, statements, webhooks would run beside the import and again on the real nodes) and no web server on
 * the portal's own port (the security configuration needs a servlet context, so one starts, on a free port), and no
 * management port. These
 * are defaults just below the command line, which still wins.
 */
class ImportCommandDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "portalImportCommandDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String folder = environment.getProperty("portal.import");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("portal.jobs.enabled", "false");
        defaults.put("server.port", "0");
        defaults.put("management.server.port", "-1");
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(SOURCE, defaults);
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }
}
