package io.borrowerportal;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    /** Where the module diagram lives; the README links it. */
    static final Path MODULE_DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modules_have_no_cycles_and_use_only_each_others_api() {
        modules.verify();
    }

    @Test
    void the_features_are_modules() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("access", "account", "audit", "autopay", "base", "common", "customer", "demo", "document",
                        "gateway", "insurance", "integration", "ledger", "notification", "operations", "outbox", "payment", "paymentprofile", "security", "servicing", "settings",
                        "statement",
                        "staff");
    }

    /**
     * Spring Modulith's Documenter writes the module diagram (PlantUML) into docs/modules on every build, so
     * the committed one shows the modules as the code has them; it is also rendered to SVG for reading on
     * the web (Smetana, PlantUML's own layout, so no Graphviz is needed).
     */
    @Test
    void the_module_diagram_is_written_into_docs() throws IOException {
        new Documenter(modules, MODULE_DOCS.toString()).writeModulesAsPlantUml(Documenter.DiagramOptions.defaults());
        Path puml = MODULE_DOCS.resolve("components.puml");
        // The Documenter lists modules and relations in no fixed order: sorted, an unchanged design gives
        // an unchanged file, so a diff in docs/modules is a change in the modules.
        String source = sortedRuns(Files.readString(puml));
        Files.writeString(puml, source);
        assertThat(source).contains("Paymentprofile", "Autopay", "Gateway");

        String laidOut = source.replaceFirst("@startuml(.*)\\R", "@startuml$1\n!pragma layout smetana\n");
        try (OutputStream svg = Files.newOutputStream(MODULE_DOCS.resolve("components.svg"))) {
            new SourceStringReader(laidOut).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        }
        assertThat(Files.readString(MODULE_DOCS.resolve("components.svg"))).contains("<svg", "Paymentprofile");
    }

    /** Each run of consecutive "Component(" or "Rel(" lines, sorted; every other line stays where it is. */
    private static String sortedRuns(String puml) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : puml.lines().toList()) {
            boolean listed = line.strip().startsWith("Component(") || line.startsWith("Rel(");
            if (!listed && !run.isEmpty()) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            (listed ? run : out).add(line);
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out) + "\n";
    }
}
