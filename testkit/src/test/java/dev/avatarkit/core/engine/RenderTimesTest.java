package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RenderTimesTest {
    private final EnginePolicy policy = EnginePolicy.defaults(3);
    private final RenderTimes times = new RenderTimes(policy, new Backoff(new Random(1)));
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    private Job renderingSince(Instant start) {
        Job queued = Job.queued(
                JobId.next(start),
                new IdempotencyKey("k" + start.toEpochMilli()),
                VideoSpec.singleAvatar("a", "v", "hi"),
                "fake",
                start,
                null,
                null);
        return queued.rendering(new ProviderRef("r"), "waiting", start, start, start.plus(policy.renderTimeout()));
    }

    @Test
    void givenRendersTakeTwentySeconds_whenAskedFromWhenOneMayBeDone_thenItIsTwoFollowUpStepsBeforeTwentySeconds() {
        assertThat(times.mayBeDone(renderingSince(t0))).isEqualTo(Instant.MIN); // no history: any read may carry it
        Job polledOnce = renderingSince(t0).polled("processing", t0.plusMillis(19_500), t0.plusMillis(20_500));
        times.finished(polledOnce, t0.plusMillis(20_500));

        assertThat(times.mayBeDone(renderingSince(t0.plusSeconds(30))))
                .isEqualTo(t0.plusSeconds(30).plusMillis(19_500));
    }

    @Test
    void givenAMeasuredUsualTime_whenARenderIsFirstPolled_thenItIsExpectedDoneButNotAfterAWaveWithoutHistory() {
        assertThat(times.expectsDone(renderingSince(t0), t0.plusSeconds(30))).isFalse(); // nothing learned yet
        // the first wave, without history: found at 22.5 s, last seen running at 16.4 s — only bounded
        Job wide = renderingSince(t0).polled("processing", t0.plusMillis(16_400), t0.plusMillis(22_500));
        times.finished(wide, t0.plusMillis(22_500));
        Instant wave2 = t0.plusSeconds(23);
        assertThat(times.expectsDone(renderingSince(wave2), wave2.plusSeconds(20)))
                .isFalse(); // reads go in bulk

        // the next wave's first poll was early; follow-ups half a second apart measured it
        Job close = renderingSince(wave2).polled("processing", wave2.plusMillis(19_600), wave2.plusMillis(20_100));
        times.finished(close, wave2.plusMillis(20_100));
        Instant wave3 = t0.plusSeconds(45);
        assertThat(times.expectsDone(renderingSince(wave3), wave3.plusMillis(20_300)))
                .isTrue();
        assertThat(times.expectsDone(
                        renderingSince(wave3).polled("processing", wave3.plusMillis(20_300), null),
                        wave3.plusMillis(20_600)))
                .as("a follow-up poll: the render was not done when expected")
                .isFalse();

        // found at its first poll: still measured
        times.finished(foundAtFirstPoll(wave3, wave3.plusMillis(20_300)), wave3.plusMillis(20_300));
        assertThat(times.expectsDone(renderingSince(t0.plusSeconds(70)), t0.plusSeconds(91)))
                .isTrue();
    }

    @Test
    void givenAMeasuredUsualTime_whenFourWavesAreFoundAtTheirFirstPoll_thenTheNextFirstPollIsStillNotEarly() {
        // 10 s renders: a first wave without history, then one measured between follow-ups at 9.9 s and 10.15 s
        found(t0, 7_600, 11_500);
        Instant wave2 = t0.plusSeconds(12);
        Job measured = renderingSince(wave2).polled("processing", wave2.plusMillis(9_900), wave2.plusMillis(10_150));
        times.finished(measured, wave2.plusMillis(10_150));
        Instant start = t0.plusSeconds(30);
        for (int render = 0; render < 20; render++) { // four waves of five, each found at its first poll
            Instant firstPoll = start.plus(times.firstPoll(renderingSince(start), start));
            assertThat(firstPoll).isAfterOrEqualTo(start.plusSeconds(10));
            times.finished(foundAtFirstPoll(start, firstPoll), firstPoll);
            start = firstPoll.plusSeconds(1);
        }

        // an estimate only bounded by first polls dips three steps each time (below); a measured one holds
        assertThat(times.firstPoll(renderingSince(start), start)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(times.expectsDone(renderingSince(start), start.plusSeconds(10)))
                .isTrue();
    }

    @Test
    void givenMeasuredRendersLongerThanTheLongestWait_whenPolledOnTheWay_thenOnlyThePollAfterTheUsualTimeExpectsDone() {
        // 60 s renders (pollMax 30 s): a no-history wave, then one measured between follow-ups at 59.5 s and 60.25 s
        found(t0, 51_600, 66_500);
        Instant wave2 = t0.plusSeconds(70);
        found(wave2, 59_500, 60_250);
        Instant start = t0.plusSeconds(140);
        Job rendering = renderingSince(start);
        // measured: its first poll waits for the usual time, past the longest wait (no poll on the way)
        Duration first = times.firstPoll(rendering, start);
        assertThat(first).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(62));
        assertThat(times.expectsDone(rendering, start.plus(first))).isTrue();

        // a poll made on the way anyway (here: at 30 s) is not expected done; the next one, at the usual time, is
        Job polledOnTheWay = rendering.polled("processing", start.plusSeconds(30), null);
        assertThat(times.expectsDone(rendering, start.plusSeconds(30))).isFalse();
        Instant next = start.plusSeconds(30).plus(times.nextPoll(polledOnTheWay, start.plusSeconds(30)));
        assertThat(next).isAfterOrEqualTo(start.plusSeconds(59));
        assertThat(times.expectsDone(polledOnTheWay, next)).isTrue();
    }

    @Test
    void givenRendersLongerThanTheLongestWait_whenFoundAtThePollAfterOneOnTheWay_thenThatIsABoundNotAMidpoint() {
        // 60 s renders: a no-history wave, then one measured between follow-ups at 59.5 s and 60.25 s
        found(t0, 51_600, 66_500);
        Instant wave2 = t0.plusSeconds(70);
        found(wave2, 59_500, 60_250);
        Instant start = t0.plusSeconds(140);

        // each of a wave polled on the way at 30 s, then found at its next poll, 61 s
        for (int job = 0; job < 5; job++) {
            Job onTheWay = renderingSince(start).polled("processing", start.plusSeconds(30), start.plusSeconds(61));
            times.finished(onTheWay, start.plusSeconds(61));
        }

        Instant next = t0.plusSeconds(300);
        Job polledOnTheWay = renderingSince(next).polled("processing", next.plusSeconds(30), null);
        Instant usualPoll = next.plusSeconds(30).plus(times.nextPoll(polledOnTheWay, next.plusSeconds(30)));
        assertThat(usualPoll)
                .as("the midpoint of 30 s and 61 s would put it at ~46 s")
                .isAfter(next.plusSeconds(57));
    }

    @Test
    void givenAFirstWaveFoundAfterAWideGap_whenTheNextWaveStarts_thenItIsPolledFromTheLastRunningPollNotTheMidpoint() {
        // 20 s renders, no history: seen running at 20.23 s, found at 26.75 s (the x1.25 schedule's 6.5 s gap)
        for (int job = 0; job < 5; job++) { // a wave of five, found by one bulk read
            Job wide = renderingSince(t0).polled("processing", t0.plusMillis(20_230), t0.plusMillis(26_750));
            times.finished(wide, t0.plusMillis(26_750));
        }

        Instant wave2 = t0.plusSeconds(27);
        Duration first = times.firstPoll(renderingSince(wave2), wave2);
        assertThat(first)
                .as(
                        "a third of the open interval past the bound (20.23 + 6.52 / 3 s); the midpoint, 23.5 s, was 3.5 s late")
                .isBetween(Duration.ofMillis(22_400), Duration.ofMillis(22_700));
        Job missed = renderingSince(wave2).polled("processing", wave2.plus(first), null);
        assertThat(times.nextPoll(missed, wave2.plus(first)))
                .as("then steps of a third of it, not of an eightieth of the render")
                .isBetween(Duration.ofMillis(1_800), Duration.ofMillis(2_500));
        assertThat(times.expectsDone(renderingSince(wave2), wave2.plus(first)))
                .as("a bound is not a measurement: reads stay in bulk")
                .isFalse();

        // wave 2 is found between follow-ups half a second apart: that replaces the bound (no average with it)
        found(wave2, 20_300, 20_750);
        Instant wave3 = t0.plusSeconds(50);
        assertThat(times.firstPoll(renderingSince(wave3), wave3))
                .isBetween(Duration.ofMillis(20_500), Duration.ofMillis(21_300));
        assertThat(times.expectsDone(renderingSince(wave3), wave3.plusMillis(21_300)))
                .isTrue();
    }

    @Test
    void givenAFirstWaveOfRendersLongerThanTheLongestWait_whenTheNextStarts_thenItWaitsForTheBoundNotThePollMaximum() {
        // 60 s renders, no history: seen running at 52.5 s, found at 64.5 s (pollMax is 30 s)
        found(t0, 52_500, 64_500);

        Instant wave2 = t0.plusSeconds(65);
        assertThat(times.firstPoll(renderingSince(wave2), wave2))
                .as("a third of the open interval past the bound, not a poll on the way at 30 s")
                .isBetween(Duration.ofMillis(56_500), Duration.ofMillis(57_300));
    }

    @Test
    void givenAMeasuredTime_whenAnotherRenderIsFoundAfterAWideGap_thenItDoesNotPullTheEstimate() {
        // 10 s renders measured between polls 0.2 s apart, then one of the same wave found 2.5 s after its last poll
        found(t0, 9_900, 10_100);
        Instant other = t0.plusMillis(600);
        found(other, 9_600, 12_100);

        Instant next = t0.plusSeconds(20);
        assertThat(times.firstPoll(renderingSince(next), next))
                .as("the midpoint of 9.6 s and 12.1 s, averaged in, made it 10.4 s")
                .isLessThan(Duration.ofMillis(10_250));
    }

    @Test
    void givenAWaveCrossingABound_whenItsOtherRendersAreFoundAStepAfterTheirLastPoll_thenTheyMeasureItToo() {
        // 60 s renders: the first wave bounds them between 45 s and 63.5 s; the second crosses in thirds (6.2 s)
        found(t0, 45_000, 63_500);
        Instant wave2 = t0.plusSeconds(64);
        for (int job = 0; job < 5; job++) {
            Instant start = wave2.plusMillis(50 * job);
            found(start, 57_700, 63_900);
        }

        Instant wave3 = t0.plusSeconds(130);
        Duration first = times.firstPoll(renderingSince(wave3), wave3);
        assertThat(first)
                .as(
                        "a third of the crossing's gap before its later poll (61.8 s), not moved by the wave's other renders")
                .isBetween(Duration.ofMillis(62_200), Duration.ofMillis(63_000));
        assertThat(times.expectsDone(renderingSince(wave3), wave3.plus(first))).isTrue();
    }

    @Test
    void givenABound_whenTheNextWaveIsFoundAtItsFirstPoll_thenTheIntervalNarrowsAndTheBoundHolds() {
        found(t0, 19_100, 21_900); // no history: running at 19.1 s, done at 21.9 s
        Instant wave2 = t0.plusSeconds(22);
        Duration first = times.firstPoll(renderingSince(wave2), wave2);
        times.finished(foundAtFirstPoll(wave2, wave2.plus(first)), wave2.plus(first));

        Instant wave3 = t0.plusSeconds(44);
        Duration next = times.firstPoll(renderingSince(wave3), wave3);
        assertThat(next)
                .as("a third of the narrower interval (19.1 s to %s) past the bound, not its midpoint", first)
                .isLessThan(Duration.ofMillis(19_100)
                        .plus(first.minusMillis(19_100).dividedBy(3))
                        .plusMillis(250));
        assertThat(times.expectsDone(renderingSince(wave3), wave3.plus(next))).isFalse();
    }

    @Test
    void givenAFirstWaveBoundedFromBelow_whenTheNextIsFoundAtItsFirstPoll_thenTheEstimateIsBetweenTheBounds() {
        found(t0, 20_230, 26_750);
        Instant wave2 = t0.plusSeconds(27);
        Instant firstPoll = wave2.plus(times.firstPoll(renderingSince(wave2), wave2));
        times.finished(foundAtFirstPoll(wave2, firstPoll), firstPoll);

        Instant wave3 = t0.plusSeconds(50);
        Duration next = times.firstPoll(renderingSince(wave3), wave3);
        assertThat(next)
                .isBetween(
                        Duration.ofMillis(20_230),
                        Duration.between(wave2, firstPoll).plusMillis(600));
    }

    /** Tells {@code times} a render started at {@code start} was seen running, then found done, so far into it. */
    private void found(Instant start, long lastRunningMillis, long foundMillis) {
        times.finished(
                renderingSince(start)
                        .polled("processing", start.plusMillis(lastRunningMillis), start.plusMillis(foundMillis)),
                start.plusMillis(foundMillis));
    }

    /** A render whose first poll was due at {@code at}, made then (on time). */
    private Job foundAtFirstPoll(Instant start, Instant at) {
        return renderingSince(start).rescheduled(start, at);
    }

    @Test
    void givenARenderFoundByAPollMadeLongAfterItWasDue_whenPlanningTheNextOne_thenThatBoundIsNotLearnedAsItsDuration() {
        // due at 5 s, made at 40 s (the process was killed and restarted meanwhile): it took at most 40 s, no more said
        Job polledOnce = renderingSince(t0).polled("processing", t0.plusSeconds(3), t0.plusSeconds(5));
        times.finished(polledOnce, t0.plusSeconds(40));

        assertThat(times.firstPoll(renderingSince(t0.plusSeconds(41)), t0.plusSeconds(41)))
                .isEqualTo(policy.pollInitial());
        // the same render found by a poll made on time is learned
        times.finished(polledOnce, t0.plusMillis(5_200));
        assertThat(times.firstPoll(renderingSince(t0.plusSeconds(41)), t0.plusSeconds(41)))
                .isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void givenNoHistory_whenPlanningPolls_thenThePolicysBackoffApplies() {
        assertThat(times.firstPoll(renderingSince(t0), t0)).isEqualTo(policy.pollInitial());
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
    void givenRendersTakeTwentySeconds_whenANewOneStarts_thenItIsFirstPolledJustBeforeTwentySeconds() {
        // still running at 19.5 s, done at 20.5 s: it finished about 20 s in
        Job polledOnce = renderingSince(t0).polled("processing", t0.plusMillis(19_500), t0.plusMillis(20_500));
        times.finished(polledOnce, t0.plusMillis(20_500));

        Job next = renderingSince(t0.plusSeconds(30));
        // just after the usual time (1/160 of it), on the quarter-second grid of the follow-ups
        assertThat(times.firstPoll(next, t0.plusSeconds(30))).isEqualTo(Duration.ofMillis(20_250));
        // polled early (e.g. after a restart): wait for the rest of the usual time
        assertThat(times.nextPoll(next, t0.plusSeconds(40))).isEqualTo(Duration.ofMillis(10_250));
        // past the usual time: follow up soon (an eightieth of the usual time), not a full backoff step
        assertThat(times.nextPoll(next, t0.plusSeconds(55))).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    }

    @Test
    void givenRendersOfExactlyTenSeconds_whenPolledAsPlannedTwoHundredTimes_thenTheEstimateDoesNotCreepUp() {
        Duration render = Duration.ofSeconds(10);
        Instant start = t0;
        Duration lastDelay = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            Job job = renderingSince(start);
            Instant poll = start.plus(times.firstPoll(job, start));
            while (poll.isBefore(start.plus(render))) {
                Instant next = poll.plus(times.nextPoll(job, poll));
                job = job.polled("processing", poll, next);
                poll = next;
            }
            times.finished(job, poll);
            lastDelay = Duration.between(start.plus(render), poll);
            start = poll.plusSeconds(1);
        }

        // found within a few percent of the render time, and the first poll stays just before it
        assertThat(lastDelay).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(times.firstPoll(renderingSince(start), start))
                .isBetween(Duration.ofMillis(9000), Duration.ofMillis(10_500));
    }

    @Test
    void givenTheFirstRenderWasFoundLate_whenLaterWavesAreFoundAtTheirFirstPoll_thenTheEstimateComesDownInAFewWaves() {
        times.finished(renderingSince(t0), t0.plusSeconds(16)); // a first 10 s render, found by a late poll
        Instant start = t0.plusSeconds(60);
        int waves = 0;
        while (start.plus(times.firstPoll(renderingSince(start), start)).isAfter(start.plusSeconds(10)) && waves < 10) {
            Instant firstPoll = start.plus(times.firstPoll(renderingSince(start), start));
            for (int job = 0; job < 5; job++) times.finished(renderingSince(start), firstPoll); // a wave of 5 slots
            start = firstPoll.plusSeconds(1);
            waves++;
        }

        assertThat(waves)
                .as("waves until a first poll comes before the render is done")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void givenAWaveAcceptedMillisecondsApart_whenPlanningPolls_thenTheyAreDueAtTheSameInstants() {
        times.finished(foundAtFirstPoll(t0, t0.plusSeconds(10)), t0.plusSeconds(10));
        Instant a = t0.plusSeconds(60).plusMillis(3);
        Instant b = a.plusMillis(41);

        Instant firstA = a.plus(times.firstPoll(renderingSince(a), a));
        Instant firstB = b.plus(times.firstPoll(renderingSince(b), b));
        assertThat(firstA).isEqualTo(firstB);
        Instant laterA = firstA.plus(times.nextPoll(renderingSince(a), firstA));
        Instant ranLate = firstB.plusMillis(2); // steps run a little after they are due
        Instant laterB = ranLate.plus(times.nextPoll(renderingSince(b), ranLate));
        assertThat(laterA).isEqualTo(laterB);
    }

    /** The engine plans the first poll while the job is still SUBMITTING (no render deadline yet). */
    @Test
    void givenHistory_whenTheJobIsStillSubmitting_thenItsFirstPollUsesTheHistory() {
        found(t0, 19_500, 20_500);
        Job submitting = Job.queued(
                        JobId.next(t0),
                        new IdempotencyKey("k-sub"),
                        VideoSpec.singleAvatar("a", "v", "hi"),
                        "fake",
                        t0,
                        null,
                        null)
                .submitting(t0.plusSeconds(30));

        assertThat(times.firstPoll(submitting, t0.plusSeconds(30))).isEqualTo(Duration.ofMillis(20_250));
    }

    @Test
    void givenAVeryLongUsualTime_whenPlanning_thenPollsNeverWaitLongerThanTheMaximum() {
        times.finished(foundAtFirstPoll(t0, t0.plus(Duration.ofMinutes(30))), t0.plus(Duration.ofMinutes(30)));
        assertThat(times.firstPoll(renderingSince(t0), t0)).isEqualTo(policy.pollMax());
    }
}
