package io.borrowerportal.outbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One delivery as a test's webhook receiver (a JDK {@code HttpServer}) got it: its headers and its exact body. */
public record ReceivedWebhook(Map<String, List<String>> headers, String body) {

    /** Reads the request of the exchange; the caller answers it. */
    public static ReceivedWebhook of(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new ReceivedWebhook(Map.copyOf(exchange.getRequestHeaders()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The first value of a header, whatever the case of its name; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }
}
