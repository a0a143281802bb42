package dev.avatarkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Public avatars, looks, voices and templates (including the ids used in HeyGen's docs), plus created avatars. */
public final class Catalogue {
    /** A voice as listed by {@code /v2/voices} and {@code /v3/voices}. */
    record Voice(String id, String name, String language, String gender, boolean emotionSupport) {}

    /** A template with its variables (v2 shape {@code {name,type,properties}}) and scenes. */
    record Template(
            String id,
            String name,
            String aspectRatio,
            Map<String, Object> variables,
            List<Map<String, Object>> scenes) {}

    public static final String DOCS_AVATAR_ID = "Daisy-inskirt-20220818";
    public static final String DOCS_VOICE_ID = "2d5b0e6cf36f460aa7fc47e3eee4ba54";
    public static final String NAME_TEMPLATE_ID = "tpl_welcome_name";

    private final Map<String, AvatarGroup> groups = new ConcurrentHashMap<>();
    private final Map<String, Look> looks = new ConcurrentHashMap<>();
    private final List<String> groupOrder = new CopyOnWriteArrayList<>();
    private final List<String> lookOrder = new CopyOnWriteArrayList<>();
    private final List<Voice> voices = List.of(
            new Voice(DOCS_VOICE_ID, "Sara - Cheerful", "English", "female", true),
            new Voice("2f72ee82b83d4b00af16c4771d611752", "Jenny - Professional", "English", "female", false),
            new Voice("1bd001e7e50f421d891986aad5158bc8", "Paul - Natural", "English", "male", true),
            new Voice("d7bbcdd6964c47bdaae26decade4a933", "Lucia - Warm", "Spanish", "female", false));
    private final List<Template> templates;
    private final MediaStore media;

    Catalogue(MediaStore media, Instant epoch) {
        this.media = media;
        publicAvatar("Daisy", DOCS_AVATAR_ID, "female", DOCS_VOICE_ID, "studio_avatar", epoch);
        publicAvatar(
                "Kristin",
                "Kristin_public_3_20240108",
                "female",
                "2f72ee82b83d4b00af16c4771d611752",
                "studio_avatar",
                epoch);
        publicAvatar("Josh", "josh_lite3_20230714", "male", "1bd001e7e50f421d891986aad5158bc8", "studio_avatar", epoch);
        publicAvatar(
                "Anna (photo)", "1ee71d11eb11400a996b5861e412aed0", "female", DOCS_VOICE_ID, "photo_avatar", epoch);
        addLook(new Look(
                "Daisy-casual-20220818",
                "Daisy casual",
                "grp_daisy",
                "studio_avatar",
                "female",
                DOCS_VOICE_ID,
                "Daisy casual outfit",
                true,
                epoch,
                epoch,
                1920,
                1080,
                "landscape"));
        templates = List.of(
                new Template(
                        NAME_TEMPLATE_ID,
                        "Welcome (name)",
                        "16:9",
                        JsonMaps.obj("name", textVar("name", "there")),
                        List.of(JsonMaps.obj(
                                "scene_id",
                                "scene_1",
                                "script",
                                "Hi {{name}}, welcome aboard!",
                                "variables",
                                List.of(JsonMaps.obj("name", "name", "variable_type", "text"))))),
                new Template(
                        "4d4dee4506a74b4b835a144368135f6a",
                        "Fruits Presentation",
                        "16:9",
                        JsonMaps.obj("first_name", textVar("first_name", "Default")),
                        List.of(JsonMaps.obj(
                                "scene_id",
                                "scene_1",
                                "script",
                                "Hello {{first_name}}!",
                                "variables",
                                List.of(JsonMaps.obj("name", "first_name", "variable_type", "text"))))),
                new Template(
                        "tpl_product_promo",
                        "Product promo (all kinds)",
                        "9:16",
                        JsonMaps.obj(
                                "headline",
                                textVar("headline", "New!"),
                                "bg_image",
                                JsonMaps.obj(
                                        "name",
                                        "bg_image",
                                        "type",
                                        "image",
                                        "properties",
                                        JsonMaps.obj(
                                                "url", "https://example.com/bg.png", "asset_id", null, "fit", "cover")),
                                "presenter",
                                JsonMaps.obj(
                                        "name",
                                        "presenter",
                                        "type",
                                        "character",
                                        "properties",
                                        JsonMaps.obj("character_id", DOCS_AVATAR_ID, "type", "avatar")),
                                "voice_1",
                                JsonMaps.obj(
                                        "name",
                                        "voice_1",
                                        "type",
                                        "voice",
                                        "properties",
                                        JsonMaps.obj("voice_id", DOCS_VOICE_ID))),
                        List.of(
                                JsonMaps.obj(
                                        "scene_id",
                                        "scene_1",
                                        "script",
                                        "{{headline}}",
                                        "variables",
                                        List.of(
                                                JsonMaps.obj("name", "headline", "variable_type", "text"),
                                                JsonMaps.obj("name", "bg_image", "variable_type", "image"))),
                                JsonMaps.obj(
                                        "scene_id",
                                        "scene_2",
                                        "script",
                                        "Presented by us",
                                        "variables",
                                        List.of(
                                                JsonMaps.obj("name", "presenter", "variable_type", "character"),
                                                JsonMaps.obj("name", "voice_1", "variable_type", "voice"))))));
    }

    private static Map<String, Object> textVar(String name, String content) {
        return JsonMaps.obj("name", name, "type", "text", "properties", JsonMaps.obj("content", content));
    }

    private void publicAvatar(String name, String lookId, String gender, String voice, String type, Instant at) {
        String gid = "grp_" + name.toLowerCase().replaceAll("[^a-z]", "");
        AvatarGroup g = new AvatarGroup(gid, name, gender, voice, true, at, false);
        addGroup(g);
        addLook(new Look(
                lookId,
                name,
                gid,
                type,
                gender,
                voice,
                name + " presenter, studio light",
                true,
                at,
                at,
                1920,
                1080,
                "landscape"));
    }

    void addGroup(AvatarGroup g) {
        groups.put(g.id, g);
        groupOrder.add(g.id);
    }

    void addLook(Look look) {
        looks.put(look.id, look);
        lookOrder.add(look.id);
        AvatarGroup g = groups.get(look.groupId);
        if (g != null) g.lookIds.add(look.id);
        media.putStill(look.id + ".png", look.prompt, lookOrder.size(), look.width, look.height);
        media.putBytes(look.id + ".mp4", "video/mp4", MediaStore.sampleMp4());
    }

    Look look(String id) {
        return id == null ? null : looks.get(id);
    }

    AvatarGroup group(String id) {
        return id == null ? null : groups.get(id);
    }

    List<AvatarGroup> groups() {
        List<AvatarGroup> out = new ArrayList<>();
        for (String id : groupOrder) if (groups.containsKey(id)) out.add(groups.get(id));
        return out;
    }

    List<Look> looks() {
        List<Look> out = new ArrayList<>();
        for (String id : lookOrder) if (looks.containsKey(id)) out.add(looks.get(id));
        return out;
    }

    List<Voice> voices() {
        return voices;
    }

    boolean hasVoice(String id) {
        return voices.stream().anyMatch(v -> v.id().equals(id));
    }

    List<Template> templates() {
        return templates;
    }

    Template template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
