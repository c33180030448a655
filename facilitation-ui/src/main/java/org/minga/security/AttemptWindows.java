package org.minga.security;

import java.time.Duration;

/** Opens the window a throttle counts its attempts in; {@code name} tells the throttles' windows apart. */
@FunctionalInterface
public interface AttemptWindows {

    AttemptWindow open(String name, int limit, Duration window);
}
