package io.borrowerportal.outbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to (decision 029). Only admins configure endpoints; besides, only http(s)
 * URLs with a host and no user name or password are accepted, and unless
 * {@code portal.webhooks.allow-private-addresses} is set, a host that is or resolves to a loopback, link-local
 * (the cloud metadata service at 169.254.169.254), site-local or wildcard address is refused, when the endpoint is
 * added and again before each delivery: the portal's own network is not reachable through a webhook.
 */
final class WebhookAddresses {

    static final int MAX_URL = 2000;

    private WebhookAddresses() {
    }

    /** The URL as stored, or a refusal naming what is wrong. */
    static URI parse(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty() || text.length() > MAX_URL) {
            throw new WebhookRefusedException("url", "Enter the endpoint's address, at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new WebhookRefusedException("url", "This is not a valid address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new WebhookRefusedException("url", "Only http:// and https:// addresses are accepted.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebhookRefusedException("url", "The address needs a host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookRefusedException("url", "The address may not hold a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookRefusedException("url", "The address may not have a #fragment.");
        }
        return uri;
    }

    /** Why the portal will not send to this host, or empty. */
    static Optional<String> refusedHost(URI uri, boolean allowPrivate) {
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    return Optional.of("The host " + uri.getHost() + " is a private or local address.");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " is not known.");
        }
    }
}
