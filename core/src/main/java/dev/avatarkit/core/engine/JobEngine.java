package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StaleJobException;
import dev.avatarkit.core.port.StepScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job state machine. {@link #advance} performs the next step of one job — submit, poll, download — and says
 * when it wants to run again; a {@link StepScheduler} (durable or in-process) calls it. Every step starts by
 * re-reading the job and writes through compare-and-set, so a step run twice, late, or by two processes at once
 * never submits twice: the loser of a write race re-reads and decides again.
 */
public final class JobEngine {
    private static final Logger LOG = Logger.getLogger(JobEngine.class.getName());
    /** Finished jobs read at start-up to recall render times (a history read each). */
    private static final int RECALLED_JOBS = 10;

    private final JobStore jobs;
    private final Clock clock;
    private final SubmitStep submit;
    private final PollStep poll;
    private final DownloadStep download;
    private final SlotHandOff handOff;
    private final StepScheduler scheduler;
    private final RenderTimes renderTimes;

    JobEngine(
            JobStore jobs,
            Clock clock,
            SubmitStep submit,
            PollStep poll,
            DownloadStep download,
            SlotHandOff handOff,
            StepScheduler scheduler,
            RenderTimes renderTimes) {
        this.jobs = jobs;
        this.clock = clock;
        this.submit = submit;
        this.poll = poll;
        this.download = download;
        this.handOff = handOff;
        this.scheduler = scheduler;
        this.renderTimes = renderTimes;
    }

    public static JobEngineBuilder builder() {
        return new JobEngineBuilder();
    }

    /**
     * Runs the next step of {@code id}.
     *
     * @return when to run the next step, or null when the job is terminal (or gone)
     */
    public Instant advance(JobId id) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Job> found = jobs.find(id);
            if (found.isEmpty()) return null;
            Job job = found.get();
            try {
                Instant next = step(job);
                if (mayHoldSlot(job.state())) releaseSlotIfLeft(id, job.state());
                return next;
            } catch (StaleJobException raced) {
                // someone else moved the job (cancel, webhook, another worker): read it again and decide again
            }
        }
        return clock.instant().plusSeconds(1);
    }

    private Instant step(Job job) {
        return switch (job.state()) {
            case QUEUED, SUBMITTING -> submit.run(job);
            case RENDERING -> poll.run(job);
            case DOWNLOADING -> download.run(job, null);
            case SUCCEEDED, FAILED, REJECTED, CANCELED, NEEDS_ATTENTION -> null;
        };
    }

    private static boolean mayHoldSlot(JobState state) {
        return state == JobState.QUEUED || state == JobState.SUBMITTING || state == JobState.RENDERING;
    }

    /**
     * When a job has left SUBMITTING/RENDERING (or passed through them within this step), wake the oldest job
     * waiting for a render slot. A job still QUEUED held no slot: it may just have parked itself, and must stay parked.
     * A poll step hands its slot off itself, as the render ends (before downloading), so it is not done twice here.
     */
    private void releaseSlotIfLeft(JobId id, JobState before) {
        if (before == JobState.RENDERING) return;
        JobState now = jobs.find(id).map(Job::state).orElse(JobState.CANCELED);
        if (now == JobState.SUBMITTING || now == JobState.RENDERING) return;
        if (before == JobState.QUEUED && now == JobState.QUEUED) return;
        handOff.slotFreedBy(id);
    }

    /** Schedules every unfinished job now: what a process does when it starts. Returns how many. */
    public int resumeAll() {
        recallRenderTimes();
        int resumed = 0;
        JobId after = null;
        while (true) {
            List<JobId> page = jobs.unfinished(500, after);
            if (page.isEmpty()) return resumed;
            for (JobId id : page) {
                scheduler.schedule(id, clock.instant());
                resumed++;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * How long renders took before this process started, from the newest finished jobs: each one's DOWNLOADING step
     * is when its render was found done, and a second RENDERING step (a poll that saw its status change) that it was
     * searched for rather than found at a first poll planned from known times. Without it a restart polls the
     * renders it resumes as if it had never seen one finish.
     */
    private void recallRenderTimes() {
        JobQuery newest = new JobQuery(Set.of(JobState.SUCCEEDED), Set.of(), null, null, null, RECALLED_JOBS);
        for (Job job : jobs.list(newest).jobs()) {
            List<JobTransition> history = jobs.history(job.id());
            boolean searched = history.stream()
                            .filter(step -> step.state() == JobState.RENDERING)
                            .count()
                    > 1;
            history.stream()
                    .filter(step -> step.state() == JobState.DOWNLOADING)
                    .findFirst()
                    .ifPresent(step -> renderTimes.recall(job, step.at(), searched));
        }
    }

    /** Used by services after a write outside the engine (create, retry, webhook): run the job's step now. */
    public void kick(JobId id) {
        scheduler.schedule(id, clock.instant());
    }

    /** {@link #kick} of jobs just created (a batch's rows): their first steps stored together. */
    public void kickNew(List<JobId> ids) {
        scheduler.scheduleNew(ids, clock.instant());
    }

    static void logStepFailure(Job job, RuntimeException e) {
        LOG.log(Level.WARNING, "job " + job.id() + " step in " + job.state() + " failed: " + e.getMessage(), e);
    }
}
