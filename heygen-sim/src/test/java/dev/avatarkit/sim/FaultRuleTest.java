package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaultRuleTest {
    @Test
    void next_and_calls_triggers_count_matching_calls() {
        FaultRule next = FaultRule.on("GET /x", FaultKind.HTTP_500).next(2);
        FaultRule calls = FaultRule.on("GET /x", FaultKind.HTTP_500).calls(2, 4);
        Random r = new Random(1);
        boolean[] a = new boolean[5], b = new boolean[5];
        for (int i = 0; i < 5; i++) {
            a[i] = next.fire(r);
            b[i] = calls.fire(r);
        }
        assertThat(a).containsExactly(true, true, false, false, false);
        assertThat(b).containsExactly(false, true, false, true, false);
    }

    @Test
    void faults_document_round_trips() throws Exception {
        Faults f = new Faults(1);
        f.load(JsonMaps.parse(
                "{\"rules\":[{\"route\":\"POST /v3/videos\",\"kind\":\"slow\",\"delay_ms\":9000,\"next\":1}]}"));
        assertThat(f.rules()).hasSize(1);
        assertThat(f.rules().get(0).kind()).isEqualTo(FaultKind.SLOW);
        assertThat(f.rules().get(0).toJson()).containsEntry("delay_ms", 9000L);
        assertThat(f.evaluate("POST /v3/videos")).hasSize(1);
        assertThat(f.evaluate("POST /v3/videos")).isEmpty();
    }

    @Test
    void stills_decode_and_differ_per_prompt_and_angle() throws Exception {
        byte[] front = Imaging.stillPng("woman, front view", 0, 200, 260);
        byte[] left = Imaging.stillPng("woman, profile facing left", 0, 200, 260);
        assertThat(ImageIO.read(new ByteArrayInputStream(front)).getWidth()).isEqualTo(200);
        assertThat(front).isNotEqualTo(left);
        assertThat(Imaging.yaw("profile facing left")).isNegative();
        assertThat(ImageIO.read(new ByteArrayInputStream(Imaging.thumbnailJpeg("t"))))
                .isNotNull();
        assertThat(Imaging.srt("One. Two.")).contains("2\n00:00:02,000 --> 00:00:04,000\nTwo.");
    }
}
