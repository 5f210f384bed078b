package io.borrowerportal.security.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of Vaadin's production bundle that the first Vaadin page after sign-in will load, so the sign-in page can
 * prefetch them while the borrower types (decision 043): the hashed files production mode's {@code index.html} names,
 * and the modules those name in turn (Flow's client, the components). Read once from the classpath; empty where
 * there is no production bundle, as in development mode, and never an error, since the sign-in page works without.
 */
final class BundlePrefetch {

    /** Where {@code vaadin:build-frontend} puts the production bundle, in the jar and in target/classes. */
    static final String WEBAPP = "META-INF/VAADIN/webapp/";
    private static final String BUILD = "VAADIN/build/";
    /** A script or stylesheet of the bundle that index.html loads. */
    private static final Pattern IN_INDEX = Pattern.compile("(?:src|href)=\"\\./(" + BUILD + "[A-Za-z0-9_.-]+\\.(?:js|css))\"");
    /**
     * A sibling module an entry imports, as Vite writes it ({@code "./FlowClient-XDkeHcOw.js"} in any quotes), named by
     * its hash as {@code base.HashedFileCaching} recognises it; what the text merely mentions is dropped below, since
     * only files that exist are kept.
     */
    private static final Pattern IMPORTED = Pattern.compile("[\"'`]\\./([A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8,}\\.(?:js|css))[\"'`]");

    private BundlePrefetch() {
    }

    /** Addresses relative to the application's root ({@code VAADIN/build/...}), the entry first. */
    static List<String> read(ClassLoader loader, String webapp) {
        String index = text(loader, webapp + "index.html");
        if (index == null) {
            return List.of();
        }
        Set<String> files = new LinkedHashSet<>();
        Matcher entries = IN_INDEX.matcher(index);
        List<String> entryFiles = new ArrayList<>();
        while (entries.find()) {
            if (loader.getResource(webapp + entries.group(1)) != null) {
                entryFiles.add(entries.group(1));
            }
        }
        files.addAll(entryFiles);
        // One level down is the whole client a page starts with; the chunks those modules load later (charts,
        // markdown) are left to the page that needs them.
        for (String entry : entryFiles) {
            String module = text(loader, webapp + entry);
            Matcher imports = IMPORTED.matcher(module == null ? "" : module);
            while (imports.find()) {
                String file = BUILD + imports.group(1);
                if (loader.getResource(webapp + file) != null) {
                    files.add(file);
                }
            }
        }
        return List.copyOf(files);
    }

    private static String text(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
