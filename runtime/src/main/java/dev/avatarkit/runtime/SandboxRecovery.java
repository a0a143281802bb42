package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.sim.HeyGenSimulator;
import java.util.List;
import java.util.logging.Logger;

/**
 * After a sandbox process dies (kill -9, power loss), its simulator's renders die with it while its jobs stay in
 * {@code sandbox.db}. Before the engine resumes them, the new simulator adopts every render those jobs hold (and
 * every base look an unfinished still refers to), so they finish instead of failing as {@code not_found}.
 * Legacy (v2) identities and stills have composite refs the simulator cannot rebuild; they are left as they are.
 */
final class SandboxRecovery {
    private static final Logger LOG = Logger.getLogger(SandboxRecovery.class.getName());

    private SandboxRecovery() {}

    static int adoptUnfinished(JobStore jobs, Sandbox sandbox, boolean legacy) {
        HeyGenSimulator simulator = sandbox.simulator();
        int adopted = 0;
        JobId after = null;
        while (true) {
            List<JobId> page = jobs.unfinished(500, after);
            if (page.isEmpty()) break;
            for (JobId id : page) {
                Job job = jobs.find(id).orElse(null);
                if (job != null) adopted += adopt(job, simulator, sandbox.apiKey(), legacy);
            }
            after = page.get(page.size() - 1);
        }
        if (adopted > 0) LOG.info("sandbox: the simulator adopted " + adopted + " render(s) of a previous sandbox process");
        return adopted;
    }

    private static int adopt(Job job, HeyGenSimulator simulator, String apiKey, boolean legacy) {
        int adopted = 0;
        if (job.spec() instanceof StillSpec still && isPlainId(still.baseLookId())) {
            simulator.adoptLook(still.baseLookId());
            adopted++;
        }
        if (job.providerRef() == null) return adopted;
        String ref = job.providerRef().value();
        if (job.kind() == JobKind.VIDEO || job.kind() == JobKind.TEMPLATE_VIDEO) {
            simulator.adoptVideo(ref, apiKey, legacy);
            adopted++;
        } else if (isPlainId(ref)) {
            simulator.adoptLook(ref);
            adopted++;
        }
        return adopted;
    }

    /** v3 refs are plain ids; legacy avatar refs are composite ({@code group:…:…}, {@code gen:…}). */
    private static boolean isPlainId(String ref) {
        return ref != null && !ref.isBlank() && ref.indexOf(':') < 0;
    }
}
