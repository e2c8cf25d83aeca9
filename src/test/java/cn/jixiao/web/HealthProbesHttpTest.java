package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * A load balancer asks a node whether it takes traffic without signing in (README, 集群): the probes follow the node's
 * state and tell nothing beyond it; nothing of Spring's actuator is reachable.
 */
class HealthProbesHttpTest extends HttpTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void aStartedNodeIsReadyAndAlive() {
        for (String probe : List.of("/health/readiness", "/health/liveness")) {
            Response r = get(null, probe);
            assertThat(r.status()).as("%s %s", probe, r).isEqualTo(200);
            assertThat(r.json().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(r.json().size()).as(probe).isEqualTo(1);
            assertThat(r.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    @Test
    void aNodeRefusingTrafficSaysSoWith503() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Response r = get(null, "/health/readiness");
            assertThat(r.status()).as("%s", r).isEqualTo(503);
            assertThat(r.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get(null, "/health/liveness").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get(null, "/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void aBrokenNodeIsNotAlive() {
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        try {
            Response r = get(null, "/health/liveness");
            assertThat(r.status()).as("%s", r).isEqualTo(503);
            assertThat(r.json().path("status").asText()).isEqualTo("DOWN");
        } finally {
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        }
        assertThat(get(null, "/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theProbesOnlyAnswerReadsAndNoActuatorIsThere() {
        Response post = send(null, "POST", "/health/readiness", "{}", "application/json");
        assertThat(post.status()).as("%s", post).isEqualTo(405);
        assertNoStackTrace(post);
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/env", "/actuator/beans")) {
            for (String user : Arrays.asList(null, "admin")) {
                Response r = get(user, path);
                assertThat(r.status()).as("%s as %s: %s", path, user, r).isEqualTo(404);
                assertNoStackTrace(r);
            }
        }
    }
}
