package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.sim.Violation;
import dev.avatarkit.sim.WireLog;
import dev.avatarkit.sim.WireSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks everything the adapter sent to a simulator — recorded in the simulator's {@link WireLog} — against HeyGen's
 * published schema, independently of what the simulator itself concluded, plus the simulator's answers. Totals are
 * appended to {@code target/wire-conformance.txt} so a build shows how much was checked.
 */
final class WireConformance {
    /** What one run checked. */
    record Tally(String suite, int requests, int covered, List<String> mismatches) {}

    private WireConformance() {}

    static Tally check(String suite, HeyGenSimulator sim) {
        WireSchema schema = WireSchema.published();
        List<String> mismatches = new ArrayList<>();
        int covered = 0;
        List<WireLog.Exchange> exchanges = sim.wireLog().exchanges();
        for (WireLog.Exchange e : exchanges) {
            if (schema.covers(e.method(), e.template())) covered++;
            // re-validated here from what was recorded; where the body was not kept (uploads), the door's verdict
            // stands
            List<Violation> request = e.body() == null
                    ? e.request()
                    : schema.request(e.method(), e.template(), e.query(), e::header, e.contentType(), e.body());
            request.forEach(v -> mismatches.add("request " + e.route() + " " + v));
            e.response().forEach(v -> mismatches.add("response " + e.route() + " " + e.status() + " " + v));
            if (e.status() == 400) mismatches.add("refused " + e.route() + ": " + e.request());
        }
        Tally t = new Tally(suite, exchanges.size(), covered, mismatches);
        record(t);
        return t;
    }

    /** The usual assertion: something was sent, and nothing HeyGen's schema would refuse. */
    static void assertClean(String suite, HeyGenSimulator sim) {
        Tally t = check(suite, sim);
        assertThat(t.mismatches())
                .as(suite + ": requests/responses outside HeyGen's published schema")
                .isEmpty();
    }

    private static void record(Tally t) {
        String line = String.format(
                "%s: %d requests recorded, %d against a published operation, %d mismatches%n",
                t.suite(), t.requests(), t.covered(), t.mismatches().size());
        try {
            Path out = Path.of("target", "wire-conformance.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
