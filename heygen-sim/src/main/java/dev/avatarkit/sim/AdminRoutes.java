package dev.avatarkit.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The simulator's own control surface under {@code /_sim}: stats, faults, reset (no auth, loopback only). */
final class AdminRoutes {
    private final HeyGenSimulator sim;

    AdminRoutes(HeyGenSimulator sim) {
        this.sim = sim;
    }

    List<Route> routes() {
        Generation g = Generation.SIM;
        return List.of(
                new Route(
                        "GET",
                        "/_sim/stats",
                        g,
                        false,
                        r -> SimResponse.json(200, sim.stats().toJson())),
                new Route(
                        "GET",
                        "/_sim/faults",
                        g,
                        false,
                        r -> SimResponse.json(
                                200,
                                JsonMaps.obj(
                                        "rules",
                                        sim.faults().rules().stream()
                                                .map(FaultRule::toJson)
                                                .toList()))),
                new Route("POST", "/_sim/faults", g, false, this::addFaults),
                new Route("DELETE", "/_sim/faults", g, false, r -> {
                    sim.faults().clear();
                    return SimResponse.json(200, JsonMaps.obj("rules", List.of()));
                }),
                new Route("POST", "/_sim/reset", g, false, r -> {
                    sim.reset();
                    return SimResponse.json(200, JsonMaps.obj("reset", true));
                }));
    }

    private SimResponse addFaults(SimRequest req) {
        try {
            sim.faults().load(JsonMaps.parse(new String(req.body, StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return SimResponse.json(
                    400,
                    JsonMaps.obj(
                            "error",
                            JsonMaps.obj("code", "invalid_parameter", "message", String.valueOf(e.getMessage()))));
        }
        return SimResponse.json(
                200,
                JsonMaps.obj(
                        "rules",
                        sim.faults().rules().stream().map(FaultRule::toJson).toList()));
    }
}
