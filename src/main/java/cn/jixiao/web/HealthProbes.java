package cn.jixiao.web;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a load balancer asks a node (README, 集群), without signing in: readiness is 200 only once the node has finished
 * starting, its start-up work included, and 503 before that and while it stops; liveness says the process works.
 * Spring Boot keeps both states ({@link ApplicationAvailability}); the actuator would expose them too, but it cost every
 * node 1.5–2.5 s of its start, and nothing else of it is used.
 */
@RestController
class HealthProbes {

    private final ApplicationAvailability availability;

    HealthProbes(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/health/readiness")
    ResponseEntity<Map<String, String>> readiness() {
        return answer(availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC, "OUT_OF_SERVICE");
    }

    @GetMapping("/health/liveness")
    ResponseEntity<Map<String, String>> liveness() {
        return answer(availability.getLivenessState() == LivenessState.CORRECT, "DOWN");
    }

    private static ResponseEntity<Map<String, String>> answer(boolean up, String otherwise) {
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("status", up ? "UP" : otherwise));
    }
}
