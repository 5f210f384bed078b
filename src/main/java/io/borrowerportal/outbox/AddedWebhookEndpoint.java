package io.borrowerportal.outbox;

/**
 * An endpoint just added, with its signing secret: the only time the secret leaves the portal, for the admin to
 * copy into the receiving system. Its {@link #toString()} leaves the secret out, so a log line cannot carry it.
 */
public record AddedWebhookEndpoint(WebhookEndpointSummary endpoint, String secret) {

    @Override
    public String toString() {
        return "AddedWebhookEndpoint[endpoint=" + endpoint + ", secret=(hidden)]";
    }
}
