package dev.avatarkit.sim;

import java.time.Duration;

/** The simulator's shared state, handed to each route group. */
record SimContext(
        SimClock clock,
        Duration renderTime,
        Catalogue catalogue,
        MediaStore media,
        UrlSigner signer,
        RenderQueue engine,
        WebhookHub hub,
        PlanLimits limits,
        Stats stats,
        Faults faults) {}
