package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.spi.SandboxPlugin;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SandboxPluginIT {
    private static SandboxPlugin didPlugin() {
        return ServiceLoader.load(SandboxPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.provider().equals("d-id"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theServiceLoaderFindsIt_andItsSettingsPointAtARunningSimulatorWithBasicAuth() {
        try (SandboxPlugin.Running running = didPlugin().start(Duration.ofMillis(200))) {
            assertThat(running.settings())
                    .containsEntry("DID_AUTH_SCHEME", "Basic")
                    .containsEntry("DID_API_KEY", DidSimulator.SANDBOX_KEY)
                    .containsKey("DID_BASE_URL");
            DidClient client = new DidClient(
                    running.settings().get("DID_BASE_URL"),
                    "Basic " + running.settings().get("DID_API_KEY"));
            assertThat(client.get("/credits").status()).isEqualTo(200);
        }
    }

    @Test
    void givenATalkAcceptedByAProcessThatDied_whenANewSandboxAdoptsIt_thenItRendersToDone() throws Exception {
        String id;
        try (SandboxPlugin.Running first = didPlugin().start(Duration.ofMillis(200))) {
            id = new DidClient(first.settings().get("DID_BASE_URL"), "Basic " + DidSimulator.SANDBOX_KEY)
                    .post("/talks", Bodies.talk("ak:adopt"))
                    .json()
                    .get("id")
                    .asString();
        }
        try (SandboxPlugin.Running second = didPlugin().start(Duration.ofMillis(200))) {
            DidClient client =
                    new DidClient(second.settings().get("DID_BASE_URL"), "Basic " + DidSimulator.SANDBOX_KEY);
            assertThat(client.get("/talks/" + id).status()).isEqualTo(404);
            int adopted = second.adopt(List.of(
                    new SandboxPlugin.UnfinishedRender("talks/" + id, false, "talks"),
                    new SandboxPlugin.UnfinishedRender("img_still", true, "talks")));
            assertThat(adopted).isEqualTo(1);
            assertThat(second.adopt(List.of(new SandboxPlugin.UnfinishedRender(id, false, "talks"))))
                    .as("already known")
                    .isZero();
            // a real server on the real clock: what is asserted is the outcome, within a generous bound
            Awaitility.await("the adopted talk finishes")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> client.get("/talks/" + id).json().get("status").asString(), "done"::equals);
        }
    }
}
