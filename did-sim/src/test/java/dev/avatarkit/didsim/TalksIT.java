package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class TalksIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    @Test
    void givenATextTalk_whenTheClockRuns_thenItGoesCreatedStartedDone_withUserDataAndNameEchoed() {
        DidClient.Answer created = fx.client().post("/talks", Bodies.talk("ak:job-1"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("id").asString()).startsWith("tlk_");
        assertThat(body.get("object").asString()).isEqualTo("talk");
        assertThat(body.get("status").asString()).isEqualTo("created");
        String path = "/talks/" + body.get("id").asString();

        assertThat(fx.client().get(path).json().get("status").asString()).isEqualTo("created");
        fx.clock.advance(Duration.ofSeconds(3));
        JsonNode started = fx.client().get(path).json();
        assertThat(started.get("status").asString()).isEqualTo("started");
        assertThat(started.has("result_url")).isFalse();
        fx.clock.advance(Duration.ofSeconds(7));
        JsonNode done = fx.client().get(path).json();
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("user_data").asString()).isEqualTo("ak:job-1");
        assertThat(done.get("name").asString()).isEqualTo("ak:job-1");
        assertThat(done.get("source_url").asString()).isEqualTo("https://assets.example.com/ava.png");
        assertThat(done.get("result_url").asString()).contains("Expires=").contains("Signature=");
        assertThat(done.get("created_at").asString())
                .as("talks print created_at without a zone, as D-ID's examples do")
                .doesNotEndWith("Z");
        DidClient.Answer audio = fx.client().fetch(done.get("audio_url").asString());
        assertThat(audio.status()).isEqualTo(200);
        assertThat(new String(audio.bytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("RIFF");
    }

    @Test
    void givenFiveTalks_whenListedTwoAtATime_thenThreePagesNewestFirst_theLastWithoutToken_andUserDataListable() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) ids.add(fx.talk("ak:page-" + i));

        List<String> seen = new ArrayList<>();
        List<String> userData = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = fx.client()
                    .get("/talks?limit=2" + (token == null ? "" : "&token=" + token))
                    .json();
            page.get("talks").forEach(t -> {
                seen.add(t.get("id").asString());
                userData.add(t.get("user_data").asString());
            });
            token = page.has("token") ? page.get("token").asString() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(ids);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(userData).containsExactly("ak:page-5", "ak:page-4", "ak:page-3", "ak:page-2", "ak:page-1");
    }

    @Test
    void givenARenderingTalk_whenDeleted_then409NotReady_andOnceDone200WithTheObject_thenGone404() {
        String id = fx.talk("ak:del");
        DidClient.Answer early = fx.client().delete("/talks/" + id);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("kind").asString()).isEqualTo("NotReadyError");

        fx.finishRenders();
        DidClient.Answer deleted = fx.client().delete("/talks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("id").asString()).isEqualTo(id);
        DidClient.Answer gone = fx.client().get("/talks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("kind").asString()).isEqualTo("NotFoundError");
    }

    @Test
    void givenAClipOfAStockPresenter_whenDone_thenItHasAResult_andAnUnknownPresenterIs400() {
        JsonNode presenters = fx.client().get("/clips/presenters").json().get("presenters");
        String presenter = presenters.get(0).get("presenter_id").asString();
        assertThat(fx.client()
                        .fetch(presenters.get(0).get("preview_url").asString())
                        .contentType())
                .isEqualTo("video/mp4");
        DidClient.Answer created = fx.client().post("/clips", Bodies.clip(presenter, "ak:clip-1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).startsWith("clp_");

        fx.finishRenders();
        JsonNode done = fx.client().get("/clips/" + id).json();
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("presenter_id").asString()).isEqualTo(presenter);
        assertThat(done.get("user_data").asString()).isEqualTo("ak:clip-1");
        assertThat(done.get("result_url").asString()).contains("/_sim/s3/results/" + id + ".mp4");
        assertThat(fx.client()
                        .get("/clips")
                        .json()
                        .get("clips")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id);
        assertThat(fx.client().get("/talks/" + id).status())
                .as("a clip id is not a talk")
                .isEqualTo(404);

        DidClient.Answer unknown = fx.client().post("/clips", Bodies.clip("nobody-123", "ak:clip-2"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("description").asString()).contains("presenter");
    }

    @Test
    void voicesFilterByProvider_andUnlimitedCreditsReportAFullGrant() {
        JsonNode voices = fx.client().get("/tts/voices?provider=microsoft").json();
        assertThat(voices.size()).isPositive();
        voices.forEach(v -> assertThat(v.get("provider").asString()).isEqualTo("microsoft"));
        assertThat(fx.client()
                        .get("/tts/voices?provider=elevenlabs")
                        .json()
                        .get(0)
                        .get("provider")
                        .asString())
                .isEqualTo("elevenlabs");

        JsonNode credits = fx.client().get("/credits").json();
        assertThat(credits.get("remaining").asDouble())
                .isEqualTo(credits.get("total").asDouble());
    }
}
