package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import java.util.List;
import java.util.Map;

/** The columns of a video batch CSV and how one row becomes a one-scene {@link VideoSpec}. */
final class VideoRow {
    static final List<String> CHARACTER = List.of("avatar_id", "talking_photo_id", "image_url");
    static final List<String> SPEECH = List.of("script", "script_file", "audio_url");
    /** {@code id} (or {@code callback_id}, as in template batches) keys the row: edit its text, still one video. */
    static final List<String> OPTIONAL =
            List.of("voice_id", "title", "background", "aspect", "caption", "id", "callback_id");

    static final List<String> EXAMPLE_HEADER = List.of("id", "avatar_id", "voice_id", "script", "title");

    private VideoRow() {}

    static void checkHeader(List<String> header, List<BatchRows.RowError> errors) {
        for (String column : header) {
            if (!CHARACTER.contains(column) && !SPEECH.contains(column) && !OPTIONAL.contains(column)) {
                errors.add(new BatchRows.RowError(
                        1,
                        column,
                        "unknown column '" + column + "'; columns are " + CHARACTER + " (one per row), " + SPEECH
                                + " (one per row), and optional " + OPTIONAL));
            }
        }
        if (CHARACTER.stream().noneMatch(header::contains)) {
            errors.add(new BatchRows.RowError(
                    1, "avatar_id", "missing column: one of " + CHARACTER + " says who appears"));
        }
        if (SPEECH.stream().noneMatch(header::contains)) {
            errors.add(new BatchRows.RowError(1, "script", "missing column: one of " + SPEECH + " says what is said"));
        }
        if ((header.contains("script") || header.contains("script_file")) && !header.contains("voice_id")) {
            errors.add(new BatchRows.RowError(
                    1, "voice_id", "missing column 'voice_id' (the voice that speaks the script)"));
        }
    }

    /** The row's own id, when it has one. */
    static String id(Map<String, String> values) {
        String id = value(values, "id");
        return id != null ? id : value(values, "callback_id");
    }

    static VideoSpec spec(Map<String, String> values, int line, VideoBatch.ScriptFiles scriptFiles) {
        try {
            Scene scene = new Scene(character(values), voice(values, scriptFiles), background(values));
            return new VideoSpec(
                    List.of(scene),
                    value(values, "aspect"),
                    null,
                    null,
                    caption(values),
                    value(values, "title"),
                    false);
        } catch (ValidationException e) {
            throw new ValidationException(e.field(), "line " + line + ": " + e.getMessage());
        }
    }

    private static Character character(Map<String, String> values) {
        String column = exactlyOne(values, CHARACTER);
        String value = values.get(column);
        return switch (column) {
            case "avatar_id" -> Character.Avatar.of(value);
            case "talking_photo_id" -> new Character.TalkingPhoto(value, null);
            default -> new Character.Image(value);
        };
    }

    private static Voice voice(Map<String, String> values, VideoBatch.ScriptFiles scriptFiles) {
        String column = exactlyOne(values, SPEECH);
        if (column.equals("audio_url")) return new Voice.Audio(values.get(column), null);
        String voiceId = value(values, "voice_id");
        if (voiceId == null)
            throw new ValidationException("voice_id", "'voice_id' is empty (the voice that speaks the script)");
        String script = column.equals("script")
                ? values.get(column)
                : scriptFiles.read(values.get(column)).strip();
        return Voice.Text.of(script, voiceId);
    }

    private static Background background(Map<String, String> values) {
        String value = value(values, "background");
        return value == null ? null : Background.parse(value);
    }

    private static boolean caption(Map<String, String> values) {
        String value = value(values, "caption");
        if (value == null) return false;
        return switch (value.toLowerCase()) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default ->
                throw new ValidationException(
                        "caption", "'caption' must be true/false (or 1/0, yes/no), was '" + value + "'");
        };
    }

    /** The one column of {@code columns} this row fills in; none or several is an error naming them. */
    private static String exactlyOne(Map<String, String> values, List<String> columns) {
        List<String> given =
                columns.stream().filter(c -> value(values, c) != null).toList();
        if (given.size() != 1) {
            throw new ValidationException(
                    columns.get(0),
                    "give exactly one of "
                            + columns.stream().filter(values::containsKey).toList()
                            + (given.isEmpty() ? ", all are empty" : ", got " + given));
        }
        return given.get(0);
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
