package dev.avatarkit.sim;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/** Turns the validator's errors into what a HeyGen client reads: the field that is wrong, not every branch it missed. */
final class SchemaErrors {
    private SchemaErrors() {}

    /**
     * A oneOf reports every branch's complaints. Branches whose {@code type} did not match are not what the caller
     * meant, so their errors go; the summary ("valid to one and only one schema") stays only if nothing else does.
     */
    static List<Error> relevant(List<Error> errors) {
        List<String> wrongBranches = new ArrayList<>();
        for (Error e : errors) {
            String loc = e.getSchemaLocation().toString();
            for (String tail : List.of("/properties/type/enum", "/properties/type/const")) {
                if (loc.endsWith(tail)) wrongBranches.add(loc.substring(0, loc.length() - tail.length()) + "/");
            }
        }
        List<Error> specific = new ArrayList<>();
        List<Error> summaries = new ArrayList<>();
        for (Error e : errors) {
            String loc = e.getSchemaLocation().toString();
            if (wrongBranches.stream().anyMatch(loc::startsWith)) continue;
            (List.of("oneOf", "anyOf").contains(e.getKeyword()) ? summaries : specific).add(e);
        }
        if (!specific.isEmpty()) return specific;
        return summaries.isEmpty() ? errors : summaries;
    }

    static Violation violation(Error e, String prefix) {
        String location = e.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) location = join(location, e.getProperty());
        return new Violation(join(prefix, location), e.getMessage());
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b;
        if (b == null || b.isEmpty()) return a;
        return b.startsWith("[") ? a + b : a + "." + b;
    }
}
