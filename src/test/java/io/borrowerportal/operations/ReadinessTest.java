package io.borrowerportal.operations;

import io.borrowerportal.Application;
import io.borrowerportal.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Readiness follows the database (decision 038): a node of its own reaches MariaDB through a TCP relay this test
 * cuts and restores. While MariaDB is out of reach, readiness answers 503 (a load balancer takes the node out) and
 * liveness stays 200 (nothing restarts a process that would not help); once it is back, readiness is 200 again.
 */
class ReadinessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readiness_fails_while_mariadb_is_out_of_reach_and_liveness_does_not() throws Exception {
        assumeTrue("mariadb".equals(TestDatabase.mode()), "needs MariaDB: the relay speaks TCP to 127.0.0.1:3306");
        // A second application context installs its own security context strategy for the whole JVM (Vaadin's);
        // the shared test context's beans keep theirs, so it is put back for the tests that run after this one.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (Relay relay = new Relay(3306);
             ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class)
                     .profiles("test")
                     .run("--server.port=0", "--management.server.port=0",
                             "--spring.datasource.url=jdbc:mariadb://127.0.0.1:" + relay.port() + "/" + TestDatabase.name(),
                             "--spring.datasource.username=root", "--spring.datasource.password=",
                             "--spring.datasource.hikari.connection-timeout=1000",
                             "--spring.datasource.hikari.validation-timeout=500",
                             "--portal.demo-data=false", "--logging.level.com.zaxxer.hikari=off")) {
            int management = Integer.parseInt(node.getEnvironment().getRequiredProperty("local.management.port"));

            assertThat(status(management, "/actuator/health/readiness")).isEqualTo(200);

            relay.cut();
            assertThat(waitFor(management, "/actuator/health/readiness", 503)).isEqualTo(503);
            assertThat(status(management, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(body(management, "/actuator/prometheus")).contains("portal_readiness{application=\"borrower-portal\"} 0.0");

            relay.restore();
            assertThat(waitFor(management, "/actuator/health/readiness", 200)).isEqualTo(200);
            assertThat(body(management, "/actuator/prometheus")).contains("portal_readiness{application=\"borrower-portal\"} 1.0");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    private int status(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String body(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Asks until the answer is {@code wanted} or the patience runs out; the last answer either way. */
    private int waitFor(int port, String path, int wanted) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        int last = status(port, path);
        while (last != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = status(port, path);
        }
        return last;
    }

    /** A TCP relay to a local port that can drop every connection and refuse new ones, then take them again. */
    static final class Relay implements AutoCloseable {

        private final int target;
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean cut;
        private final Thread acceptor;

        Relay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = Thread.ofPlatform().daemon().name("relay").start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut) {
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // closed while accepting, or the target refused: the client sees its connection drop
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            Thread.ofPlatform().daemon().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        void cut() {
            cut = true;
            open.forEach(Relay::closeQuietly);
            open.clear();
        }

        void restore() {
            cut = false;
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            cut();
            server.close();
            acceptor.interrupt();
        }
    }
}
