package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Reads an identity job and its still jobs (children by parent id), stills ordered by shot index. */
final class IdentityJobs {
    private static final int PAGE = 500;

    private IdentityJobs() {}

    static Job identity(JobStore jobs, JobId id) {
        Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        if (!(job.spec() instanceof IdentitySpec)) {
            throw new ValidationException(
                    "id", "job " + id + " is a " + job.kind() + " job, not an influencer identity");
        }
        return job;
    }

    static IdentitySpec spec(Job identity) {
        return (IdentitySpec) identity.spec();
    }

    static List<Job> stills(JobStore jobs, JobId identityId) {
        List<Job> out = new ArrayList<>();
        JobQuery query = new JobQuery(Set.of(), Set.of(JobKind.STILL), null, identityId, null, PAGE);
        while (true) {
            JobPage page = jobs.list(query);
            out.addAll(page.jobs());
            if (page.next() == null || page.jobs().isEmpty()) break;
            query = query.after(page.next());
        }
        out.sort(Comparator.comparingInt(j -> ((StillSpec) j.spec()).shot().index()));
        return out;
    }

    static int shotIndex(Job still) {
        return ((StillSpec) still.spec()).shot().index();
    }
}
