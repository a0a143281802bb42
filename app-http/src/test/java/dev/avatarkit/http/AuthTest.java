package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Bearer auth on /v1/*: 401 missing/malformed (with a challenge), 403 unknown; tokens never in responses or logs. */
class AuthTest {
    private static final String WRONG = "akt_wrong_0000000000000000000000000000";

    @Test
    void givenMissingMalformedUnknownAndValidTokens_thenTheyAre401_401_403_200AndNoTokenLeaks(@TempDir Path dir) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (TestServer s = TestServer.sandbox(dir)) {
            var none = s.call(new Request.Builder().url(s.url("/v1/jobs")).build());
            JobRoutesTest.assertProblem(none, 401, "Authorization");
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

            var basic = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Basic " + TestServer.TOKEN)
                    .build());
            JobRoutesTest.assertProblem(basic, 401, "Authorization");
            var empty = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Bearer ")
                    .build());
            assertThat(empty.status()).isEqualTo(401);
            var spaces = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Bearer a b")
                    .build());
            assertThat(spaces.status()).isEqualTo(401);

            var unknown = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Bearer " + WRONG)
                    .build());
            JobRoutesTest.assertProblem(unknown, 403, null);
            var unknownPost = s.call(new Request.Builder()
                    .url(s.url("/v1/videos"))
                    .header("Authorization", "Bearer " + WRONG)
                    .post(okhttp3.RequestBody.create(TestServer.videoBody("x"), TestServer.JSON))
                    .build());
            assertThat(unknownPost.status()).isEqualTo(403);
            var events = s.call(new Request.Builder().url(s.url("/v1/events")).build());
            assertThat(events.status()).isEqualTo(401);

            var ok = s.get("/v1/jobs");
            assertThat(ok.status()).isEqualTo(200);
            for (var r : java.util.List.of(none, basic, empty, unknown, unknownPost, ok)) {
                assertThat(r.body()).doesNotContain(TestServer.TOKEN).doesNotContain(WRONG);
                assertThat(r.headers().toString())
                        .doesNotContain(TestServer.TOKEN)
                        .doesNotContain(WRONG);
            }
            var metrics = s.call(new Request.Builder().url(s.url("/metrics")).build());
            assertThat(metrics.body()).doesNotContain(TestServer.TOKEN).doesNotContain(WRONG);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(TestServer.TOKEN).doesNotContain(WRONG);
        }
    }

    @Test
    void givenHeadOfAGuardedRoute_whenNoValidToken_thenItIs401Or403LikeItsGet(@TempDir Path dir) {
        // Javalin answers HEAD of a GET route itself (200, no route runs) unless a HEAD route exists
        try (TestServer s = TestServer.sandbox(dir)) {
            var none = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs/01M8PGJXSC93ZK61FTXT401E5F"))
                    .head()
                    .build());
            assertThat(none.status()).isEqualTo(401);
            var unknown = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Bearer " + WRONG)
                    .head()
                    .build());
            assertThat(unknown.status()).isEqualTo(403);
            var ok = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .header("Authorization", "Bearer " + TestServer.TOKEN)
                    .head()
                    .build());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEmpty();
        }
    }

    @Test
    void givenUnknownV1PathsAndMethods_whenNoValidToken_thenTheyAre401Or403BeforeTheyAre404Or405(@TempDir Path dir) {
        try (TestServer s = TestServer.sandbox(dir)) {
            var noPath =
                    s.call(new Request.Builder().url(s.url("/v1/nothing-here")).build());
            JobRoutesTest.assertProblem(noPath, 401, "Authorization");
            assertThat(noPath.header("WWW-Authenticate")).startsWith("Bearer");
            var wrongMethod = s.call(new Request.Builder()
                    .url(s.url("/v1/jobs"))
                    .put(okhttp3.RequestBody.create("{}", TestServer.JSON))
                    .build());
            JobRoutesTest.assertProblem(wrongMethod, 401, "Authorization");
            var unknownToken = s.call(new Request.Builder()
                    .url(s.url("/v1/nothing-here"))
                    .header("Authorization", "Bearer " + WRONG)
                    .build());
            JobRoutesTest.assertProblem(unknownToken, 403, null);
            var missingJob = s.call(
                    new Request.Builder().url(s.url("/v1/jobs/not-a-job")).build());
            JobRoutesTest.assertProblem(missingJob, 401, "Authorization");

            assertThat(s.get("/v1/nothing-here").status()).isEqualTo(404);
            assertThat(s.call(new Request.Builder()
                                    .url(s.url("/v1/jobs"))
                                    .header("Authorization", "Bearer " + TestServer.TOKEN)
                                    .put(okhttp3.RequestBody.create("{}", TestServer.JSON))
                                    .build())
                            .status())
                    .isEqualTo(405);
            assertThat(s.call(new Request.Builder().url(s.url("/healthz")).build())
                            .status())
                    .as("outside /v1 no token is needed")
                    .isEqualTo(200);
        }
    }
}
