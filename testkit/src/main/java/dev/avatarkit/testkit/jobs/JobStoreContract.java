package dev.avatarkit.testkit.jobs;

import static dev.avatarkit.testkit.jobs.JobSamples.T0;
import static dev.avatarkit.testkit.jobs.JobSamples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StaleJobException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link JobStore} contract: every implementation (in-memory fake, SQLite, PostgreSQL) extends this and
 * passes it unchanged. {@link #newStore()} must return an empty store; it is called once per test.
 */
public abstract class JobStoreContract {
    protected JobStore store;

    protected abstract JobStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void givenNewKey_whenInserted_thenCreatedWithVersionOneAndFindable() {
        Job job = JobSamples.queued(id(1));

        Insertion insertion = store.insert(job);

        assertThat(insertion.created()).isTrue();
        assertThat(insertion.job()).isEqualTo(job.withVersion(1));
        assertThat(store.find(job.id())).contains(job.withVersion(1));
        assertThat(store.findByKey(job.idempotencyKey())).contains(job.withVersion(1));
    }

    @Test
    void givenEveryFieldFilled_whenInsertedAndUpdated_thenReadBackExactly() {
        Job job = JobSamples.everyField(id(1), id(0));

        Job inserted = store.insert(job).job();
        Job updated = store.update(inserted.withState(JobState.SUCCEEDED, T0.plusNanos(1)));

        assertThat(inserted).isEqualTo(job.withVersion(1));
        assertThat(store.find(job.id())).contains(updated);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusNanos(1));
    }

    @Test
    void givenEverySpecVariant_whenInserted_thenSpecReadBackEqual() {
        int n = 0;
        for (var spec : JobSamples.everySpec()) {
            Job job = JobSamples.queued(id(++n), spec, "heygen", null, null);
            store.insert(job);
            assertThat(store.find(job.id()).orElseThrow().spec()).isEqualTo(spec);
        }
    }

    @Test
    void givenExistingKey_whenInsertedAgain_thenNothingWrittenAndExistingReturned() {
        Job first = JobSamples.queued(id(1));
        store.insert(first);
        Job second =
                Job.queued(id(2), first.idempotencyKey(), JobSamples.still(), "other", T0.plusSeconds(5), null, null);

        Insertion insertion = store.insert(second);

        assertThat(insertion.created()).isFalse();
        assertThat(insertion.job()).isEqualTo(first.withVersion(1));
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.list(JobQuery.all(10)).jobs()).hasSize(1);
    }

    @Test
    void givenNewExistingAndRepeatedKeys_whenInsertedAll_thenOneAnswerEachInOrder() {
        Job existing = store.insert(JobSamples.queued(id(1))).job();
        Job fresh = JobSamples.queued(id(2));
        Job sameKeyAsExisting =
                Job.queued(id(3), existing.idempotencyKey(), JobSamples.still(), "other", T0, null, null);
        Job sameKeyAsFresh = Job.queued(id(4), fresh.idempotencyKey(), JobSamples.still(), "other", T0, null, null);

        List<Insertion> insertions = store.insertAll(List.of(fresh, sameKeyAsExisting, sameKeyAsFresh));

        assertThat(insertions).extracting(Insertion::created).containsExactly(true, false, false);
        assertThat(insertions)
                .extracting(Insertion::job)
                .containsExactly(fresh.withVersion(1), existing, fresh.withVersion(1));
        assertThat(store.find(fresh.id())).contains(fresh.withVersion(1));
        assertThat(store.find(id(3))).isEmpty();
        assertThat(store.find(id(4))).isEmpty();
        assertThat(store.history(fresh.id())).hasSize(1);
        assertThat(store.insertAll(List.of())).isEmpty();
    }

    @Test
    void givenCurrentVersion_whenUpdated_thenWrittenWithVersionPlusOne() {
        Job stored = store.insert(JobSamples.queued(id(1))).job();

        Job updated = store.update(stored.submitting(T0.plusSeconds(1)));
        Job again = store.update(updated.rendering(
                new ProviderRef("v1"), "processing", T0.plusSeconds(2), T0.plusSeconds(10), T0.plusSeconds(600)));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(again.version()).isEqualTo(3);
        assertThat(store.find(stored.id())).contains(again);
        assertThat(again.state()).isEqualTo(JobState.RENDERING);
        assertThat(again.providerRef()).isEqualTo(new ProviderRef("v1"));
    }

    @Test
    void givenStaleVersion_whenUpdated_thenStaleJobExceptionAndNothingWritten() {
        Job stored = store.insert(JobSamples.queued(id(1))).job();
        Job winner = store.update(stored.submitting(T0.plusSeconds(1)));

        assertThatThrownBy(() -> store.update(stored.withState(JobState.CANCELED, T0.plusSeconds(2))))
                .isInstanceOf(StaleJobException.class);

        assertThat(store.find(stored.id())).contains(winner);
    }

    @Test
    void givenUnknownJob_whenUpdated_thenStaleJobException() {
        Job never = JobSamples.queued(id(1)).withVersion(1);

        assertThatThrownBy(() -> store.update(never)).isInstanceOf(StaleJobException.class);
        assertThat(store.find(never.id())).isEmpty();
    }

    @Test
    void givenUnknownIdOrKey_whenFound_thenEmpty() {
        store.insert(JobSamples.queued(id(1)));

        assertThat(store.find(id(2))).isEmpty();
        assertThat(store.findByKey(new IdempotencyKey("no-such-key"))).isEmpty();
    }

    @Test
    void givenNewJob_whenInserted_thenHistoryHasOneEntry() {
        Job job = store.insert(JobSamples.queued(id(1))).job();

        assertThat(store.history(job.id()))
                .containsExactly(new JobTransition(job.updatedAt(), JobState.QUEUED, null, null, null));
    }

    @Test
    void givenStoredJob_whenStateRawStatusAndErrorChange_thenEachUpdateAppendsOldestFirst() {
        Job stored = store.insert(JobSamples.queued(id(1))).job();
        Job rendering = store.update(store.update(stored.submitting(T0.plusSeconds(1)))
                .rendering(
                        new ProviderRef("v1"),
                        "processing",
                        T0.plusSeconds(2),
                        T0.plusSeconds(10),
                        T0.plusSeconds(600)));
        Job failed = store.update(rendering.failed(
                JobState.FAILED, new JobError("render_failed", "bad <audio>", false), T0.plusSeconds(3)));

        assertThat(store.history(stored.id()))
                .containsExactly(
                        new JobTransition(T0, JobState.QUEUED, null, null, null),
                        new JobTransition(T0.plusSeconds(1), JobState.SUBMITTING, null, null, null),
                        new JobTransition(T0.plusSeconds(2), JobState.RENDERING, "processing", null, null),
                        new JobTransition(
                                T0.plusSeconds(3), JobState.FAILED, "processing", "render_failed", "bad <audio>"));
        assertThat(failed.version()).isEqualTo(4);
    }

    @Test
    void givenRenderingJob_whenPolledWithoutChange_thenNothingAppendedButNewStatusWordIs() {
        Job job = store.update(store.insert(JobSamples.queued(id(1)))
                .job()
                .rendering(
                        new ProviderRef("v1"),
                        "processing",
                        T0.plusSeconds(1),
                        T0.plusSeconds(2),
                        T0.plusSeconds(600)));
        for (int i = 2; i < 100; i++)
            job = store.update(job.polled("processing", T0.plusSeconds(i), T0.plusSeconds(i + 1)));
        store.update(job.polled("finalizing", T0.plusSeconds(100), T0.plusSeconds(101)));

        assertThat(store.history(job.id()))
                .extracting(JobTransition::rawStatus)
                .containsExactly(null, "processing", "finalizing");
        assertThat(store.history(job.id()).get(2).at()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void givenMoreChangesThanTheBound_whenUpdated_thenFirstAndLatestKept() {
        Job job = store.insert(JobSamples.queued(id(1))).job();
        int updates = JobTransition.MAX_PER_JOB + 5;
        for (int i = 1; i <= updates; i++) job = store.update(job.polled("s" + i, T0.plusSeconds(i), null));

        List<JobTransition> history = store.history(job.id());

        assertThat(history).hasSize(JobTransition.MAX_PER_JOB);
        assertThat(history.get(0).state()).isEqualTo(JobState.QUEUED);
        assertThat(history.get(0).rawStatus()).isNull();
        assertThat(history.get(1).rawStatus()).isEqualTo("s" + (updates - JobTransition.MAX_PER_JOB + 2));
        assertThat(history.get(history.size() - 1).rawStatus()).isEqualTo("s" + updates);
    }

    @Test
    void givenUnknownId_whenHistoryRead_thenEmpty() {
        store.insert(JobSamples.queued(id(1)));

        assertThat(store.history(id(2))).isEmpty();
    }

    @Test
    void givenSevenJobs_whenListedInPagesOfThree_thenNewestFirstWithCursorUntilTheEnd() {
        List<JobId> ids = insertJobs(7);

        JobPage first = store.list(JobQuery.all(3));
        JobPage second = store.list(JobQuery.all(3).after(first.next()));
        JobPage third = store.list(JobQuery.all(3).after(second.next()));

        assertThat(idsOf(first)).containsExactly(ids.get(6), ids.get(5), ids.get(4));
        assertThat(idsOf(second)).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(idsOf(third)).containsExactly(ids.get(0));
        assertThat(first.next()).isEqualTo(ids.get(4));
        assertThat(third.next()).isNull();
    }

    @Test
    void givenExactlyOnePageLeft_whenListed_thenNoNextCursor() {
        insertJobs(3);

        JobPage page = store.list(JobQuery.all(3));

        assertThat(page.jobs()).hasSize(3);
        assertThat(page.next()).isNull();
        assertThat(store.list(JobQuery.all(5)).jobs()).hasSize(3);
    }

    @Test
    void givenMixedJobs_whenListedWithFilters_thenOnlyMatchesNewestFirst() {
        BatchId batch = new BatchId("b1");
        JobId parent = id(0);
        Job a = store.insert(JobSamples.queued(id(1), JobSamples.singleAvatar(), "heygen", batch, null))
                .job();
        Job b = store.insert(JobSamples.queued(id(2), JobSamples.template(), "heygen", batch, null))
                .job();
        Job c = store.insert(JobSamples.queued(id(3), JobSamples.still(), "heygen", null, parent))
                .job();
        Job d = store.insert(JobSamples.queued(id(4), JobSamples.still(), "heygen", null, parent))
                .job();
        store.update(b.withState(JobState.RENDERING, T0));
        store.update(d.withState(JobState.FAILED, T0));

        assertThat(idsOf(store.list(query(Set.of(JobState.QUEUED), Set.of(), null, null))))
                .containsExactly(c.id(), a.id());
        assertThat(idsOf(store.list(query(Set.of(JobState.RENDERING, JobState.FAILED), Set.of(), null, null))))
                .containsExactly(d.id(), b.id());
        assertThat(idsOf(store.list(query(Set.of(), Set.of(JobKind.STILL), null, null))))
                .containsExactly(d.id(), c.id());
        assertThat(idsOf(store.list(query(Set.of(), Set.of(JobKind.VIDEO, JobKind.TEMPLATE_VIDEO), null, null))))
                .containsExactly(b.id(), a.id());
        assertThat(idsOf(store.list(query(Set.of(), Set.of(), batch, null)))).containsExactly(b.id(), a.id());
        assertThat(idsOf(store.list(query(Set.of(), Set.of(), null, parent)))).containsExactly(d.id(), c.id());
        assertThat(idsOf(store.list(query(Set.of(JobState.QUEUED), Set.of(JobKind.STILL), null, parent))))
                .containsExactly(c.id());
        assertThat(store.list(query(Set.of(JobState.CANCELED), Set.of(), null, null))
                        .jobs())
                .isEmpty();
    }

    @Test
    void givenFilterAndCursor_whenPaged_thenPagesSkipNonMatchingJobs() {
        BatchId batch = new BatchId("paged");
        List<JobId> inBatch = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Job job = JobSamples.queued(id(i), JobSamples.singleAvatar(), "heygen", i % 2 == 0 ? batch : null, null);
            store.insert(job);
            if (i % 2 == 0) inBatch.add(job.id());
        }

        JobPage first = store.list(query(Set.of(), Set.of(), batch, null, 2));
        JobPage second = store.list(query(Set.of(), Set.of(), batch, null, 2).after(first.next()));
        JobPage third = store.list(query(Set.of(), Set.of(), batch, null, 2).after(second.next()));

        assertThat(idsOf(first)).containsExactly(inBatch.get(4), inBatch.get(3));
        assertThat(idsOf(second)).containsExactly(inBatch.get(2), inBatch.get(1));
        assertThat(idsOf(third)).containsExactly(inBatch.get(0));
        assertThat(third.next()).isNull();
    }

    @Test
    void givenTerminalAndOpenJobs_whenUnfinishedPaged_thenOpenOnesOldestFirst() {
        List<JobId> ids = insertJobs(6);
        finish(ids.get(1), JobState.SUCCEEDED);
        finish(ids.get(3), JobState.NEEDS_ATTENTION);
        Job rendering = store.find(ids.get(4)).orElseThrow();
        store.update(rendering.withState(JobState.RENDERING, T0));

        List<JobId> first = store.unfinished(2, null);
        List<JobId> second = store.unfinished(2, first.get(first.size() - 1));
        List<JobId> rest = store.unfinished(2, second.get(second.size() - 1));

        assertThat(first).containsExactly(ids.get(0), ids.get(2));
        assertThat(second).containsExactly(ids.get(4), ids.get(5));
        assertThat(rest).isEmpty();
        assertThat(store.unfinished(100, null)).containsExactly(ids.get(0), ids.get(2), ids.get(4), ids.get(5));
    }

    @Test
    void givenJobsOfTwoProviders_whenCounted_thenOnlyThatProviderAndState() {
        for (int i = 1; i <= 5; i++) {
            Job job = store.insert(JobSamples.queued(
                            id(i), JobSamples.singleAvatar(), i <= 3 ? "heygen" : "other", null, null))
                    .job();
            if (i != 2) store.update(job.withState(JobState.RENDERING, T0));
        }

        assertThat(store.count("heygen", JobState.RENDERING)).isEqualTo(2);
        assertThat(store.count("heygen", JobState.QUEUED)).isEqualTo(1);
        assertThat(store.count("other", JobState.RENDERING)).isEqualTo(2);
        assertThat(store.count("nobody", JobState.RENDERING)).isZero();
    }

    @Test
    void givenBatch_whenCountedByState_thenOnlyThatBatchAndOnlyStatesPresent() {
        BatchId batch = new BatchId("b1");
        for (int i = 1; i <= 4; i++) {
            Job job = store.insert(JobSamples.queued(id(i), JobSamples.template(), "heygen", batch, null))
                    .job();
            if (i >= 3) store.update(job.withState(JobState.SUCCEEDED, T0));
        }
        store.insert(JobSamples.queued(id(9), JobSamples.template(), "heygen", new BatchId("b2"), null));

        Map<JobState, Integer> counts = store.countByState(batch);

        assertThat(counts).containsOnly(Map.entry(JobState.QUEUED, 2), Map.entry(JobState.SUCCEEDED, 2));
        assertThat(store.countByState(new BatchId("empty"))).isEmpty();
    }

    @Test
    void givenEventId_whenRecordedTwice_thenTrueThenFalse() {
        assertThat(store.recordEventOnce("evt-1", T0)).isTrue();
        assertThat(store.recordEventOnce("evt-1", T0.plusSeconds(1))).isFalse();
        assertThat(store.recordEventOnce("evt-2", T0)).isTrue();
    }

    @Test
    void givenSameKeyFromEightThreads_whenInsertedConcurrently_thenExactlyOneCreated() throws Exception {
        IdempotencyKey key = new IdempotencyKey("shared-key");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Insertion>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Job job = Job.queued(id(i + 1), key, JobSamples.singleAvatar(), "heygen", T0, null, null);
                Callable<Insertion> insert = () -> {
                    start.await();
                    return store.insert(job);
                };
                results.add(pool.submit(insert));
            }
            start.countDown();
            List<Insertion> insertions = new ArrayList<>();
            for (Future<Insertion> result : results) insertions.add(result.get(30, TimeUnit.SECONDS));

            assertThat(insertions).filteredOn(Insertion::created).hasSize(1);
            JobId winner = insertions.stream()
                    .filter(Insertion::created)
                    .findFirst()
                    .orElseThrow()
                    .job()
                    .id();
            assertThat(insertions).allSatisfy(i -> assertThat(i.job().id()).isEqualTo(winner));
            assertThat(store.list(JobQuery.all(100)).jobs()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<JobId> insertJobs(int count) {
        List<JobId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++)
            ids.add(store.insert(JobSamples.queued(id(i))).job().id());
        return ids;
    }

    private void finish(JobId id, JobState terminal) {
        store.update(store.find(id).orElseThrow().withState(terminal, T0));
    }

    private static JobQuery query(Set<JobState> states, Set<JobKind> kinds, BatchId batch, JobId parent) {
        return query(states, kinds, batch, parent, 50);
    }

    private static JobQuery query(Set<JobState> states, Set<JobKind> kinds, BatchId batch, JobId parent, int limit) {
        return new JobQuery(states, kinds, batch, parent, null, limit);
    }

    private static List<JobId> idsOf(JobPage page) {
        return page.jobs().stream().map(Job::id).toList();
    }
}
