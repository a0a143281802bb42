package dev.avatarkit.sim;

import java.time.Duration;

/** The simulator's shared state, handed to each route group. */
record SimContext(SimClock clock, Duration renderTime, Catalogue catalogue, MediaStore media, UrlSigner signer,
                  JobEngine engine, WebhookHub hub, PlanLimits limits, Stats stats, Faults faults) {}
