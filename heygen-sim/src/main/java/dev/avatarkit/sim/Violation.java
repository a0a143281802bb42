package dev.avatarkit.sim;

/**
 * One way a request or response breaks the published schema.
 *
 * @param param   where, as HeyGen's {@code param} names it ({@code scenes[0].input.background.color},
 *                {@code Idempotency-Key}, {@code limit}); empty for the body as a whole
 * @param message the validator's words
 */
public record Violation(String param, String message) {
    public Violation {
        if (message == null) throw new IllegalArgumentException("'message' must not be null");
        param = param == null ? "" : param;
    }

    @Override
    public String toString() {
        return (param.isEmpty() ? "(body)" : param) + ": " + message;
    }
}
