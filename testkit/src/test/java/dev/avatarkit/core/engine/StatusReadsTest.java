package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.VideoProvider;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 17: renders polled at the same time cost one bulk status request, not one request each. */
class StatusReadsTest {
    private final List<ProviderRef> singleReads = new CopyOnWriteArrayList<>();
    private final List<List<ProviderRef>> bulkReads = new CopyOnWriteArrayList<>();
    private final List<List<ProviderRef>> readsWithResults = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReadStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstRead = new CountDownLatch(1);

    @Test
    void givenReadsArrivingWhileOneIsInFlight_thenTheyGoTogetherInOneBulkRequest() throws Exception {
        StatusReads reads = new StatusReads(provider(), java.time.Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<RenderStatus> first = pool.submit(() -> reads.read(ref(0)));
            assertThat(firstReadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<RenderStatus>> others = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                ProviderRef ref = ref(i);
                others.add(pool.submit(() -> reads.read(ref)));
            }
            // all seven lined up behind the request in flight
            Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> reads.waiting() == 7);
            releaseFirstRead.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).phase()).isEqualTo(RenderPhase.RUNNING);
            for (int i = 0; i < 5; i++)
                assertThat(others.get(i).get(10, TimeUnit.SECONDS).phase()).isEqualTo(RenderPhase.RUNNING);
            // finished, as the bulk read says (without URLs: the download step reads it alone, after the hand-off)
            assertThat(others.get(5).get(10, TimeUnit.SECONDS).phase()).isEqualTo(RenderPhase.SUCCEEDED);
            assertThat(others.get(6))
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(Exception.class)
                    .havingCause()
                    .isInstanceOf(NotFoundException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bulkReads).hasSize(1);
        assertThat(bulkReads.get(0)).hasSize(7);
        assertThat(singleReads).containsExactly(ref(0));
    }

    @Test
    void givenReadsExpectedDone_whenTheyGoInARound_thenTheRoundIsOneReadThatCarriesTheUrlsOfThoseDone()
            throws Exception {
        // lined up behind a read in flight: 6 (done) and 5 (running) expected done, 3 and 1 not
        Map<Integer, Future<RenderStatus>> answers = lineUp(List.of(6, 5, 3, 1), List.of(6, 5));

        RenderStatus six = answers.get(6).get(10, TimeUnit.SECONDS);
        assertThat(six.phase()).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(six.results()).as("its download needs no second read").isNotEmpty();
        for (int running : List.of(5, 3, 1))
            assertThat(answers.get(running).get(10, TimeUnit.SECONDS).phase()).isEqualTo(RenderPhase.RUNNING);
        // each expected render read alone cost a wave five requests
        assertThat(singleReads).containsExactly(ref(0));
        assertThat(readsWithResults).containsExactly(List.of(ref(6), ref(5), ref(3), ref(1)));
        assertThat(bulkReads).isEmpty();
    }

    /**
     * Starts a read of render 0 (alone, held in flight), lines up reads of {@code refs} behind it in that order
     * ({@code expectDone} among them expected done), releases the first and returns their answers.
     */
    private Map<Integer, Future<RenderStatus>> lineUp(List<Integer> refs, List<Integer> expectDone) throws Exception {
        StatusReads reads = new StatusReads(provider(), java.time.Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(refs.size() + 1);
        try {
            pool.submit(() -> reads.read(ref(0)));
            assertThat(firstReadStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Map<Integer, Future<RenderStatus>> answers = new LinkedHashMap<>();
            for (int i : refs) {
                boolean expected = expectDone.contains(i);
                answers.put(i, pool.submit(() -> reads.read(ref(i), java.time.Instant.MIN, expected)));
                int lined = answers.size();
                Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> reads.waiting() == lined);
            }
            releaseFirstRead.countDown();
            for (Future<RenderStatus> answer : answers.values()) answer.get(10, TimeUnit.SECONDS);
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenOneReader_thenItsReadIsSentAtOnceAlone() {
        releaseFirstRead.countDown();
        RenderStatus status = new StatusReads(provider(), java.time.Duration.ZERO).read(ref(3));

        assertThat(status.phase()).isEqualTo(RenderPhase.RUNNING);
        assertThat(singleReads).containsExactly(ref(3));
        assertThat(bulkReads).isEmpty();
    }

    @Test
    void givenWatchedRendersNearTheirFinish_whenAnotherIsRead_thenTheyGoInTheSameRequestAndAFinishedOneWakesItsJob() {
        releaseFirstRead.countDown();
        StatusReads reads = new StatusReads(provider(), java.time.Duration.ZERO);
        java.time.Instant now = java.time.Instant.parse("2026-11-30T08:00:00Z");
        List<String> woken = new ArrayList<>();
        reads.watch(ref(6), now.minusSeconds(1), now.plusSeconds(60), () -> woken.add("6"));
        reads.watch(ref(5), now.minusSeconds(1), now.plusSeconds(60), () -> woken.add("5"));
        reads.watch(ref(4), now.plusSeconds(5), now.plusSeconds(60), () -> woken.add("4")); // not near its finish yet
        reads.watch(ref(2), now.minusSeconds(9), now.minusSeconds(1), () -> woken.add("2")); // past its deadline

        RenderStatus status = reads.read(ref(3), now, false);

        assertThat(status.phase()).isEqualTo(RenderPhase.RUNNING);
        assertThat(bulkReads).containsExactly(List.of(ref(3), ref(6), ref(5)));
        assertThat(singleReads).isEmpty();
        assertThat(woken).containsExactly("6"); // 5 still runs: stays watched, nobody woken
        assertThat(reads.takeSeen(ref(6))).get().extracting(RenderStatus::phase).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(reads.takeSeen(ref(6))).isEmpty(); // once
        assertThat(reads.takeSeen(ref(5))).isEmpty();
        // 5's own poll, due 30 ms before that round and run just after it, uses what the round read: no request
        assertThat(reads.carriedSince(ref(5), now.minusMillis(30)))
                .get()
                .extracting(RenderStatus::phase)
                .isEqualTo(RenderPhase.RUNNING);
        assertThat(reads.carriedSince(ref(5), now.plusMillis(1))).isEmpty(); // due after it: read again
        reads.unwatch(ref(5));
        assertThat(reads.carriedSince(ref(5), now.minusMillis(30))).isEmpty();
    }

    @Test
    void givenAnUnwatchedRender_whenAnotherIsRead_thenItIsNotCarried() {
        releaseFirstRead.countDown();
        StatusReads reads = new StatusReads(provider(), java.time.Duration.ZERO);
        java.time.Instant now = java.time.Instant.parse("2026-11-30T08:00:00Z");
        reads.watch(ref(6), now.minusSeconds(1), now.plusSeconds(60), () -> {});
        reads.unwatch(ref(6));

        reads.read(ref(3), now, false);

        assertThat(singleReads).containsExactly(ref(3));
        assertThat(bulkReads).isEmpty();
        assertThat(reads.takeSeen(ref(6))).isEmpty();
    }

    @Test
    void givenAWindow_whenALeaderWaitsForOthers_thenItWaitsThroughTheSleeperPort() {
        releaseFirstRead.countDown();
        List<java.time.Duration> slept = new ArrayList<>();
        StatusReads reads = new StatusReads(provider(), java.time.Duration.ofMillis(20), slept::add);

        reads.read(ref(3));

        assertThat(slept).containsExactly(java.time.Duration.ofMillis(20));
    }

    private static ProviderRef ref(int i) {
        return new ProviderRef("render-" + i);
    }

    /**
     * A provider port stub: single reads block until released; bulk reads know renders 1–6 (6 finished, without
     * URLs unless read with results).
     */
    @SuppressWarnings("unchecked")
    private VideoProvider provider() {
        return (VideoProvider) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {VideoProvider.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "status" -> single((ProviderRef) args[0]);
                    case "statuses" -> bulk((Collection<ProviderRef>) args[0]);
                    case "statusesWithResults" -> withResults((Collection<ProviderRef>) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private RenderStatus single(ProviderRef ref) throws InterruptedException {
        singleReads.add(ref);
        firstReadStarted.countDown();
        releaseFirstRead.await();
        return ref.equals(ref(6)) ? sixWithUrls() : RenderStatus.running("processing");
    }

    private static RenderStatus sixWithUrls() {
        return new RenderStatus(
                RenderPhase.SUCCEEDED,
                "completed",
                List.of(new dev.avatarkit.core.port.ResultFile(
                        dev.avatarkit.core.domain.AssetKind.VIDEO, java.net.URI.create("https://files.example/6.mp4"))),
                null,
                null);
    }

    private Map<ProviderRef, RenderStatus> withResults(Collection<ProviderRef> refs) {
        readsWithResults.add(List.copyOf(refs));
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        for (ProviderRef ref : refs)
            if (!ref.equals(ref(7)))
                out.put(ref, ref.equals(ref(6)) ? sixWithUrls() : RenderStatus.running("processing"));
        return out;
    }

    private Map<ProviderRef, RenderStatus> bulk(Collection<ProviderRef> refs) {
        bulkReads.add(List.copyOf(refs));
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        for (ProviderRef ref : refs) {
            if (ref.equals(ref(7))) continue; // unknown to the provider
            out.put(
                    ref,
                    ref.equals(ref(6))
                            ? new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null)
                            : RenderStatus.running("processing"));
        }
        return out;
    }
}
