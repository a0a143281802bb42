package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.TemplateBatch;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Starting a batch from a CSV: upload (or paste) → a dry-run preview with the row count, the credit estimate and
 * every invalid row by line number, nothing submitted → submit, which plans the same text again (the preview is
 * not trusted) and refuses if any row is invalid. The planning is the JSON API's ({@link BatchPlanner}) and,
 * through core's batch use cases, the CLI's.
 */
final class BatchUpload {
    /** The largest CSV accepted, as for {@code POST /v1/batches}. */
    static final int MAX_CSV = 32 << 20;

    private final DashboardParts parts;
    private final Admit admit;

    BatchUpload(DashboardParts parts, Admit admit) {
        this.parts = parts;
        this.admit = admit;
    }

    void form(Context ctx) {
        ctx.html(Pages.page(
                "Start a batch", Guard.session(ctx), "batches", null, form(Guard.session(ctx), "video", "", "")));
    }

    void preview(Context ctx) {
        Request request = Request.from(ctx);
        BatchPlanner.Planned plan = plan(request);
        Sessions.Session session = Guard.session(ctx);
        String summary = "<p id=\"plan-summary\">" + plan.rows() + " valid row" + (plan.rows() == 1 ? "" : "s")
                + " · estimated <strong>" + plan.estimatedCredits() + " credit"
                + (plan.estimatedCredits() == 1 ? "" : "s")
                + "</strong> · nothing has been submitted yet.</p>";
        String next;
        if (!plan.errors().isEmpty()) {
            next = errors(plan) + "<p>Fix these lines in the CSV and preview again.</p>"
                    + form(session, request.kind(), request.template(), request.csv());
        } else {
            next = """
                    <form method="post" action="%s/batches" class="stack">
                    <input type="hidden" name="csrf" value="%s">
                    <input type="hidden" name="kind" value="%s"><input type="hidden" name="template" value="%s">
                    <input type="hidden" name="csv" value="%s">
                    <button type="submit" id="submit-batch">Submit %d job%s</button>
                    </form>""".formatted(
                            Dashboard.ROOT,
                            Html.escape(session.csrf()),
                            Html.escape(request.kind()),
                            Html.escape(request.template()),
                            Html.escape(request.csv()),
                            plan.rows(),
                            plan.rows() == 1 ? "" : "s");
        }
        ctx.status(plan.errors().isEmpty() ? 200 : 422)
                .html(Pages.page("Preview of the batch", session, "batches", null, summary + next));
    }

    void submit(Context ctx) {
        Request request = Request.from(ctx);
        BatchPlanner.Planned plan = plan(request);
        if (!plan.errors().isEmpty()) {
            ctx.status(422)
                    .html(Pages.page(
                            "The batch was not submitted",
                            Guard.session(ctx),
                            "batches",
                            null,
                            errors(plan)
                                    + form(Guard.session(ctx), request.kind(), request.template(), request.csv())));
            return;
        }
        TemplateBatch.BatchResult result = admit.admitted(
                Guard.session(ctx).token(), plan.rows(), plan::submit, TemplateBatch.BatchResult::jobIds);
        ctx.redirect(
                Dashboard.ROOT + "/batches/" + Html.query(result.batchId().value()),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private BatchPlanner.Planned plan(Request request) {
        if (request.csv().isBlank())
            throw new ValidationException("csv", "Choose a CSV file or paste the rows: the batch is empty.");
        return parts.batches().plan(request.kind(), request.template(), request.csv());
    }

    private static String errors(BatchPlanner.Planned plan) {
        StringBuilder out = new StringBuilder("<div class=\"problem\" role=\"alert\" id=\"csv-errors\"><p><strong>")
                .append(plan.errors().size())
                .append(" row")
                .append(plan.errors().size() == 1 ? " has" : "s have")
                .append(" a problem; nothing was submitted.</strong></p><ul>");
        for (BatchRows.RowError error : plan.errors()) {
            String message = error.message().startsWith("line ")
                    ? error.message()
                    : "line " + error.line() + ": " + error.message();
            out.append("<li>").append(Html.escape(message)).append("</li>");
        }
        return out.append("</ul></div>").toString();
    }

    private static String form(Sessions.Session session, String kind, String template, String csv) {
        return """
                <form method="post" action="%s/batches/preview" enctype="multipart/form-data" class="stack" id="batch-form">
                <input type="hidden" name="csrf" value="%s">
                <fieldset><legend>Kind of batch</legend>
                <label><input type="radio" name="kind" value="video"%s> Avatar videos (columns avatar_id, voice_id, script; optional title, background, aspect, caption)</label>
                <label><input type="radio" name="kind" value="template"%s> Template videos (columns = the template's variables)</label>
                </fieldset>
                <label for="template">Template id (template batches only)</label>
                <input id="template" name="template" value="%s">
                <label for="csv-file">CSV file</label>
                <input id="csv-file" name="file" type="file" accept=".csv,text/csv">
                <label for="csv-text">…or paste the CSV</label>
                <textarea id="csv-text" name="csv" rows="8">%s</textarea>
                <button type="submit" id="preview-batch">Preview (dry run)</button>
                </form>""".formatted(
                        Dashboard.ROOT,
                        Html.escape(session.csrf()),
                        "template".equals(kind) ? "" : " checked",
                        "template".equals(kind) ? " checked" : "",
                        Html.escape(template),
                        Html.escape(csv));
    }

    /** The form's fields; an uploaded file wins over the pasted text. */
    private record Request(String kind, String template, String csv) {
        static Request from(Context ctx) {
            String kind = ctx.formParam("kind");
            String template = ctx.formParam("template");
            String csv = ctx.formParam("csv");
            UploadedFile file = ctx.contentType() != null && ctx.contentType().startsWith("multipart/")
                    ? ctx.uploadedFile("file")
                    : null;
            if (file != null && file.size() > 0) csv = read(file);
            return new Request(kind == null ? "video" : kind, template == null ? "" : template, csv == null ? "" : csv);
        }

        private static String read(UploadedFile file) {
            if (file.size() > MAX_CSV)
                throw new ValidationException("file", "The CSV is larger than 32 MiB; split it into several batches.");
            try (InputStream in = file.content()) {
                byte[] bytes = in.readNBytes(MAX_CSV + 1);
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new ValidationException(
                        "file", "The CSV is not UTF-8 text; save it as 'CSV UTF-8' and upload it again.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
