package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private final AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(10), Duration.ofMinutes(5));
    private final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void blocksAnAddressAfterTheLimitWithinTheWindowAndOnlyThatAddress() {
        throttle.failed("10.0.0.1", t0);
        throttle.failed("10.0.0.1", t0.plusSeconds(1));
        assertThat(throttle.waitFor("10.0.0.1", t0.plusSeconds(2))).isZero();
        throttle.failed("10.0.0.1", t0.plusSeconds(2));
        assertThat(throttle.waitFor("10.0.0.1", t0.plusSeconds(2))).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("10.0.0.2", t0.plusSeconds(2))).isZero();
    }

    @Test
    void theBlockEndsByItself() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("a", t0);
        }
        assertThat(throttle.waitFor("a", t0.plus(Duration.ofMinutes(4)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("a", t0.plus(Duration.ofMinutes(5)))).isZero();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        throttle.failed("a", t0);
        throttle.failed("a", t0.plus(Duration.ofMinutes(11)));
        throttle.failed("a", t0.plus(Duration.ofMinutes(12)));
        assertThat(throttle.waitFor("a", t0.plus(Duration.ofMinutes(12)))).isZero();
    }
}
