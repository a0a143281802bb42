package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderTimesTest {
    private final EnginePolicy policy = EnginePolicy.defaults(3);
    /** Whether renders wait for a slot (the stand-in's queue behind its first wave). */
    private boolean queued;

    private final RenderTimes times = new RenderTimes(policy, () -> queued);
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
    private int keys;

    private Job renderingSince(Instant start) {
        return renderingSince(start, start);
    }

    private Job renderingSince(Instant start, Instant firstPollAt) {
        return submitting(start)
                .rendering(
                        new ProviderRef("r" + keys), "waiting", start, firstPollAt, start.plus(policy.renderTimeout()));
    }

    private Job submitting(Instant at) {
        Job queued = Job.queued(
                JobId.next(at),
                new IdempotencyKey("k" + keys++),
                VideoSpec.singleAvatar("a", "v", "hi"),
                "fake",
                at,
                null,
                null);
        return queued.submitting(at);
    }

    /** Tells {@code times} a render started at {@code start} was seen running, then found done, so far into it. */
    private void found(Instant start, long lastRunningMillis, long foundMillis) {
        times.finished(
                renderingSince(start)
                        .polled("processing", start.plusMillis(lastRunningMillis), start.plusMillis(foundMillis)),
                start.plusMillis(foundMillis));
    }

    /** Tells {@code times} a render started at {@code start} was found done at its first poll, so far into it. */
    private void foundAtFirstPoll(Instant start, long foundMillis) {
        times.finished(renderingSince(start, start.plusMillis(foundMillis)), start.plusMillis(foundMillis));
    }

    /** One wave of five renders: how late its last render was found, and the requests its reads cost. */
    private record Wave(long lateMillis, int requests) {}

    /**
     * The stand-in in miniature: five slots, each render taking {@code renderMillis.applyAsLong(wave)}, every slot
     * starting its next render 30 ms after it found the last one done, renders queued behind every wave but the
     * last; polls made exactly when planned. Requests as {@link StatusReads} makes them: the polls of one instant in
     * one read (with URLs when one of them expects its render done), and the renders a read without URLs found done
     * read once more, together, for their URLs ({@link ResultReads}).
     */
    private List<Wave> stand(int waves, LongUnaryOperator renderMillis) {
        return stand(waves, renderMillis, 0);
    }

    /**
     * The same with each render's start stamp trailing the provider's start by up to {@code jitterMillis} (its
     * create's answer took that long), seeded: the render seems that much shorter.
     */
    private List<Wave> stand(int waves, LongUnaryOperator renderMillis, long jitterMillis) {
        record Poll(Instant at, int slot, int wave, Job job) {}
        Random random = new Random(17);
        long[][] lag = new long[waves][5];
        for (long[] wave : lag) for (int slot = 0; slot < 5; slot++) wave[slot] = random.nextLong(jitterMillis + 1);
        PriorityQueue<Poll> due = new PriorityQueue<>(Comparator.comparing(Poll::at));
        queued = waves > 1;
        for (int slot = 0; slot < 5; slot++) {
            Instant accepted = t0.plusMillis(5L * slot);
            Instant first = accepted.plus(times.firstPoll(submitting(accepted), accepted));
            due.add(new Poll(first, slot, 0, renderingSince(accepted, first)));
        }
        long[] late = new long[waves];
        int[] requests = new int[waves];
        List<List<Instant>> rounds = new ArrayList<>();
        List<List<Instant>> urlReads = new ArrayList<>();
        Set<Instant> withUrls = new HashSet<>();
        for (int wave = 0; wave < waves; wave++) {
            rounds.add(new ArrayList<>());
            urlReads.add(new ArrayList<>());
        }
        while (!due.isEmpty()) {
            Poll poll = due.poll();
            Job job = poll.job();
            Instant start = job.deadline().minus(policy.renderTimeout());
            Instant end = start.plusMillis(renderMillis.applyAsLong(poll.wave()) - lag[poll.wave()][poll.slot()]);
            int sent = rounds.get(poll.wave()).size();
            Instant round = round(rounds.get(poll.wave()), poll.at());
            requests[poll.wave()] += rounds.get(poll.wave()).size() - sent;
            // the round carries the wave's renders that may be done: those done are woken at once
            for (Poll other : List.copyOf(due)) {
                Instant otherEnd = other.job()
                        .deadline()
                        .minus(policy.renderTimeout())
                        .plusMillis(renderMillis.applyAsLong(other.wave()) - lag[other.wave()][other.slot()]);
                if (other.wave() == poll.wave()
                        && other.at().isAfter(poll.at())
                        && !otherEnd.isAfter(poll.at())
                        && !times.mayBeDone(other.job()).isAfter(poll.at())) {
                    due.remove(other);
                    due.add(new Poll(poll.at(), other.slot(), other.wave(), other.job()));
                }
            }
            if (times.expectsDone(job, poll.at())) withUrls.add(round);
            if (poll.at().isBefore(end)) {
                Instant next = poll.at().plus(times.nextPoll(job, poll.at()));
                due.add(new Poll(next, poll.slot(), poll.wave(), job.polled("processing", poll.at(), next)));
                continue;
            }
            if (!withUrls.contains(round)) {
                int urlsSent = urlReads.get(poll.wave()).size();
                round(urlReads.get(poll.wave()), poll.at());
                requests[poll.wave()] += urlReads.get(poll.wave()).size() - urlsSent;
            }
            times.finished(job, poll.at());
            late[poll.wave()] =
                    Math.max(late[poll.wave()], Duration.between(end, poll.at()).toMillis());
            if (poll.wave() + 1 < waves) {
                queued = poll.wave() + 2 < waves;
                Instant accepted = poll.at().plusMillis(30);
                Instant first = accepted.plus(times.firstPoll(submitting(accepted), accepted));
                due.add(new Poll(first, poll.slot(), poll.wave() + 1, renderingSince(accepted, first)));
            }
        }
        List<Wave> result = new ArrayList<>();
        for (int wave = 0; wave < waves; wave++) result.add(new Wave(late[wave], requests[wave]));
        return result;
    }

    /** The round a read made {@code at} goes in: one sent within the reads' window (50 ms) before, else its own. */
    private static Instant round(List<Instant> rounds, Instant at) {
        for (Instant round : rounds) if (!at.isBefore(round) && at.isBefore(round.plusMillis(50))) return round;
        rounds.add(at);
        return at;
    }

    private static int requests(List<Wave> waves) {
        return waves.stream().mapToInt(Wave::requests).sum();
    }

    @ParameterizedTest
    @ValueSource(longs = {10_000, 20_000, 30_000, 60_000})
    void givenRendersOfAFixedTime_whenEightWavesRun_thenEachIsFoundEarlyAndLaterWavesCostAReadEach(long render) {
        List<Wave> waves = stand(8, wave -> render);

        // with renders queued behind it, the first wave is polled every second up to 25 s, then every 4 % of its time
        // so far up to 30 s (at 15 % the 20 s stand-in's was found 1.75 s late, and the wave after it 0.74 s)
        if (render <= 30_000) assertThat(waves.get(0).lateMillis()).isLessThanOrEqualTo(render / 20);
        assertThat(waves.get(1).lateMillis()).as("the wave after the first").isLessThanOrEqualTo(render / 15);
        // the moving average found every wave after the second 0.8 s late at 20 s (its first polls crept up); now
        // within a narrow interval's width and the margin past it
        long narrowAndMargin = Math.max(100, render / 160) + 50;
        for (Wave wave : waves.subList(3, 8)) assertThat(wave.lateMillis()).isLessThanOrEqualTo(narrowAndMargin);
        assertThat(requests(waves.subList(3, 8)))
                .as("a wave's end read is one, joined (each alone cost five)")
                .isLessThanOrEqualTo(2 * 5);
        assertThat(requests(waves))
                .as("the stand-in's budget: 1.5 requests a video")
                .isLessThanOrEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(longs = {10_000, 20_000, 30_000, 60_000})
    void givenStartStampsThatTrailByUpToFiftyMillis_whenEightWavesRun_thenLaterWavesAreFoundWithinTheNoise(
            long render) {
        List<Wave> waves = stand(8, wave -> render, 50);

        long narrowAndMargin = Math.max(100, render / 160) + 50;
        for (Wave wave : waves.subList(3, 8)) assertThat(wave.lateMillis()).isLessThanOrEqualTo(narrowAndMargin + 50);
        assertThat(requests(waves)).isLessThanOrEqualTo(60);
    }

    @Test
    void givenRendersOfExactlyTenSeconds_whenTwoHundredWavesRun_thenTheyAreFoundEarlyAndCostAboutAReadAWave() {
        List<Wave> waves = stand(200, wave -> 10_000);

        // evidence ages out after forty renders; the probe that renews it costs a request now and then, no creep
        for (Wave wave : waves.subList(10, 200)) {
            assertThat(wave.lateMillis()).isLessThanOrEqualTo(150);
            assertThat(wave.requests()).isLessThanOrEqualTo(5);
        }
        assertThat(requests(waves.subList(10, 200))).isLessThanOrEqualTo(190 * 2);
    }

    @Test
    void givenRendersThatGetLonger_whenAWaveRunsPastTheInterval_thenItIsFollowedUpAndTheNextWaveIsOnTime() {
        List<Wave> waves = stand(10, wave -> wave < 5 ? 20_000 : 26_000);

        assertThat(waves.get(5).lateMillis()).as("followed up past 20 s").isLessThanOrEqualTo(6_000 / 4 + 250);
        assertThat(waves.get(5).requests()).isLessThanOrEqualTo(5 + 18);
        // the misses grew the margin past the end (it eases back a 16th a render)
        for (Wave wave : waves.subList(7, 10)) assertThat(wave.lateMillis()).isLessThanOrEqualTo(400);
    }

    @Test
    void givenRendersThatGetShorter_whenTheirEvidenceAgesOut_thenTheFirstPollsComeDown() {
        List<Wave> waves = stand(40, wave -> wave < 5 ? 20_000 : 17_000);

        assertThat(waves.get(5).lateMillis())
                .as("polled at the old interval's end")
                .isLessThanOrEqualTo(3_200);
        for (Wave wave : waves.subList(30, 40)) assertThat(wave.lateMillis()).isLessThanOrEqualTo(260);
    }

    @Test
    void givenAWideInterval_whenTheNextRenderIsPlanned_thenItIsPolledInThirdsAcrossItThenAloneAtItsEnd() {
        found(t0, 18_800, 21_800); // the first wave: running at 18.8 s, done at 21.8 s
        Instant start = Instant.parse("2026-11-27T10:01:00Z");
        Job job = renderingSince(start);

        Instant first = start.plus(times.firstPoll(submitting(start), start));
        assertThat(Duration.between(start, first)).isBetween(Duration.ofMillis(19_800), Duration.ofMillis(20_050));
        assertThat(times.expectsDone(job, first)).as("a step across: bulk").isFalse();
        assertThat(times.mayBeDone(job)).isEqualTo(start.plusMillis(18_800));

        Job polled = job.polled("processing", first, null);
        Instant second = first.plus(times.nextPoll(polled, first));
        assertThat(Duration.between(start, second)).isBetween(Duration.ofMillis(20_800), Duration.ofMillis(21_050));
        Job polledTwice = polled.polled("processing", second, null);
        Instant third = second.plus(times.nextPoll(polledTwice, second));
        assertThat(third).isEqualTo(start.plusMillis(21_850)); // its end, and a margin for the start's jitter
        assertThat(times.expectsDone(polledTwice, third))
                .as("the interval's end: alone")
                .isTrue();

        Job polledThrice = polledTwice.polled("processing", third, null);
        assertThat(times.expectsDone(polledThrice, third.plusMillis(300)))
                .as("a follow-up: the render was not done when expected")
                .isFalse();
    }

    @Test
    void givenANarrowInterval_whenARenderStarts_thenItsFirstPollIsAtTheEndAndExpectsItDone() {
        found(t0, 19_950, 20_050);
        Instant start = t0.plusSeconds(30);

        assertThat(times.firstPoll(submitting(start), start)).isEqualTo(Duration.ofMillis(20_100)); // end + 50 ms
        assertThat(times.expectsDone(renderingSince(start), start.plusMillis(20_050)))
                .isTrue();
        assertThat(times.expectsDone(renderingSince(start), start.plusMillis(20_000)))
                .isFalse();
    }

    @Test
    void givenAReadAtTheEndThatFindsARenderRunning_whenTheNextIsPlanned_thenItWaitsLongerPastTheEnd() {
        found(t0, 19_950, 20_050);
        Instant start = t0.plusSeconds(30);
        Duration first = times.firstPoll(submitting(start), start);
        assertThat(first).isEqualTo(Duration.ofMillis(20_100));

        // its create was answered sooner than the others': still running at the end read
        times.nextPoll(renderingSince(start, start.plus(first)), start.plus(first));

        Instant next = t0.plusSeconds(60);
        assertThat(times.firstPoll(submitting(next), next)).isEqualTo(Duration.ofMillis(20_125));
    }

    @Test
    void givenAnOlderRenderThatContradictsANewerOne_whenPlanning_thenOnlyTheNewerCounts() {
        found(t0, 19_900, 20_100); // 20 s renders
        found(t0.plusSeconds(30), 25_950, 26_100); // now 26 s: seen running past the older one's end

        Instant start = t0.plusSeconds(60);
        assertThat(times.firstPoll(submitting(start), start)).isEqualTo(Duration.ofMillis(26_150));
        assertThat(times.mayBeDone(renderingSince(start))).isEqualTo(start.plusMillis(25_950));
    }

    @Test
    void givenAResentCreate_whenItsRenderIsFound_thenOnlyItsEndTeaches_andItsFirstPollCountsFromTheFirstSend() {
        found(t0, 19_950, 20_050);
        // sent at 30 s, outcome unknown, resent and accepted at 35 s: stamped from the first send, it may have
        // started as late as the resend, so "seen running 24.9 s in" proves nothing (true: at most 19.9 s)
        Instant sent = t0.plusSeconds(30);
        Job resent = submitting(sent)
                .createInDoubt(sent, policy.renderTimeout(), sent.plusMillis(100))
                .submitting(sent.plusSeconds(5));
        assertThat(times.firstPoll(resent, sent.plusSeconds(5)))
                .as("its interval's end counted from the first send")
                .isEqualTo(Duration.ofMillis(15_100));
        Job rendering =
                resent.rendering(new ProviderRef("resent"), "processing", sent.plusSeconds(5), null, resent.deadline());
        times.finished(rendering.polled("processing", sent.plusMillis(24_900), null), sent.plusMillis(25_000));

        Instant next = t0.plusSeconds(60);
        assertThat(times.firstPoll(submitting(next), next)).isEqualTo(Duration.ofMillis(20_100));
    }

    @Test
    void givenOnlyRendersFoundAtTheirFirstPoll_whenPlanning_thenAStepBelowTheirEndIsProbed() {
        foundAtFirstPoll(t0, 20_000);
        Instant start = t0.plusSeconds(30);

        // no render seen running: the interval is assumed three eighths of a second wide (an eighth at 20 s, thrice)
        assertThat(times.firstPoll(submitting(start), start)).isEqualTo(Duration.ofMillis(19_750));
        assertThat(times.mayBeDone(renderingSince(start))).isEqualTo(start.plusMillis(19_625));
    }

    @Test
    void givenRendersLongerThanFourTimesTheLongestWait_whenPlanned_thenPolledOnTheWayAndAloneOnlyAtTheEnd() {
        Duration maximum = policy.pollMax().multipliedBy(4);
        long render = maximum.toMillis() * 2;
        found(t0, render - 500, render);
        Instant start = t0.plus(Duration.ofMinutes(30));
        Job job = renderingSince(start);

        Duration first = times.firstPoll(submitting(start), start);
        assertThat(first).isEqualTo(maximum);
        assertThat(times.expectsDone(job, start.plus(first))).isFalse();
        Job onTheWay = job.polled("processing", start.plus(first), null);
        Instant next = start.plus(first).plus(times.nextPoll(onTheWay, start.plus(first)));
        assertThat(next).isEqualTo(start.plus(maximum.multipliedBy(2)));
        assertThat(times.expectsDone(onTheWay, next)).isTrue();
    }

    @Test
    void givenARenderFoundByAPollMadeLongAfterItWasDue_whenPlanningTheNextOne_thenThatBoundIsNotLearned() {
        // due at 5 s, made at 40 s (the process was killed and restarted meanwhile): it took at most 40 s, no more said
        Job polledOnce = renderingSince(t0).polled("processing", t0.plusSeconds(3), t0.plusSeconds(5));
        times.finished(polledOnce, t0.plusSeconds(40));

        assertThat(times.firstPoll(submitting(t0.plusSeconds(41)), t0.plusSeconds(41)))
                .isEqualTo(policy.pollInitial());
        // the same render found by a poll made on time is learned
        times.finished(polledOnce, t0.plusMillis(5_200));
        assertThat(times.firstPoll(submitting(t0.plusSeconds(41)), t0.plusSeconds(41)))
                .isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void givenRendersAnEarlierProcessSearchedFor_whenRecalled_thenPollsCrossUpToTheirTimeThenReadItsEnd() {
        times.recall(renderingSince(t0), t0.plusMillis(10_080), true);
        times.recall(renderingSince(t0.plusSeconds(11)), t0.plusSeconds(11).plusMillis(10_040), true);

        // found by polls at most 15 % apart: they ended between 8.73 s (10.04 / 1.15) and 10.04 s; thirds across
        Instant start = t0.plusSeconds(60);
        Duration first = times.firstPoll(submitting(start), start);
        assertThat(first).isEqualTo(Duration.ofMillis(9_166));
        Job polled = renderingSince(start).polled("processing", start.plus(first), null);
        Duration second = times.nextPoll(polled, start.plus(first));
        Job polledTwice = polled.polled("processing", start.plus(first).plus(second), null);
        Instant third = start.plus(first)
                .plus(second)
                .plus(times.nextPoll(polledTwice, start.plus(first).plus(second)));
        assertThat(third)
                .as("still across, up to the end they were found by and a margin")
                .isBetween(start.plusMillis(9_900), start.plusMillis(10_090));
    }

    @Test
    void givenRendersAnEarlierProcessFoundAtAPlannedEnd_whenRecalled_thenTheFirstPollIsNearTheirTime() {
        // a restart mid-batch: the killed process read them once, at the end it had learned
        times.recall(renderingSince(t0), t0.plusMillis(10_080), false);
        times.recall(renderingSince(t0.plusSeconds(11)), t0.plusSeconds(11).plusMillis(10_040), false);

        Instant start = t0.plusSeconds(60);
        assertThat(times.firstPoll(submitting(start), start))
                .isBetween(Duration.ofMillis(9_700), Duration.ofMillis(10_040));
    }

    @Test
    void givenALoneRenderAnEarlierProcessFoundLate_whenRecalled_thenTheNextIsFoundBeforeThatLateTime() {
        // polled without history (15 % steps): running at 18.5 s, found at 21.3 s; the render took 20 s
        times.recall(renderingSince(t0), t0.plusMillis(21_300), true);

        Instant start = t0.plusSeconds(60);
        Duration first = times.firstPoll(submitting(start), start);
        Job polled = renderingSince(start).polled("processing", start.plus(first), null);
        Duration second = first.plus(times.nextPoll(polled, start.plus(first)));
        assertThat(first).isLessThan(Duration.ofSeconds(20)); // still running
        assertThat(second)
                .as("found at the next step across, not at the late time recalled")
                .isBetween(Duration.ofSeconds(20), Duration.ofMillis(20_500));
    }

    @Test
    void givenNoHistory_whenPlanningPolls_thenThePolicysFirstWaitApplies() {
        assertThat(times.firstPoll(submitting(t0), t0)).isEqualTo(policy.pollInitial());
        assertThat(times.mayBeDone(renderingSince(t0))).isEqualTo(Instant.MIN); // any read may carry it
        assertThat(times.expectsDone(renderingSince(t0), t0.plusSeconds(30))).isFalse();
    }

    @Test
    void givenNoHistory_whenARenderIsStillRunning_thenEachPollWaitsAShareOfItsTimeSoFar() {
        // the x1.25 backoff waited 6.5 s at 20 s (its seventh poll): the 20 s stand-in's first wave was found 6.3 s
        // late
        Job polledSixTimes = renderingSince(t0);
        for (int poll = 0; poll < 6; poll++)
            polledSixTimes = polledSixTimes.polled("processing", t0.plusSeconds(poll), null);
        assertThat(times.nextPoll(polledSixTimes, t0.plusSeconds(4)))
                .as("at least the first wait early on")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(times.nextPoll(polledSixTimes, t0.plusMillis(4_030)))
                .as("a step run 30 ms after its instant keeps the 2 s beat (rounding up made it 2.5 s)")
                .isEqualTo(Duration.ofMillis(1_970));
        assertThat(times.nextPoll(polledSixTimes, t0.plusSeconds(20)))
                .as("15 % of 20 s, on the half-second grid")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(times.nextPoll(polledSixTimes, t0.plusSeconds(40)))
                .as("40 % past 30 s")
                .isEqualTo(Duration.ofSeconds(16));
        assertThat(times.nextPoll(polledSixTimes, t0.plusSeconds(600))).isEqualTo(policy.pollMax());
    }

    @Test
    void givenAWaveAcceptedMillisecondsApart_whenProbingAWideInterval_thenTheyAreDueAtTheSameInstants() {
        found(t0, 18_800, 21_800);
        Instant a = t0.plusSeconds(60).plusMillis(7);
        Instant b = a.plusMillis(31);

        assertThat(a.plus(times.firstPoll(submitting(a), a))).isEqualTo(b.plus(times.firstPoll(submitting(b), b)));
    }

    @Test
    void givenARenderFarPastItsInterval_whenFollowingUp_thenTheWaitGrowsWithTheOverrun() {
        found(t0, 19_900, 20_100);
        Instant start = t0.plusSeconds(60);
        Job running = renderingSince(start).polled("processing", start.plusMillis(20_100), null);

        assertThat(times.nextPoll(running, start.plusMillis(20_100))).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(times.nextPoll(running, start.plusSeconds(40)))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        assertThat(times.nextPoll(running, start.plusSeconds(900))).isEqualTo(policy.pollMax());
    }
}
