package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.CreateJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avatarkit template list|show|generate|batch}. */
@Command(
        name = "template",
        description = "Videos from HeyGen templates, one at a time or a CSV batch.",
        subcommands = {
            TemplateCommand.ListTemplates.class,
            TemplateCommand.Show.class,
            TemplateCommand.Generate.class,
            TemplateBatchCommand.class
        })
public final class TemplateCommand {

    @Command(name = "list", description = "List your templates.")
    public static final class ListTemplates implements Callable<Integer> {
        @Inject
        private Provider<VideoProvider> videoProvider;

        @Inject
        private Output out;

        @Option(
                names = "--limit",
                defaultValue = "50",
                paramLabel = "N",
                description = "Page size, 1–100 (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(
                names = "--cursor",
                paramLabel = "TOKEN",
                description = "Continue from this page token (printed as `more: --cursor …`).")
        String cursor;

        @Override
        public Integer call() {
            Page<Catalog.Template> page = videoProvider.get().templates(new PageRequest(limit, cursor));
            return CatalogPages.print(
                    out,
                    page,
                    new Documents.TemplateList(page.items(), page.nextToken()),
                    List.of("ID", "ASPECT", "NAME"),
                    t -> List.of(t.id(), String.valueOf(t.aspectRatio()), String.valueOf(t.name())));
        }
    }

    @Command(name = "show", description = "Show a template's variables (the names --var and batch CSV columns use).")
    public static final class Show implements Callable<Integer> {
        @Inject
        private Provider<VideoProvider> videoProvider;

        @Inject
        private Output out;

        @Parameters(paramLabel = "ID", description = "The template id (see `avatarkit template list`).")
        String id;

        @Override
        public Integer call() {
            Catalog.TemplateDetail t = videoProvider.get().template(id);
            if (out.json()) {
                out.document(new Documents.TemplateDetail(
                        t.id(),
                        t.name(),
                        t.variables().stream()
                                .map(v -> new Documents.Variable(
                                        v.name(), v.type().wireName()))
                                .toList()));
                return 0;
            }
            out.line(t.id() + "  " + t.name());
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("VARIABLE", "TYPE"));
            t.variables().forEach(v -> rows.add(List.of(v.name(), v.type().wireName())));
            out.table(rows);
            return 0;
        }
    }

    @Command(
            name = "generate",
            description = "Render one video from a template.",
            footer = {
                "",
                "Example (in the sandbox: no key, no network):",
                "  avatarkit --sandbox template generate tpl_welcome_name --var name=Ann --wait",
                "",
                RootCommand.EXIT_CODES
            })
    public static final class Generate implements Callable<Integer> {
        @Inject
        private Provider<VideoProvider> videoProvider;

        @Inject
        private Provider<CreateJob> createJob;

        @Inject
        private JobFollower follower;

        @Parameters(paramLabel = "ID", description = "The template id (see `avatarkit template list`).")
        String id;

        @Option(
                names = "--var",
                paramLabel = "NAME=VALUE",
                description = "A variable value (repeat for each variable).")
        Map<String, String> vars = new LinkedHashMap<>();

        @Option(names = "--title", paramLabel = "TEXT", description = "Video title (≤ 255 chars).")
        String title;

        @Option(names = "--caption", description = "Burn in captions.")
        boolean caption;

        @Option(
                names = "--idempotency-key",
                paramLabel = "KEY",
                description = "Re-running with the same key returns the same job, never a second render.")
        String key;

        @Option(names = "--wait", description = "Wait until it is rendered and stored.")
        boolean wait;

        @Option(
                names = "--timeout",
                defaultValue = "30m",
                paramLabel = "DURATION",
                description = "How long --wait waits, e.g. 90s, 10m, 2h (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            Catalog.TemplateDetail template = videoProvider.get().template(id);
            TemplateSpec spec = new TemplateSpec(id, variables(template, vars), title, null, caption);
            Insertion insertion = createJob
                    .get()
                    .create(new CreateJob.Command(spec, key == null ? null : new IdempotencyKey(key), null, null));
            return follower.follow(insertion.job(), wait, timeout);
        }
    }

    /** Types each {@code --var} by the template's declaration; unknown and missing names are errors naming them. */
    static Map<String, TemplateVariable> variables(Catalog.TemplateDetail template, Map<String, String> given) {
        Map<String, TemplateVariable.Type> types = new LinkedHashMap<>();
        template.variables().forEach(v -> types.put(v.name(), v.type()));
        Map<String, TemplateVariable> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            TemplateVariable.Type type = types.get(e.getKey());
            if (type == null) {
                throw new ValidationException(
                        "var",
                        "template " + template.id() + " has no variable '" + e.getKey() + "'; its variables are "
                                + types.keySet());
            }
            out.put(e.getKey(), new TemplateVariable(e.getKey(), type, e.getValue()));
        }
        TreeSet<String> missing = new TreeSet<>(types.keySet());
        missing.removeAll(given.keySet());
        if (!missing.isEmpty()) {
            throw new ValidationException(
                    "var",
                    "missing --var for " + missing + " (template " + template.id() + " needs " + types.keySet() + ")");
        }
        return out;
    }
}
