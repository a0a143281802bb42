package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document stays true: every registered route (path and method) is in it, and nothing else. */
class OpenApiTest {
    @Test
    @SuppressWarnings("unchecked")
    void givenTheRunningServer_whenOpenApiIsFetched_thenItDescribesEveryRegisteredRouteAndNoOther(@TempDir Path dir) {
        try (TestServer s = TestServer.sandbox(dir)) {
            var r = s.call(
                    new okhttp3.Request.Builder().url(s.url("/openapi.json")).build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.field("openapi")).isEqualTo("3.1.0");
            Map<String, Object> paths = (Map<String, Object>) r.json().get("paths");
            int operations = 0;
            for (ApiServer.Route route : s.server.routes()) {
                assertThat(paths).as("path %s", route.path()).containsKey(route.path());
                assertThat((Map<String, Object>) paths.get(route.path()))
                        .as("%s %s", route.method(), route.path())
                        .containsKey(route.method().toLowerCase(Locale.ROOT));
            }
            for (Object ops : paths.values()) operations += ((Map<?, ?>) ops).size();
            assertThat(operations)
                    .as("documented operations = registered routes")
                    .isEqualTo(s.server.routes().size());
        }
    }
}
