package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.avatarkit.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's logback.xml: text lines by default, one JSON object per line with AVATARKIT_LOG_FORMAT=json. */
class LogFormatTest {
    private static final String FORMAT = "AVATARKIT_LOG_FORMAT";
    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        System.clearProperty(FORMAT);
        configure();
    }

    @Test
    void givenJsonFormat_whenCoreLogsThroughJul_thenOneJsonObjectPerLineWithLevelLoggerAndMessage() throws Exception {
        List<String> lines = logWith("json");

        assertThat(lines).hasSize(2);
        Map<String, Object> jul = json(lines.get(0));
        assertThat(jul)
                .containsEntry("level", "WARN")
                .containsEntry("loggerName", "dev.avatarkit.core.engine.JobEngine")
                .containsEntry("formattedMessage", "job 01X: status read failed, retrying");
        Map<String, Object> slf4j = json(lines.get(1));
        assertThat(slf4j)
                .containsEntry("level", "INFO")
                .containsEntry("formattedMessage", "listening on port 8080")
                .doesNotContainKeys("arguments", "message");
    }

    @Test
    void givenNoFormat_whenLogging_thenTextLines() throws Exception {
        List<String> lines = logWith(null);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN .* - job 01X: status read failed, retrying");
        assertThat(lines.get(1)).endsWith(" - listening on port 8080");
    }

    private List<String> logWith(String format) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        if (format != null)
            System.setProperty(FORMAT, format); // logback reads system properties before the environment
        configure();
        JulBridge.install();
        java.util.logging.Logger.getLogger("dev.avatarkit.core.engine.JobEngine")
                .warning("job 01X: status read failed, retrying");
        java.util.logging.Logger.getLogger("dev.avatarkit.core.engine.JobEngine")
                .fine("below the level: not shown");
        LoggerFactory.getLogger("dev.avatarkit.http.ApiServer").info("listening on port {}", 8080);
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) throws Exception {
        return (Map<String, Object>) Json.adapter(Map.class).fromJson(line);
    }

    private static void configure() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    }
}
