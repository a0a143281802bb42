package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Insertion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every CSV batch (template or plain video) does the same way: read the header, split a row into named
 * values with its line number, derive each row's idempotency key and the batch id from the file itself, estimate
 * credits, refuse a batch with bad rows, and create the jobs. Keeping it in one place keeps re-runs of either
 * kind equally safe: the same file always maps to the same batch and the same keys.
 */
public final class BatchRows {
    /** Rows stored per commit: one fsync for many, and no transaction holds SQLite's write lock for long. */
    static final int ROWS_PER_COMMIT = 500;
    /** A rough price model for dry runs: HeyGen bills by rendered time; ~15 spoken characters a second. */
    static final int CHARS_PER_SECOND = 15;
    /** The shortest video we assume a row costs, whatever its script. */
    static final double MIN_SECONDS = 5.0;

    private BatchRows() {}

    /** A row that cannot become a job, and why (line 1 = the header). */
    public record RowError(int line, String field, String message) {}

    /** The job one row (starting on {@code line}) will become, and its idempotency key. */
    public record Row<S extends JobSpec>(int line, S spec, IdempotencyKey key) {}

    /** The trimmed column names of the first record, with an error for each name given twice. */
    static List<String> header(List<Csv.Record> records, List<RowError> errors) {
        List<String> header = records.get(0).fields().stream().map(String::trim).toList();
        for (int i = 0; i < header.size(); i++) {
            int first = header.indexOf(header.get(i));
            if (first != i) {
                // a row's value would silently come from one of the two columns
                errors.add(new RowError(
                        1,
                        header.get(i),
                        "column '" + header.get(i) + "' appears twice (columns " + (first + 1) + " and " + (i + 1)
                                + "); keep one"));
            }
        }
        return header;
    }

    /** The row's trimmed values by column; a row wider or narrower than the header is an error naming its line. */
    static Map<String, String> values(List<String> header, Csv.Record record) {
        if (record.fields().size() != header.size()) {
            throw new ValidationException(
                    "csv",
                    "line " + record.line() + ": has " + record.fields().size() + " fields, the header has "
                            + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++)
            values.putIfAbsent(header.get(i), record.fields().get(i).trim());
        return values;
    }

    /**
     * A row's key: from its id column when it has one (so editing the row's text does not make a second video),
     * else from the row's content; the n-th identical row gets its own key, so duplicates are n videos, every run.
     */
    static IdempotencyKey key(String scope, String id, Csv.Record record, Map<String, Integer> seen) {
        String natural =
                id != null ? scope + "\ncallback_id=" + id : scope + "\n" + String.join("\u001f", record.fields());
        int occurrence = seen.merge(natural, 1, Integer::sum);
        return IdempotencyKey.derived("row", natural + "\n#" + occurrence);
    }

    /** The same file (and scope) is always the same batch, so a re-run reports on, and resumes, the first run's jobs. */
    static BatchId batchId(String scope, List<Csv.Record> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            for (Csv.Record record : records) {
                sha.update(String.join("\u001f", record.fields()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new BatchId("b-" + HexFormat.of().formatHex(sha.digest(), 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Credits for {@code spokenChars} of script over {@code jobs} videos (a credit is a minute). */
    static int credits(long spokenChars, int jobs) {
        double seconds = spokenChars / (double) CHARS_PER_SECOND;
        return (int) Math.ceil(Math.max(seconds, jobs * MIN_SECONDS) / 60.0);
    }

    /**
     * Creates every row's job in the batch (an existing key finds its job instead of creating one).
     *
     * @throws ValidationException listing every bad row, unless {@code skipInvalid}
     */
    static TemplateBatch.BatchResult submit(
            CreateJob create,
            BatchId batchId,
            List<? extends Row<?>> rows,
            List<RowError> errors,
            boolean skipInvalid) {
        if (!errors.isEmpty() && !skipInvalid) {
            throw new ValidationException(
                    "csv",
                    errors.size() + " invalid row(s); nothing was submitted:\n"
                            + String.join(
                                    "\n",
                                    errors.stream()
                                            .map(e -> "  line " + e.line() + ": " + e.message())
                                            .toList())
                            + "\nfix them, or pass --skip-invalid to submit the valid rows only");
        }
        int created = 0;
        List<JobId> ids = new ArrayList<>();
        // a commit per chunk, not per row; chunks keep one transaction (and SQLite's write lock) short
        for (int from = 0; from < rows.size(); from += ROWS_PER_COMMIT) {
            List<CreateJob.Command> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_COMMIT)).stream()
                    .map(row -> new CreateJob.Command(row.spec(), row.key(), batchId, null))
                    .toList();
            for (Insertion insertion : create.createAll(chunk)) {
                if (insertion.created()) created++;
                ids.add(insertion.job().id());
            }
        }
        return new TemplateBatch.BatchResult(batchId, created, rows.size() - created, errors.size(), ids);
    }
}
