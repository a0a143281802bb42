package dev.avatarkit.didsim;

/** Request bodies the tests send, written from D-ID's documented fields (an Object Mother for requests). */
final class Bodies {
    private Bodies() {}

    static String talk(String userData) {
        return """
        {"source_url":"https://assets.example.com/ava.png",
         "script":{"type":"text","input":"Hello from the simulator",
                   "provider":{"type":"microsoft","voice_id":"en-US-JennyNeural"}},
         "config":{"result_format":"mp4","fluent":true},"name":"%s","user_data":"%s"}""".formatted(userData, userData);
    }

    static String audioTalk(String sourceUrl, String audioUrl) {
        return """
        {"source_url":"%s","script":{"type":"audio","audio_url":"%s"}}""".formatted(sourceUrl, audioUrl);
    }

    static String clip(String presenterId, String userData) {
        return """
        {"presenter_id":"%s","script":{"type":"text","input":"Hello from a presenter"},
         "config":{"result_format":"mp4"},"background":{"color":"#47ffff"},"name":"%s","user_data":"%s"}""".formatted(presenterId, userData, userData);
    }
}
