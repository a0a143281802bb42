package dev.avatarkit.storage.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.jdbc.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresStepSchedulerIT extends StepSchedulerScenarios {
    private static TestDatabases.PostgresSchema schema;
    private static JobDatabase database;

    @BeforeAll
    static void openSchema() {
        // No skip here: an abort in @BeforeAll hides the tests; each test skips itself below.
        if (!TestDatabases.postgresConfigured()) return;
        schema = TestDatabases.postgresSchemaOrSkip("scheduler");
        database = JobDatabase.open(schema.config(10));
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) database.close();
        if (schema != null) schema.drop();
    }

    @BeforeEach
    void emptyTable() {
        TestDatabases.assumePostgres();
        schema.truncate("scheduled_tasks");
    }

    @AfterEach
    void stop() {
        stopSchedulers();
    }

    @Override
    JobDatabase database() {
        return database;
    }

    @Test
    void givenTwoSchedulersOnOneTable_when200StepsAreDue_thenEachRunsExactlyOnce() throws Exception {
        var first = startScheduler("node-a", id -> null);
        var second = startScheduler("node-b", id -> null);
        List<JobId> ids = ids(200);

        for (int i = 0; i < ids.size(); i++) (i % 2 == 0 ? first : second).schedule(ids.get(i), Instant.now());

        await("all 200 steps ran", () -> runs.size() == ids.size());
        awaitNoScheduledSteps();
        assertThat(ids)
                .allSatisfy(id -> assertThat(runs.get(id).get()).as(id.value()).isEqualTo(1));
    }

    @Test
    void givenTwoSchedulers_whenStepsRescheduleThemselves_thenNoStepRunsTwiceAtOnceOrGetsLost() throws Exception {
        var first = startScheduler("node-a", id -> count(id) < 3 ? Instant.now().plusMillis(10) : null);
        startScheduler("node-b", id -> count(id) < 3 ? Instant.now().plusMillis(10) : null);
        List<JobId> ids = ids(100);

        ids.forEach(id -> first.schedule(id, Instant.now()));

        await("every job ran three steps", () -> ids.stream().allMatch(id -> count(id) == 3));
        awaitNoScheduledSteps();
        assertThat(ids).allSatisfy(id -> assertThat(count(id)).isEqualTo(3));
    }
}
