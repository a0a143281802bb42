package dev.avatarkit.didsim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The simulator's own routes, no D-ID auth (loopback only): counters, faults, adopt, reset. */
final class AdminRoutes {
    private final DidSimulator sim;

    AdminRoutes(DidSimulator sim) {
        this.sim = sim;
    }

    List<Route> routes() {
        return List.of(
                Route.sim("GET", "/_sim/stats", c -> Reply.json(200, sim.stats().toJson())),
                Route.sim(
                        "GET", "/_sim/faults", c -> Reply.json(200, sim.faults().toJson())),
                Route.sim("POST", "/_sim/faults", this::addFaults),
                Route.sim("DELETE", "/_sim/faults", c -> {
                    sim.faults().clear();
                    return Reply.empty(204);
                }),
                Route.sim(
                        "POST",
                        "/_sim/adopt/{id}",
                        c -> Reply.json(200, SimJson.object().put("adopted", sim.adopt(c.param("id"))))),
                Route.sim("POST", "/_sim/reset", c -> {
                    sim.reset();
                    return Reply.empty(204);
                }));
    }

    private Reply addFaults(Call call) {
        try {
            sim.faults().load(new String(call.body, StandardCharsets.UTF_8));
            return Reply.json(200, sim.faults().toJson());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Reply.error(400, "BadRequestError", e.getMessage());
        }
    }
}
