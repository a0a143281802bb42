package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.spi.SandboxPlugin.UnfinishedRender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * After a sandbox process dies (kill -9, power loss), its simulators' renders die with it while its jobs stay in
 * {@code sandbox.db}. Before the engine resumes them, each provider's new simulator adopts every render those jobs
 * hold (and every base look an unfinished still refers to), so they finish instead of failing as {@code not_found}.
 */
final class SandboxRecovery {
    private static final Logger LOG = Logger.getLogger(SandboxRecovery.class.getName());

    private SandboxRecovery() {}

    static int adoptUnfinished(JobStore jobs, InstalledProviders providers) {
        Map<String, List<UnfinishedRender>> byProvider = new LinkedHashMap<>();
        JobId after = null;
        while (true) {
            List<JobId> page = jobs.unfinished(500, after);
            if (page.isEmpty()) break;
            for (JobId id : page) jobs.find(id).ifPresent(job -> collect(job, providers, byProvider));
            after = page.get(page.size() - 1);
        }
        int adopted = 0;
        for (var entry : byProvider.entrySet()) {
            adopted += providers
                    .sandbox(entry.getKey())
                    .map(s -> s.adopt(entry.getValue()))
                    .orElse(0);
        }
        if (adopted > 0)
            LOG.info("sandbox: the simulators adopted " + adopted + " render(s) of a previous sandbox process");
        return adopted;
    }

    private static void collect(Job job, InstalledProviders providers, Map<String, List<UnfinishedRender>> out) {
        ProviderRoute route = job.route();
        String dialect = route.hasDialect()
                ? route.dialect()
                : providers.routeFor(route.provider()).dialect();
        List<UnfinishedRender> renders = out.computeIfAbsent(route.provider(), p -> new ArrayList<>());
        if (job.spec() instanceof StillSpec still
                && still.baseLookId() != null
                && !still.baseLookId().isBlank()) {
            renders.add(new UnfinishedRender(still.baseLookId(), true, dialect));
        }
        if (job.providerRef() == null) return;
        boolean video = job.kind() == JobKind.VIDEO || job.kind() == JobKind.TEMPLATE_VIDEO;
        renders.add(new UnfinishedRender(job.providerRef().value(), !video, dialect));
    }
}
