package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.CreateJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avatarkit video create}: one avatar saying a text (or audio), or scenes from a JSON file. */
@Command(
        name = "create",
        description = "Render a video: an avatar (or talking photo, or image) saying a text or audio.",
        footer = {
            "",
            "Example (in the sandbox: no key, no network):",
            "  avatarkit --sandbox video create --avatar Daisy-inskirt-20220818 \\",
            "    --voice 2d5b0e6cf36f460aa7fc47e3eee4ba54 --text \"Hello\" --wait",
            "",
            RootCommand.EXIT_CODES
        })
public final class VideoCreateCommand implements Callable<Integer> {
    @Inject
    private Provider<VideoProvider> videoProvider;

    @Inject
    private Provider<CreateJob> createJob;

    @Inject
    private JobFollower follower;

    @Inject
    private Output out;

    @Inject
    private Io io;

    @Option(names = "--avatar", paramLabel = "ID", description = "Avatar (look) id, see `avatarkit avatars list`.")
    String avatar;

    @Option(names = "--talking-photo", paramLabel = "ID", description = "Talking photo id.")
    String talkingPhoto;

    @Option(names = "--image", paramLabel = "URL", description = "Animate any picture (http/https URL).")
    String image;

    @Option(names = "--voice", paramLabel = "ID", description = "Voice id for --text, see `avatarkit voices list`.")
    String voice;

    @Option(names = "--text", paramLabel = "T", description = "What the avatar says.")
    String text;

    @Option(names = "--text-file", paramLabel = "F", description = "Read the script from a file.")
    String textFile;

    @Option(names = "--audio-url", paramLabel = "U", description = "Lip-sync to this audio instead of a voice.")
    String audioUrl;

    @Option(
            names = "--background",
            paramLabel = "#hex|image:URL|video:URL",
            description = "A colour (#0a0a0a), or an image or video behind the avatar.")
    String background;

    @Option(names = "--aspect", paramLabel = "16:9", description = "16:9, 9:16, 4:5, 5:4 or 1:1.")
    String aspect;

    @Option(names = "--dimension", paramLabel = "WxH", description = "Exact size, e.g. 1920x1080 (even, 128–4096).")
    String dimension;

    @Option(names = "--resolution", paramLabel = "RES", description = "720p, 1080p or 4k.")
    String resolution;

    @Option(names = "--caption", description = "Burn in captions.")
    boolean caption;

    @Option(names = "--title", paramLabel = "TEXT", description = "Video title (≤ 255 chars).")
    String title;

    @Option(
            names = "--scenes",
            paramLabel = "FILE.json",
            description =
                    "Multi-scene video: {\"scenes\":[{\"avatar\",\"voice\",\"text\"|\"audioUrl\",\"background\"}…]}.")
    String scenes;

    @Option(names = "--test", description = "Provider test mode (watermarked, free).")
    boolean test;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Re-running with the same key returns the same job, never a second render.")
    String key;

    @Option(names = "--wait", description = "Wait until the video is rendered and stored.")
    boolean wait;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            paramLabel = "DURATION",
            description = "How long --wait waits, e.g. 90s, 10m, 2h (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        VideoSpec spec = scenes != null ? fromScenesFile() : singleScene();
        IdempotencyKey idempotencyKey = key == null ? null : new IdempotencyKey(key);
        // the provider's dialect refuses what it can never render before a job exists (as the server does)
        videoProvider.get().preflight(spec);
        Insertion insertion = createJob.get().create(new CreateJob.Command(spec, idempotencyKey, null, null));
        out.progress((insertion.created() ? "created job " : "found existing job for this key: ")
                + insertion.job().id());
        return follower.follow(insertion.job(), wait, timeout);
    }

    private VideoSpec singleScene() throws java.io.IOException {
        Character character = character();
        Voice spoken = voice();
        Background bg = background == null ? null : Background.parse(background);
        return new VideoSpec(
                List.of(new Scene(character, spoken, bg)), aspect, dimension(), resolution, caption, title, test);
    }

    private VideoSpec fromScenesFile() throws java.io.IOException {
        if (avatar != null
                || talkingPhoto != null
                || image != null
                || text != null
                || textFile != null
                || audioUrl != null) {
            throw new ValidationException(
                    "scenes", "--scenes describes every scene; do not combine it with --avatar/--text/--audio-url");
        }
        String json = java.nio.file.Files.readString(readable(scenes, "scenes"));
        return ScenesFile.parse(json, aspect, dimension(), resolution, caption, title, test);
    }

    private Character character() {
        int given = (avatar != null ? 1 : 0) + (talkingPhoto != null ? 1 : 0) + (image != null ? 1 : 0);
        if (given != 1) {
            throw new ValidationException(
                    "avatar", "give exactly one of --avatar ID, --talking-photo ID or --image URL (or --scenes FILE)");
        }
        if (avatar != null) return Character.Avatar.of(avatar);
        if (talkingPhoto != null) return new Character.TalkingPhoto(talkingPhoto, null);
        return new Character.Image(image);
    }

    private Voice voice() throws java.io.IOException {
        int given = (text != null ? 1 : 0) + (textFile != null ? 1 : 0) + (audioUrl != null ? 1 : 0);
        if (given != 1)
            throw new ValidationException("text", "give exactly one of --text T, --text-file F or --audio-url U");
        if (audioUrl != null) return new Voice.Audio(audioUrl, null);
        if (voice == null || voice.isBlank()) {
            throw new ValidationException(
                    "voice", "--voice ID is required with --text/--text-file (see `avatarkit voices list`)");
        }
        String script = text != null
                ? text
                : java.nio.file.Files.readString(readable(textFile, "text-file"))
                        .strip();
        if (script.length() > Voice.MAX_SCRIPT_CHARS) {
            throw new ValidationException(
                    "text", "'text' is " + script.length() + " characters; the limit is " + Voice.MAX_SCRIPT_CHARS);
        }
        return Voice.Text.of(script, voice);
    }

    private Dimension dimension() {
        return dimension == null ? null : Dimension.parse(dimension);
    }

    private java.nio.file.Path readable(String file, String field) {
        java.nio.file.Path path = io.resolve(file);
        if (!java.nio.file.Files.isRegularFile(path))
            throw new ValidationException(field, "--" + field + ": no such file " + path);
        return path;
    }
}
