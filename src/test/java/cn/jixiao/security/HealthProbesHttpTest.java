package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * A load balancer asks a node whether it takes traffic without signing in (README, 集群): readiness follows the
 * node's state, and nothing beyond UP or DOWN is told; no other actuator endpoint is reachable.
 */
class HealthProbesHttpTest extends HttpTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void aStartedNodeIsReadyAndAlive() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health")) {
            Response r = get(null, probe);
            assertThat(r.status()).as("%s %s", probe, r).isEqualTo(200);
            assertThat(r.json().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(r.json().has("components")).as(probe).isFalse();
            assertThat(r.json().has("details")).as(probe).isFalse();
        }
    }

    @Test
    void aNodeRefusingTrafficSaysSoWith503() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Response r = get(null, "/actuator/health/readiness");
            assertThat(r.status()).as("%s", r).isEqualTo(503);
            assertThat(r.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get(null, "/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void noOtherEndpointIsExposed() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/configprops")) {
            for (String user : java.util.Arrays.asList(null, "admin")) {
                Response r = get(user, path);
                assertThat(r.status()).as("%s as %s: %s", path, user, r).isEqualTo(404);
                assertNoStackTrace(r);
            }
        }
    }
}
