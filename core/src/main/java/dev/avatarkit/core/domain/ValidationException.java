package dev.avatarkit.core.domain;

/** Bad input: names the offending field so CLIs and HTTP problems can point at it. */
public class ValidationException extends AvatarkitException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
