package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's session rules over plain HTTP (the browser suite, DashboardBrowserIT, covers the same through
 * chromium): no page without a session, the cookie's attributes, CSRF on every POST, the token never echoed or logged.
 */
class DashboardSessionTest {
    /**
     * One server for the class: no test here creates a job (every change it tries is refused), so they cannot meet.
     * A client may have 2 unfinished jobs, so the dashboard's admission is seen without waiting for renders.
     */
    private static TestServer s;

    private static final String WRONG = "akt_wrong_1111111111111111111111111111";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"");

    @BeforeAll
    static void start(@TempDir Path dir) {
        s = TestServer.limited(dir, HttpLimits.defaults().withQueue(2, 100));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void givenNoSession_whenAnyPageOrActionIsAsked_thenSeeOtherToSignInAndNothingHappens() {
        for (String path : new String[] {
            "/dash",
            "/dash/jobs",
            "/dash/batches",
            "/dash/influencers",
            "/dash/ops",
            "/dash/events",
            "/dash/jobs/01M8DJNKYQY99BVKG0GC1CNEAG"
        }) {
            var page = s.call(new Request.Builder().url(s.url(path)).build());
            assertThat(page.status()).as(path).isEqualTo(303);
            assertThat(page.header("Location")).as(path).isEqualTo("/dash/signin");
        }
        var post = s.call(new Request.Builder()
                .url(s.url("/dash/batches"))
                .post(new FormBody.Builder()
                        .add("kind", "video")
                        .add("csv", "avatar_id,voice_id,script\na,b,c\n")
                        .build())
                .build());
        assertThat(post.status()).isEqualTo(303);
        assertThat(s.get("/v1/jobs").body()).contains("\"jobs\":[]");
        // the JSON API still takes bearer tokens, not cookies
        assertThat(s.get("/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void givenSignIn_thenStrictHttpOnlyCookie_CsrfRefusalIs403_andTheTokenIsNeitherEchoedNorLogged() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            var wrong = s.call(signIn(s, WRONG));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("not accepted").doesNotContain(WRONG);
            assertThat(wrong.header("Set-Cookie")).isNull();

            var ok = s.call(signIn(s, TestServer.TOKEN));
            assertThat(ok.status()).isEqualTo(303);
            String cookie = ok.header("Set-Cookie");
            assertThat(cookie)
                    .startsWith("avatarkit_session=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/")
                    .contains("Max-Age=28800")
                    .doesNotContain("Secure")
                    .doesNotContain(TestServer.TOKEN);
            String session = cookie.substring(0, cookie.indexOf(';'));

            var jobs = s.call(new Request.Builder()
                    .url(s.url("/dash/jobs"))
                    .header("Cookie", session)
                    .build());
            assertThat(jobs.status()).isEqualTo(200);
            assertThat(jobs.header("Content-Security-Policy")).contains("script-src 'self'");
            assertThat(jobs.body()).doesNotContain(TestServer.TOKEN);
            var missingJob = s.call(new Request.Builder()
                    .url(s.url("/dash/jobs/not-a-job"))
                    .header("Cookie", session)
                    .build());
            assertThat(missingJob.status()).isEqualTo(404);
            assertThat(missingJob.header("Content-Type")).startsWith("text/html");
            assertThat(missingJob.body()).contains("There is no job with that id");
            Matcher csrf = CSRF.matcher(jobs.body());
            assertThat(csrf.find()).isTrue();

            var forged = s.call(new Request.Builder()
                    .url(s.url("/dash/batches"))
                    .header("Cookie", session)
                    .post(new FormBody.Builder()
                            .add("kind", "video")
                            .add(
                                    "csv",
                                    "avatar_id,voice_id,script\n" + TestServer.AVATAR + "," + TestServer.VOICE
                                            + ",hi\n")
                            .add("csrf", "0".repeat(64))
                            .build())
                    .build());
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("security token");
            var missing = s.call(new Request.Builder()
                    .url(s.url("/dash/signout"))
                    .header("Cookie", session)
                    .post(new FormBody.Builder().build())
                    .build());
            assertThat(missing.status()).isEqualTo(403);
            assertThat(s.get("/v1/jobs").body()).contains("\"jobs\":[]");

            var out = s.call(new Request.Builder()
                    .url(s.url("/dash/signout"))
                    .header("Cookie", session)
                    .post(new FormBody.Builder().add("csrf", csrf.group(1)).build())
                    .build());
            assertThat(out.status()).isEqualTo(303);
            assertThat(s.call(new Request.Builder()
                                    .url(s.url("/dash/jobs"))
                                    .header("Cookie", session)
                                    .build())
                            .status())
                    .isEqualTo(303);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("dashboard sign-in"));
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(TestServer.TOKEN).doesNotContain(WRONG);
        }
    }

    @Test
    void givenASignInPostedFromAnotherSite_thenRefused() {
        var cross = s.call(signIn(s, TestServer.TOKEN)
                .newBuilder()
                .header("Origin", "https://evil.example")
                .build());
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.header("Set-Cookie")).isNull();
    }

    @Test
    void givenTheQueueCapPerToken_whenABatchFromTheDashboardWouldPassIt_thenRefusedInWords_andNothingIsCreated() {
        String cookie = s.call(signIn(s, TestServer.TOKEN)).header("Set-Cookie");
        String session = cookie.substring(0, cookie.indexOf(';'));
        Matcher csrf = CSRF.matcher(s.call(new Request.Builder()
                        .url(s.url("/dash/batches/new"))
                        .header("Cookie", session)
                        .build())
                .body());
        assertThat(csrf.find()).isTrue();
        String row = TestServer.AVATAR + "," + TestServer.VOICE + ",hi ";

        var refused = s.call(new Request.Builder()
                .url(s.url("/dash/batches"))
                .header("Cookie", session)
                .post(new FormBody.Builder()
                        .add("csrf", csrf.group(1))
                        .add("kind", "video")
                        .add("csv", "avatar_id,voice_id,script\n" + row + "1\n" + row + "2\n" + row + "3\n")
                        .build())
                .build());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("at most 2 unfinished jobs");
        assertThat(s.get("/v1/jobs").body()).contains("\"jobs\":[]");
    }

    private static Request signIn(TestServer s, String token) {
        return new Request.Builder()
                .url(s.url("/dash/signin"))
                .post(new FormBody.Builder().add("token", token).build())
                .build();
    }
}
