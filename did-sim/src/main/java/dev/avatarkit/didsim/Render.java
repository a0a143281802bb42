package dev.avatarkit.didsim;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One talk or clip and where it is in D-ID's lifecycle: {@code created} (queued) → {@code started} → {@code done},
 * {@code error} or {@code rejected}. Progress is read off the clock whenever the render is looked at, so a manual
 * clock drives it exactly and nothing runs in the background.
 */
final class Render {
  /** The two products that fit the port: their id prefix, {@code object} word and list field. */
  enum Kind {
    TALK("tlk_", "talk", "talks"), CLIP("clp_", "clip", "clips");

    final String prefix;
    final String object;
    final String plural;

    Kind(String prefix, String object, String plural) {
      this.prefix = prefix;
      this.object = object;
      this.plural = plural;
    }
  }

  /** How the render ends once its time is up (faults pick the unhappy ones). */
  enum Ending { DONE, ERROR, REJECTED }

  /** The share of the render time spent {@code created} (waiting for a worker) before {@code started}. */
  private static final double QUEUED_SHARE = 0.2;

  final String id;
  final Kind kind;
  final String owner;
  final Instant createdAt;
  /** The create request as sent (echoed: source_url, presenter_id, script, config, webhook, name, user_data). */
  final JsonNode request;
  private final Ending ending;
  private final Duration renderTime;
  private Instant clockStart;
  private String status = "created";
  private Instant startedAt;
  private Instant completedAt;
  private Instant modifiedAt;

  Render(String id, Kind kind, String owner, Instant createdAt, JsonNode request, Ending ending, Duration renderTime) {
    this.id = id;
    this.kind = kind;
    this.owner = owner;
    this.createdAt = createdAt;
    this.clockStart = createdAt;
    this.modifiedAt = createdAt;
    this.request = request;
    this.ending = ending;
    this.renderTime = renderTime;
  }

  /** Moves the status on to where the clock says it is; returns the status. */
  synchronized String advance(Instant now) {
    Instant start = clockStart.plus(Duration.ofNanos((long) (renderTime.toNanos() * QUEUED_SHARE)));
    Instant end = clockStart.plus(renderTime);
    if ("created".equals(status) && !now.isBefore(start)) {
      status = "started";
      startedAt = modifiedAt = start;
    }
    if ("started".equals(status) && !now.isBefore(end)) {
      status = switch (ending) {
        case DONE -> "done";
        case ERROR -> "error";
        case REJECTED -> "rejected";
      };
      completedAt = modifiedAt = end;
    }
    return status;
  }

  /** Renders anew from {@code now}: a restarted simulator finishing what a previous process accepted. */
  synchronized void restartAt(Instant now) {
    clockStart = now;
  }

  synchronized String status() {
    return status;
  }

  synchronized boolean finished() {
    return !"created".equals(status) && !"started".equals(status);
  }

  synchronized Instant startedAt() {
    return startedAt;
  }

  synchronized Instant completedAt() {
    return completedAt;
  }

  synchronized Instant modifiedAt() {
    return modifiedAt;
  }

  String userData() {
    return Json.text(request, "user_data");
  }

  /** The script's text, or null for an audio script. */
  String scriptText() {
    return Json.text(request.path("script"), "input");
  }
}
