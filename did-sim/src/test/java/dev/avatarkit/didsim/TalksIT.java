package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TalksIT {
  static final String TALK = """
      {"source_url":"https://assets.example.com/ava.png",
       "script":{"type":"text","input":"Hello from the simulator","provider":{"type":"microsoft","voice_id":"en-US-JennyNeural"}},
       "config":{"result_format":"mp4","fluent":true},"name":"job-1","user_data":"ak:job-1"}""";
  private final TestClock clock = new TestClock();
  private DidSimulator sim;
  private DidClient client;

  @BeforeEach
  void start() {
    sim = DidSimulator.builder().clock(clock).renderTime(Duration.ofSeconds(10)).build().start();
    client = new DidClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void givenATextTalk_whenTheClockRuns_thenItGoesCreatedStartedDone_withUserDataAndNameEchoed() {
    DidClient.Answer created = client.post("/talks", TALK);
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("id").asString()).startsWith("tlk_");
    assertThat(body.get("object").asString()).isEqualTo("talk");
    assertThat(body.get("status").asString()).isEqualTo("created");
    String path = "/talks/" + body.get("id").asString();

    assertThat(client.get(path).json().get("status").asString()).isEqualTo("created");
    clock.advance(Duration.ofSeconds(3));
    JsonNode started = client.get(path).json();
    assertThat(started.get("status").asString()).isEqualTo("started");
    assertThat(started.has("result_url")).isFalse();
    clock.advance(Duration.ofSeconds(7));
    JsonNode done = client.get(path).json();
    assertThat(done.get("status").asString()).isEqualTo("done");
    assertThat(done.get("user_data").asString()).isEqualTo("ak:job-1");
    assertThat(done.get("name").asString()).isEqualTo("job-1");
    assertThat(done.get("source_url").asString()).isEqualTo("https://assets.example.com/ava.png");
    assertThat(done.get("result_url").asString()).contains("Expires=").contains("Signature=");
  }
}
