package dev.avatarkit.didsim;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the validator's errors into what a client can act on: the field and what is wrong with it. D-ID's scripts
 * and TTS providers are {@code anyOf} branches told apart by {@code type}; a branch whose {@code type} did not match
 * is not what the caller meant, so its complaints are dropped and the matching branch's remain.
 */
final class SchemaMessages {
  private SchemaMessages() {}

  static List<FieldError> explain(List<Error> errors, String prefix) {
    List<String> otherBranches = new ArrayList<>();
    for (Error e : errors) {
      String at = e.getSchemaLocation().toString();
      if ("enum".equals(e.getKeyword()) && at.endsWith("/properties/type/enum")) {
        otherBranches.add(at.substring(0, at.length() - "properties/type/enum".length()));
      }
    }
    List<FieldError> specific = new ArrayList<>();
    List<FieldError> summaries = new ArrayList<>();
    for (Error e : errors) {
      String at = e.getSchemaLocation().toString();
      if (otherBranches.stream().anyMatch(at::startsWith)) continue;
      boolean summary = "anyOf".equals(e.getKeyword()) || "oneOf".equals(e.getKeyword());
      (summary ? summaries : specific).add(fieldError(e, prefix));
    }
    if (!specific.isEmpty()) return specific;
    if (!summaries.isEmpty()) return summaries;
    List<FieldError> all = new ArrayList<>();
    errors.forEach(e -> all.add(fieldError(e, prefix)));
    return all;
  }

  private static FieldError fieldError(Error e, String prefix) {
    String field = e.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) field = join(field, e.getProperty());
    if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) field = join(field, e.getProperty());
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
