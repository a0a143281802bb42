package dev.avatarkit.didsim;

/**
 * One way a request (or one of the simulator's responses) breaks D-ID's published schema.
 *
 * @param field   the dotted path of the offending field ({@code script.input}, {@code limit}); empty for the whole body
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
    public FieldError {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("'message' must not be blank");
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return (field.isEmpty() ? "(body)" : "'" + field + "'") + " " + message;
    }
}
