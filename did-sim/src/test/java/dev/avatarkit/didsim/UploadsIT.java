package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class UploadsIT {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 0, 0};

    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private DidClient.Answer upload(String path, String field, String filename, byte[] bytes, String type) {
        RequestBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(field, filename, RequestBody.create(bytes, MediaType.get(type)))
                .addFormDataPart("detect_faces", "true")
                .build();
        return fx.client().post(path, body);
    }

    @Test
    void givenAnUploadedImageAndAudio_whenATalkUsesTheirUrls_thenItIsCreated_andTheImageIsServed() {
        DidClient.Answer image = upload("/images", "image", "face.png", PNG, "image/png");
        assertThat(image.status()).isEqualTo(201);
        JsonNode img = image.json();
        assertThat(img.get("url").asString()).startsWith("s3://").endsWith(".png");
        assertThat(img.get("faces").get(0).get("top_left")).hasSize(2);
        DidClient.Answer audio = upload("/audios", "audio", "voice.wav", Media.silentWav(), "audio/wav");
        assertThat(audio.status()).isEqualTo(201);
        String audioUrl = audio.json().get("url").asString();

        DidClient.Answer talk =
                fx.client().post("/talks", Bodies.audioTalk(img.get("url").asString(), audioUrl));
        assertThat(talk.status()).as(talk.text()).isEqualTo(201);
        fx.finishRenders();
        JsonNode done =
                fx.client().get("/talks/" + talk.json().get("id").asString()).json();
        assertThat(done.get("source_url").asString()).isEqualTo(img.get("url").asString());
        assertThat(done.get("audio_url").asString()).isEqualTo(audioUrl);
    }

    @Test
    void givenAnS3UrlThatWasNeverUploaded_thenTheTalkIs400InvalidSourceUrl() {
        DidClient.Answer a = fx.client()
                .post(
                        "/talks",
                        Bodies.audioTalk("s3://did-sim-images/x/img_nope/image.png", "https://a.example/voice.mp3"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("description").asString()).isEqualTo("invalid source url");
    }

    @Test
    void givenAGif_then415WithReceivedAndSupportedTypes_andAMissingPartIs400NamingIt() {
        DidClient.Answer gif = upload("/images", "image", "anim.gif", GIF, "image/gif");
        assertThat(gif.status()).isEqualTo(415);
        assertThat(gif.json().get("kind").asString()).isEqualTo("UnsupportedMimeTypeError");
        assertThat(gif.json().get("details").get("received").asString()).isEqualTo("image/gif");
        assertThat(gif.json().get("details").get("supported").toString()).contains("image/png");
        DidClient.Answer missing = upload("/images", "picture", "face.png", PNG, "image/png");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("details").get("field").asString()).isEqualTo("image");
    }

    @Test
    void faceDetectionOfAnUpload_givesOneFaceCrop() {
        String url = upload("/images", "image", "face.png", PNG, "image/png")
                .json()
                .get("url")
                .asString();
        DidClient.Answer faces = fx.client().post("/images/face-detection", "{\"source_url\":\"" + url + "\"}");
        assertThat(faces.status()).isEqualTo(200);
        assertThat(faces.json().get("faceCrops")).hasSize(1);
    }
}
