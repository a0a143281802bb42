package dev.avatarkit.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void givenASession_whenItsTimeIsUp_thenItIsGone() {
        Sessions sessions = new Sessions(10, Duration.ofHours(8), clock);
        Sessions.Session s = sessions.open(0);

        clock.now = clock.now.plus(Duration.ofHours(8)).minusSeconds(1);
        assertThat(sessions.find(s.id())).contains(s);
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void givenTheCap_whenAnotherSignsIn_thenTheOldestGoesAndTheCountStaysAtTheCap() {
        Sessions sessions = new Sessions(3, Duration.ofHours(8), clock);
        Sessions.Session first = sessions.open(0);
        for (int i = 0; i < 3; i++) {
            clock.now = clock.now.plusSeconds(1);
            sessions.open(0);
        }

        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.find(first.id())).isEmpty();
    }

    @Test
    void givenSessions_thenIdsAndCsrfTokensAre256RandomBitsAndDistinct() {
        Sessions sessions = new Sessions(1000, Duration.ofHours(8), clock);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Sessions.Session s = sessions.open(1);
            assertThat(s.id()).matches("[0-9a-f]{64}");
            assertThat(s.csrf()).matches("[0-9a-f]{64}").isNotEqualTo(s.id());
            assertThat(seen.add(s.id()) && seen.add(s.csrf())).isTrue();
        }
    }

    @Test
    void givenSignOut_whenTheIdIsUsedAgain_thenNoSession() {
        Sessions sessions = new Sessions(10, Duration.ofHours(8), clock);
        Sessions.Session s = sessions.open(0);

        sessions.close(s.id());

        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find("short")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
