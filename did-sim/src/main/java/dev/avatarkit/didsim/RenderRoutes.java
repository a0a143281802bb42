package dev.avatarkit.didsim;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /talks} and {@code /clips}: create (201), get one, list with token paging, delete (409 while rendering).
 * One class for both because D-ID gives them the same lifecycle, paging and errors; the differences are in
 * {@link RenderView} and {@link #checkSource}.
 */
final class RenderRoutes {
    private final SimContext ctx;
    private final Render.Kind kind;
    private final String base;
    private final Webhooks webhooks;

    RenderRoutes(SimContext ctx, Render.Kind kind, Webhooks webhooks) {
        this.ctx = ctx;
        this.kind = kind;
        this.webhooks = webhooks;
        this.base = "/" + kind.plural;
    }

    List<Route> routes() {
        return List.of(
                Route.api("POST", base, this::create),
                Route.api("GET", base, this::list),
                Route.api("GET", base + "/{id}", this::get),
                Route.api("DELETE", base + "/{id}", this::delete));
    }

    private Reply create(Call call) {
        JsonNode body = call.json();
        Reply bad = checkSource(body, call.owner);
        if (bad != null) return bad;
        if (!ctx.spendCredit()) return Reply.error(402, "InsufficientCreditsError", "not enough credits");
        Render r = new Render(Ids.next(kind.prefix), kind, call.owner, ctx.now(), body, call.ending, ctx.renderTime());
        ctx.renders().add(r);
        r.storeMedia(ctx.bucket());
        ctx.stats().created(r.userData());
        webhooks.watch(r, call.webhookFault);
        ObjectNode out = SimJson.object().put("id", r.id).put("object", kind.object);
        if (kind == Render.Kind.TALK)
            out.put("created_by", r.owner).put("created_at", SimJson.timeWithoutZone(r.createdAt));
        else out.put("created_at", SimJson.time(r.createdAt));
        return Reply.json(201, out.put("status", "created"));
    }

    private Reply get(Call call) {
        return ctx.renders()
                .get(kind, call.owner, call.param("id"))
                .map(r -> Reply.json(200, RenderView.of(r, ctx)))
                .orElseGet(this::notFound);
    }

    private Reply list(Call call) {
        Integer limit = Queries.limit(call, 100);
        if (limit == null) return Queries.badLimit();
        TokenPage<Render> page;
        try {
            page = TokenPage.of(ctx.renders().newestFirst(kind, call.owner), r -> r.id, limit, call.query.get("token"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "BadRequestError", e.getMessage());
        }
        ObjectNode out = SimJson.object();
        ArrayNode items = out.putArray(kind.plural);
        page.items().forEach(r -> items.add(RenderView.of(r, ctx)));
        if (page.token() != null) out.put("token", page.token());
        return Reply.json(200, out);
    }

    private Reply delete(Call call) {
        Render r = ctx.renders().get(kind, call.owner, call.param("id")).orElse(null);
        if (r == null) return notFound();
        r.timeline.advance(ctx.now());
        if (!r.finished()) return Reply.error(409, "NotReadyError", kind.object + " is in process, try again later");
        ObjectNode last = RenderView.of(r, ctx);
        ctx.renders().remove(r.id);
        r.forgetMedia(ctx.bucket());
        return Reply.json(200, last);
    }

    /**
     * What the schema cannot say: an {@code s3://} URL of the simulator's own upload bucket must name an upload this
     * user made (D-ID: "invalid source url"), and a clip's presenter must exist.
     */
    private Reply checkSource(JsonNode body, String owner) {
        String source = SimJson.text(body, "source_url");
        if (source != null && !Uploads.resolvable(ctx, source, owner)) {
            return Reply.error(400, "BadRequestError", "invalid source url");
        }
        String audio = SimJson.text(body.path("script"), "audio_url");
        if (audio != null && !Uploads.resolvable(ctx, audio, owner)) {
            return Reply.error(400, "BadRequestError", "invalid audio url");
        }
        if (kind == Render.Kind.CLIP
                && ctx.catalogue().presenter(RenderView.presenterId(body)).isEmpty()) {
            return Reply.error(400, "BadRequestError", "invalid presenter id: " + RenderView.presenterId(body));
        }
        return null;
    }

    private Reply notFound() {
        return Reply.error(404, "NotFoundError", kind.object + " not found");
    }
}
