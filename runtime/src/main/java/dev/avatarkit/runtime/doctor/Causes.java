package dev.avatarkit.runtime.doctor;

/** A failure's most telling message: JDK network errors often carry theirs only on a cause (ConnectException: null). */
final class Causes {
    private Causes() {}

    static String message(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t == thrown ? t.getMessage() : thrown.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return thrown.getClass().getSimpleName();
    }
}
