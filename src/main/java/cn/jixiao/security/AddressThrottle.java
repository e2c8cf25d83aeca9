package cn.jixiao.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per client address: after {@code maxFailures} within {@code window} the address is
 * refused for {@code block} before any password is checked. Camunda's own delay slows guessing per account; this
 * slows one client guessing many accounts, and keeps such a client from pushing a rightful user's delay up, since
 * its further tries never reach the account. Nothing here is ever permanent. Pure, thread-safe, in memory.
 */
final class AddressThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    AddressThrottle(int maxFailures, Duration window, Duration block) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
    }

    /** How long the address must still wait, or {@link Duration#ZERO}. */
    Duration waitFor(String address, Instant now) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return Duration.ZERO;
        }
        if (!now.isBefore(until)) {
            blockedUntil.remove(address, until);
            return Duration.ZERO;
        }
        return Duration.between(now, until);
    }

    /** A failed sign-in from the address; blocks it when it reaches the limit within the window. */
    void failed(String address, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= maxFailures) {
                times.clear();
                blockedUntil.put(address, now.plus(block));
            }
        }
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory under a flood of addresses; the per-account delay still holds
        }
    }
}
