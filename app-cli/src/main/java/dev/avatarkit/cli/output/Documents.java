package dev.avatarkit.cli.output;

import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.runtime.json.JobDocument;
import java.util.List;
import java.util.Map;

/** The JSON documents {@code --json} prints besides the job itself ({@link JobDocument}). Field names are a contract. */
public final class Documents {
    private Documents() {}

    /** A page of jobs; {@code next} is the {@code --cursor} for the following page, null at the end. */
    public record JobList(List<JobDocument> jobs, String next) {}

    public record AvatarList(List<Catalog.Avatar> avatars, String next) {}

    public record VoiceList(List<Catalog.VoiceEntry> voices, String next) {}

    public record TemplateList(List<Catalog.Template> templates, String next) {}

    public record TemplateDetail(String id, String name, List<Variable> variables) {}

    public record Variable(String name, String type) {}

    public record Account(String name, String plan, double remaining, String unit, int maxConcurrency) {}

    public record Asset(String key, String uri, long size, String sha256, String contentType, String createdAt) {}

    public record AssetList(List<Asset> assets, String next) {}

    /** The files a download copied. */
    public record Download(JobDocument job, List<String> files) {}

    /** A row that cannot become a job. */
    public record RowError(int line, String field, String message) {}

    /** A batch: its plan (dry run) or its outcome. */
    public record Batch(
            String batch,
            String template,
            int rows,
            int created,
            int existing,
            int skipped,
            int estimatedCredits,
            boolean dryRun,
            Map<String, Integer> states,
            List<RowError> errors,
            List<String> jobs) {}

    /** What {@code jobs resume} did. */
    public record Resume(int resumed, Map<String, Integer> states) {}

    /** {@code config show}: the file looked at, and each key's value (secrets: only whether set) and source. */
    public record ConfigShow(String configFile, boolean configFileFound, List<ConfigValue> settings) {}

    /** {@code source} is flag, env, file, sandbox, default or "not set"; {@code file} is the file for "file". */
    public record ConfigValue(String key, String value, String source, String file) {}

    /** {@code doctor}: every check in order; {@code exitCode} is the process's. */
    public record DoctorReport(boolean ok, int exitCode, List<DoctorCheck> checks) {}

    /** {@code status} is pass, skip or fail. */
    public record DoctorCheck(String name, String status, String detail, String hint) {}
}
