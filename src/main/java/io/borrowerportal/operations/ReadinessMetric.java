package io.borrowerportal.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code portal_readiness}: 1 while the node's readiness group ({@code /actuator/health/readiness}: the application
 * accepts traffic and reaches its database) is UP, else 0, so Prometheus can alert on readiness itself and not only
 * on a node it cannot scrape. The same check the load balancer's probe runs, once per scrape.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessMetric {

    @Bean
    Gauge readinessGauge(MeterRegistry registry, ObjectProvider<HealthEndpoint> health) {
        return Gauge.builder("portal.readiness", health, ReadinessMetric::ready)
                // Micrometer keeps a gauge's object weakly; the provider is referenced from nowhere else.
                .strongReference(true)
                .description("1 while /actuator/health/readiness is UP, else 0").register(registry);
    }

    static double ready(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
