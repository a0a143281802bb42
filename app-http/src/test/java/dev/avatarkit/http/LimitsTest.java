package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting behind 429s: per-token and total caps for streams and queued jobs, and slots freed on terminal states. */
class LimitsTest {
    static final Client ALICE = new Client(0);
    static final Client BOB = new Client(1);

    @Test
    void givenTheTotalStreamCap_thenAnotherTokensStreamIsRefusedUntilOneCloses() throws Exception {
        StreamCaps caps = new StreamCaps(HttpLimits.defaults().withStreams(2, 3));
        AutoCloseable a1 = caps.open(ALICE);
        caps.open(ALICE);
        assertThatThrownBy(() -> caps.open(ALICE)).isInstanceOf(ProblemException.class); // per token
        caps.open(BOB);
        assertThatThrownBy(() -> caps.open(BOB))
                .isInstanceOf(ProblemException.class) // in total
                .satisfies(e -> assertThat(((ProblemException) e).headers()).containsKey("Retry-After"));
        a1.close();
        a1.close(); // closing twice frees one slot only
        caps.open(BOB);
        assertThat(caps.open()).isEqualTo(3);
    }

    @Test
    void givenTheTotalQueueCap_thenEveryTokenIsRefusedAndATerminalJobFreesItsSlot() {
        Admission admission = new Admission(HttpLimits.defaults().withQueue(10, 3));
        JobId first = JobSamples.id(1);
        try (Admission.Ticket t = admission.admit(ALICE, 2, "body")) {
            admission.accept(job(first, JobState.QUEUED));
            admission.accept(job(JobSamples.id(2), JobState.QUEUED));
            t.owns(List.of(first));
        }
        try (Admission.Ticket t = admission.admit(BOB, 1, "body")) {
            admission.accept(job(JobSamples.id(3), JobState.QUEUED));
        }
        assertThatThrownBy(() -> admission.admit(BOB, 1, "body"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e ->
                        assertThat(((ProblemException) e).problem().status()).isEqualTo(429));
        admission.accept(job(first, JobState.SUCCEEDED));
        admission.admit(BOB, 1, "body").close();
        assertThatThrownBy(() -> admission.admit(ALICE, 11, "rows")).isInstanceOf(ValidationException.class);
    }

    @Test
    void givenTheLimitKeysInTheEnvironment_thenTheyOverrideTheDefaultsAndNonsenseIsRefused() {
        HttpLimits limits = HttpLimits.fromEnv(Map.of(
                HttpLimits.MAX_QUEUED_PER_TOKEN,
                "7",
                HttpLimits.MAX_QUEUED,
                "70",
                HttpLimits.MAX_STREAMS_PER_TOKEN,
                "2",
                HttpLimits.MAX_STREAMS,
                "20"));
        assertThat(limits.maxQueuedPerToken()).isEqualTo(7);
        assertThat(limits.maxQueued()).isEqualTo(70);
        assertThat(limits.maxStreamsPerToken()).isEqualTo(2);
        assertThat(limits.maxStreams()).isEqualTo(20);
        assertThatThrownBy(() -> HttpLimits.fromEnv(Map.of(HttpLimits.MAX_QUEUED, "lots")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> HttpLimits.fromEnv(Map.of(HttpLimits.MAX_QUEUED, "0")))
                .isInstanceOf(ValidationException.class);
    }

    private static Job job(JobId id, JobState state) {
        Job queued = JobSamples.queued(id);
        return state == JobState.QUEUED ? queued : queued.withState(state, JobSamples.T0);
    }
}
