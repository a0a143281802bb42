package dev.avatarkit.http;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.http.dashboard.Admit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The dashboard's creates through the JSON API's {@link Admission}: one cap per API token, one in total. */
final class DashboardAdmission implements Admit {
    private final Admission admission;

    DashboardAdmission(Admission admission) {
        this.admission = admission;
    }

    @Override
    public <T> T admitted(int token, int slots, Supplier<T> create, Function<T, List<JobId>> jobs) {
        Admission.Ticket ticket;
        try {
            ticket = admission.admit(new Client(token), slots, "rows");
        } catch (ProblemException e) {
            throw new QueueFull(
                    "The queue is full: " + e.problem().detail() + ". Try again when some jobs have finished.");
        }
        try (ticket) {
            T created = create.get();
            ticket.owns(jobs.apply(created));
            return created;
        }
    }
}
