package org.minga.security;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing: a client may try {@value #LIMIT} wrong table codes or link tokens within a
 * minute, whatever carries them (header, cookie, {@code /api/join}, {@code /join/{code}}, a share
 * link's page); then it is refused (429) until the oldest of them is a minute old. An attempt is
 * reserved before the code is looked up and given back when it was right, so the limit also holds
 * for many requests at once. With several instances they all count in one window ({@link AttemptWindows}).
 */
@Component
public class WrongCodeThrottle {

    static final int LIMIT = 10;

    private final AttemptWindow attempts;

    public WrongCodeThrottle(AttemptWindows windows) {
        this.attempts = windows.open("wrong-code", LIMIT, Duration.ofMinutes(1));
    }

    /** An attempt for this client, or null when it has had its {@value #LIMIT} wrong codes this minute. */
    public AttemptWindow.Attempt reserve(String client) {
        return attempts.reserve(client);
    }

    /** The code was right (or could not be checked): it does not count. */
    public void right(AttemptWindow.Attempt attempt) {
        attempts.giveBack(attempt);
    }

    /** The code was wrong: it counts for a minute. */
    public void wrong(AttemptWindow.Attempt attempt) {
        attempts.keptWrong(attempt);
    }
}
