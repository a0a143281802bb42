package dev.avatarkit.didsim;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The catalogue and account reads: {@code GET /clips/presenters}, {@code GET /tts/voices}, {@code GET /credits}. */
final class AccountRoutes {
    private final SimContext ctx;

    AccountRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.api("GET", "/clips/presenters", this::presenters),
                Route.api(
                        "GET",
                        "/tts/voices",
                        c -> Reply.json(200, ctx.catalogue().voices(c.query.get("provider"), c.query.get("id")))),
                Route.api("GET", "/credits", this::credits));
    }

    private Reply presenters(Call call) {
        Integer limit = Queries.limit(call, 1000);
        if (limit == null) return Queries.badLimit();
        TokenPage<Catalogue.Presenter> page;
        try {
            page = TokenPage.of(ctx.catalogue().presenters(), Catalogue.Presenter::id, limit, call.query.get("token"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "BadRequestError", e.getMessage());
        }
        ObjectNode out = SimJson.object();
        ArrayNode list = out.putArray("presenters");
        page.items().forEach(p -> list.add(ctx.catalogue().presenterJson(p, ctx)));
        if (page.token() != null) out.put("token", page.token());
        return Reply.json(200, out);
    }

    /** One credit grant per account; unlimited credits are reported as a large grant that never runs down. */
    private Reply credits(Call call) {
        long total = ctx.totalCredits() < 0 ? 1_000_000 : ctx.totalCredits();
        long remaining = ctx.totalCredits() < 0 ? total : ctx.credits().get();
        ObjectNode out = SimJson.object();
        String granted = SimJson.time(ctx.now().minus(java.time.Duration.ofDays(1)));
        out.putArray("credits")
                .addObject()
                .put("owner_id", call.owner)
                .put("created_at", granted)
                .put("modified_at", granted)
                .put("remaining", remaining)
                .put("total", total)
                .put("expire_at", SimJson.time(ctx.now().plus(java.time.Duration.ofDays(30))));
        return Reply.json(200, out.put("remaining", remaining).put("total", total));
    }
}
