package dev.avatarkit.didsim;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the validator's errors into what a client can act on: the field and what is wrong with it, the specific
 * complaints before an {@code anyOf}'s "matches none" (typed unions were already narrowed, see {@link Narrowing}).
 */
final class SchemaMessages {
    private SchemaMessages() {}

    static List<FieldError> explain(List<Error> errors, String prefix) {
        List<FieldError> specific = new ArrayList<>();
        List<FieldError> summaries = new ArrayList<>();
        for (Error e : errors) {
            boolean summary = "anyOf".equals(e.getKeyword()) || "oneOf".equals(e.getKeyword());
            (summary ? summaries : specific).add(fieldError(e, prefix));
        }
        return specific.isEmpty() ? summaries : specific;
    }

    private static FieldError fieldError(Error e, String prefix) {
        String field = e.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) field = join(field, e.getProperty());
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null)
            field = join(field, e.getProperty());
        String message = e.getMessage();
        // the library starts its messages with the instance location; the field is said once, by the caller
        int colon = message.indexOf(": ");
        if (message.startsWith("$") && colon > 0) message = message.substring(colon + 2);
        return new FieldError(join(prefix, field), message);
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return b.startsWith("[") ? a + b : a + "." + b;
    }
}
