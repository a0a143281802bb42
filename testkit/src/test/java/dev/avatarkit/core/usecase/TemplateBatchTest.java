package dev.avatarkit.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.InProcessStepScheduler;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.spi.SingleProvider;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemplateBatchTest {
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final FakeVideoProvider provider = FakeVideoProvider.v3Like(3);
    // the scheduler is never started: these tests check planning and job creation, not rendering
    private final InProcessStepScheduler scheduler = new InProcessStepScheduler(1, Clock.systemUTC());
    private final JobEngine engine = JobEngine.builder()
            .jobs(jobs)
            .assets(new NoAssets())
            .videoProvider(provider)
            .scheduler(scheduler)
            .build();
    private final TemplateBatch batch = new TemplateBatch(
            new SingleProvider(provider, null),
            new CreateJob(jobs, engine, Clock.systemUTC(), new SingleProvider(provider, null), JobListener.NONE));

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void givenAValidCsv_whenPlanned_thenOneJobPerRowWithCreditsEstimated() {
        var plan = batch.plan("tpl_welcome", "name,company,title\nAda,Acme,Hi Ada\nBob,Beta,\n");
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.jobs()).hasSize(2);
        assertThat(plan.jobs().get(0).spec().title()).isEqualTo("Hi Ada");
        assertThat(plan.jobs().get(0).spec().variables().get("name").value()).isEqualTo("Ada");
        assertThat(plan.estimatedCredits()).isPositive();
    }

    @Test
    void givenBadRows_whenPlanned_thenEveryBadRowIsReportedWithItsLine_andSubmitRefusesEverything() {
        String csv = "name,company\nAda,Acme\n,Beta\nCy\n\"Dee\",Delta\n";
        var plan = batch.plan("tpl_welcome", csv);

        assertThat(plan.errors()).extracting(BatchRows.RowError::line).containsExactly(3, 4);
        assertThat(plan.errors().get(0).message()).contains("line 3").contains("'name' is empty");
        assertThatThrownBy(() -> batch.submit(plan, false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing was submitted")
                .hasMessageContaining("line 4");
        assertThat(jobs.list(JobQuery.all(100)).jobs()).isEmpty();
    }

    @Test
    void givenBadRowsAndSkipInvalid_whenSubmitted_thenOnlyTheGoodRowsBecomeJobs() {
        var result = batch.submit(batch.plan("tpl_welcome", "name,company\nAda,Acme\n,Beta\n"), true);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void givenUnknownAndMissingColumns_whenPlanned_thenTheHeaderIsReported() {
        var plan = batch.plan("tpl_welcome", "name,colour\nAda,red\n");
        assertThat(plan.errors())
                .extracting(BatchRows.RowError::message)
                .anySatisfy(m -> assertThat(m).contains("'colour' is not a variable"))
                .anySatisfy(m -> assertThat(m).contains("missing column 'company'"));
    }

    @Test
    void givenTheSameBatchTwice_whenSubmitted_thenTheSecondRunFindsEveryJobAndCreatesNone() {
        String csv = "name,company\nAda,Acme\nAda,Acme\nBob,Beta\n";
        var first = batch.submit(batch.plan("tpl_welcome", csv), false);
        var second = batch.submit(batch.plan("tpl_welcome", csv), false);

        assertThat(first.created()).isEqualTo(3); // identical rows are two jobs, told apart by occurrence
        assertThat(second.created()).isZero();
        assertThat(second.existing()).isEqualTo(3);
        assertThat(second.jobIds()).isEqualTo(first.jobIds());
        assertThat(second.batchId()).isEqualTo(first.batchId());
        assertThat(jobs.countByState(first.batchId())).containsEntry(JobState.QUEUED, 3);
    }

    @Test
    void givenARow_thenItsKeyIsDerivedAsBeforeTheVideoBatchRefactor_soOldBatchesStillResume() {
        var plan = batch.plan("tpl_welcome", "name,company\nAda,Acme\nBob,Beta\n");
        var byId = batch.plan("tpl_welcome", "name,company,callback_id\nAda,Acme,r1\n");

        assertThat(plan.jobs().get(0).key()).isEqualTo(IdempotencyKey.derived("row", "tpl_welcome\nAda\u001fAcme\n#1"));
        assertThat(byId.jobs().get(0).key())
                .isEqualTo(IdempotencyKey.derived("row", "tpl_welcome\ncallback_id=r1\n#1"));
    }

    @Test
    void givenAnUnknownTemplate_whenPlanned_thenTheProvidersNotFoundSurfaces() {
        assertThatThrownBy(() -> batch.plan("tpl_nope", "name\nx\n")).hasMessageContaining("tpl_nope");
    }
}
