package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.Csv;
import dev.avatarkit.core.usecase.VideoBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code avatarkit video batch --csv FILE}: one plain avatar video per CSV row, with everything {@code template
 * batch} promises: every row checked first (by line), a dry run with credits, keys derived from the rows (or their
 * {@code id}), so a re-run after Ctrl-C or kill -9 resumes and never renders a row twice.
 */
@Command(
        name = "batch",
        description = "One avatar video per CSV row (columns: avatar_id | talking_photo_id | image_url, "
                + "voice_id, script | script_file | audio_url; optional: id, title, background, aspect, caption).",
        footer = {
            "",
            "Example (in the sandbox: no key, no network; videos.csv has the header",
            "`id,avatar_id,voice_id,script,title`, then one video a line):",
            "  avatarkit --sandbox video batch --csv videos.csv --wait",
            "",
            RootCommand.EXIT_CODES
        })
public final class VideoBatchCommand implements Callable<Integer> {
    @Inject
    private Provider<VideoBatch> videoBatch;

    @Inject
    private BatchRun run;

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "FILE",
            description = "The rows (RFC 4180, UTF-8; script_file paths are relative to it).")
    String csv;

    @Mixin
    BatchOptions options;

    @Override
    public Integer call() throws Exception {
        run.configure(options);
        Path file = run.csvFile(csv);
        VideoBatch batch = videoBatch.get();
        VideoBatch.Plan plan = batch.plan(Csv.decode(Files.readAllBytes(file)), path -> script(file.getParent(), path));
        BatchRun.Plan shown = new BatchRun.Plan(
                plan.batchId(),
                null,
                "plain videos",
                plan.videos().size(),
                plan.errors(),
                plan.estimatedCredits(),
                preview(plan.videos()),
                "Fix the header (see: avatarkit video batch --help).");
        return run.run(shown, csv, options, () -> batch.submit(plan, options.skipInvalid));
    }

    /** A {@code script_file} cell, read as strict UTF-8 like the CSV itself. */
    private static String script(Path csvDir, String path) {
        Path script = csvDir.resolve(path).normalize();
        if (!Files.isRegularFile(script))
            throw new ValidationException("script_file", "'script_file': no such file " + script);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(script)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("script_file", "'script_file' " + script + " is not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    private static List<List<String>> preview(List<BatchRows.Row<VideoSpec>> videos) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("LINE", "TITLE", "WHO", "SAYS"));
        videos.stream().limit(BatchRun.PREVIEW_ROWS).forEach(v -> {
            Scene scene = v.spec().scenes().get(0);
            rows.add(List.of(
                    String.valueOf(v.line()),
                    BatchRun.cut(v.spec().title(), 40),
                    who(scene.character()),
                    says(scene.voice())));
        });
        return rows;
    }

    private static String who(Character character) {
        if (character instanceof Character.Avatar a) return BatchRun.cut(a.avatarId(), 30);
        if (character instanceof Character.TalkingPhoto t) return "photo " + BatchRun.cut(t.talkingPhotoId(), 24);
        return "image " + BatchRun.cut(((Character.Image) character).url(), 24);
    }

    private static String says(Voice voice) {
        if (voice instanceof Voice.Text t) return BatchRun.cut(t.text(), 40);
        if (voice instanceof Voice.Audio a) return "audio " + BatchRun.cut(a.audioUrl(), 34);
        return "silence";
    }
}
