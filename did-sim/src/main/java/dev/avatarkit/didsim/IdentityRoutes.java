package dev.avatarkit.didsim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The video-avatar identity flow (second-provider.md A10): {@code POST /consents} → record the text → {@code POST
 * /consents/{id}} → {@code POST /scenes/avatars} with the consent → poll {@code GET /scenes/avatars/{id}} until
 * {@code done}, when {@code image_url}, {@code thumbnail_url} and {@code talking_preview_url} hold the results.
 * (The photo identity needs no job at D-ID: {@code POST /images} and {@code /images/face-detection} are in Uploads.)
 */
final class IdentityRoutes {
    /** Consents and avatars kept; past it the oldest goes (a memory cap for long-running sandboxes). */
    static final int MAX_KEPT = 10_000;

    private final SimContext ctx;
    private final Map<String, Consent> consents = capped();
    private final Map<String, SceneAvatar> avatars = capped();

    IdentityRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.api("POST", "/consents", this::createConsent),
                Route.api("GET", "/consents", this::listConsents),
                Route.api("GET", "/consents/{id}", c -> withConsent(c, k -> Reply.json(200, consentJson(k)))),
                Route.api("POST", "/consents/{id}", c -> withConsent(c, k -> upload(c, k))),
                Route.api(
                        "DELETE",
                        "/consents/{id}",
                        c -> withConsent(c, k -> {
                            synchronized (consents) {
                                consents.remove(k.id);
                            }
                            return Reply.json(200, SimJson.object());
                        })),
                Route.api("POST", "/scenes/avatars", this::createAvatar),
                Route.api("GET", "/scenes/avatars", this::listAvatars),
                Route.api("GET", "/scenes/avatars/{id}", c -> withAvatar(c, a -> Reply.json(200, a.json(ctx)))),
                Route.api(
                        "DELETE",
                        "/scenes/avatars/{id}",
                        c -> withAvatar(c, a -> {
                            synchronized (avatars) {
                                avatars.remove(a.id);
                            }
                            return Reply.empty(204);
                        })));
    }

    void clear() {
        synchronized (consents) {
            consents.clear();
        }
        synchronized (avatars) {
            avatars.clear();
        }
    }

    private Reply createConsent(Call call) {
        Consent k = new Consent(Ids.next("cst_"), call.owner, ctx.now());
        synchronized (consents) {
            consents.put(k.id, k);
        }
        return Reply.json(
                201,
                SimJson.object()
                        .put("id", k.id)
                        .put("created_at", SimJson.time(k.createdAt))
                        .put("created_by", k.owner)
                        .put("text", k.text));
    }

    private Reply upload(Call call, Consent k) {
        if (k.expired(ctx.now())) {
            return Reply.error(
                    400,
                    "BadRequestError",
                    "consent expired: consents must be uploaded within 30 minutes; create a new one");
        }
        String source = SimJson.text(call.json(), "source_url");
        if (source == null || !source.matches("(https|s3)://\\S+"))
            return Reply.error(400, "BadRequestError", "invalid source url");
        k.uploaded(SimJson.text(call.json(), "name"), source, ctx.now(), ctx.renderTime());
        return Reply.json(200, SimJson.object().put("id", k.id));
    }

    private ObjectNode consentJson(Consent k) {
        return SimJson.object()
                .put("id", k.id)
                .put("created_at", SimJson.time(k.createdAt))
                .put("name", k.name())
                .put("modified_at", SimJson.time(k.modifiedAt()))
                .put("created_by", k.owner)
                .put("thumbnail_url", "")
                .put("video_url", k.videoUrl())
                .put("status", k.status(ctx.now()));
    }

    private Reply listConsents(Call call) {
        ObjectNode out = SimJson.object();
        ArrayNode list = out.putArray("consents");
        synchronized (consents) {
            consents.values().stream().filter(k -> k.owner.equals(call.owner)).forEach(k -> list.add(consentJson(k)));
        }
        return Reply.json(200, out);
    }

    private Reply createAvatar(Call call) {
        JsonNode body = call.json();
        String consentId = SimJson.text(body, "consent_id");
        Consent k;
        synchronized (consents) {
            k = consentId == null ? null : consents.get(consentId);
        }
        if (k == null || !k.owner.equals(call.owner) || !"done".equals(k.status(ctx.now()))) {
            return Reply.error(
                    400, "BadRequestError", "invalid consent: 'consent_id' must name a consent whose video is done");
        }
        if (!ctx.spendCredit()) return Reply.error(402, "InsufficientCreditsError", "not enough credits");
        Instant now = ctx.now();
        SceneAvatar a = new SceneAvatar(
                Ids.next("avt_"),
                call.owner,
                now,
                body,
                new Timeline(now, ctx.renderTime(), "training-started", call.ending));
        synchronized (avatars) {
            avatars.put(a.id, a);
        }
        a.store(ctx.bucket());
        return Reply.json(
                201,
                SimJson.object()
                        .put("id", a.id)
                        .put("status", "created")
                        .put("object", "scene_avatar")
                        .put("created_at", SimJson.time(now)));
    }

    private Reply listAvatars(Call call) {
        Integer limit = Queries.limit(call, 100);
        if (limit == null) return Queries.badLimit();
        List<SceneAvatar> mine = new ArrayList<>();
        synchronized (avatars) {
            avatars.values().stream().filter(a -> a.owner.equals(call.owner)).forEach(mine::add);
        }
        Collections.reverse(mine);
        TokenPage<SceneAvatar> page;
        try {
            page = TokenPage.of(mine, a -> a.id, limit, call.query.get("token"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "BadRequestError", e.getMessage());
        }
        ObjectNode out = SimJson.object();
        ArrayNode list = out.putArray("avatars");
        page.items().forEach(a -> list.add(a.json(ctx)));
        if (page.token() != null) out.put("token", page.token());
        return Reply.json(200, out);
    }

    private Reply withConsent(Call call, java.util.function.Function<Consent, Reply> then) {
        Consent k;
        synchronized (consents) {
            k = consents.get(call.param("id"));
        }
        return k == null || !k.owner.equals(call.owner)
                ? Reply.error(404, "NotFoundError", "consent not found")
                : then.apply(k);
    }

    private Reply withAvatar(Call call, java.util.function.Function<SceneAvatar, Reply> then) {
        SceneAvatar a;
        synchronized (avatars) {
            a = avatars.get(call.param("id"));
        }
        return a == null || !a.owner.equals(call.owner)
                ? Reply.error(404, "NotFoundError", "not found")
                : then.apply(a);
    }

    private static <V> Map<String, V> capped() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEPT;
            }
        };
    }
}
