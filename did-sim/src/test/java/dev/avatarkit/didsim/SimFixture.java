package dev.avatarkit.didsim;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator on a manual clock (10 s renders: 2 s {@code created}, then {@code started}, {@code done} at 10 s) and a
 * client for it; registered with {@code @RegisterExtension} so each test gets a fresh one and it always closes.
 */
final class SimFixture implements AfterEachCallback {
    static final Duration RENDER = Duration.ofSeconds(10);
    final TestClock clock = new TestClock();
    private final UnaryOperator<DidSimulator.Builder> settings;
    private DidSimulator sim;
    private DidClient client;

    SimFixture() {
        this(b -> b);
    }

    SimFixture(UnaryOperator<DidSimulator.Builder> settings) {
        this.settings = settings;
    }

    DidSimulator sim() {
        if (sim == null)
            sim = settings.apply(DidSimulator.builder().clock(clock).renderTime(RENDER))
                    .build()
                    .start();
        return sim;
    }

    DidClient client() {
        if (client == null) client = new DidClient(sim());
        return client;
    }

    /** Creates a talk with this user_data (and name) and returns its id. */
    String talk(String userData) {
        DidClient.Answer a = client().post("/talks", Bodies.talk(userData));
        if (a.status() != 201) throw new AssertionError("create failed: " + a.status() + " " + a.text());
        return a.json().get("id").asString();
    }

    void finishRenders() {
        clock.advance(RENDER);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (sim != null) sim.close();
        sim = null;
        client = null;
    }
}
