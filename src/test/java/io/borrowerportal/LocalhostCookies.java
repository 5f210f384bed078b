package io.borrowerportal;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Cookies as Chromium and Firefox keep them: a secure cookie (the session cookie is one, decision 019) goes
 * back to http://localhost, which java.net.CookieManager only does for https.
 */
public final class LocalhostCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return cookies.get(asHttps(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        cookies.put(asHttps(uri), responseHeaders);
    }

    private static URI asHttps(URI uri) {
        if (!"http".equals(uri.getScheme()) || !"localhost".equals(uri.getHost())) {
            return uri;
        }
        return URI.create("https" + uri.toString().substring("http".length()));
    }
}
