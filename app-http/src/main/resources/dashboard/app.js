// avatarkit dashboard: live updates over the server's job-event stream (SSE). No library, no build step.
// Changed jobs re-render the page's [data-live] regions from a fresh copy of this same page (server-rendered and
// escaped there); event data is only ever written with textContent. The session cookie rides along; the CSRF token
// (body[data-csrf]) is for forms, which carry it already.
(function () {
  "use strict";
  var body = document.body;
  var filter = body.getAttribute("data-live-events");
  if (filter === null || !window.EventSource) return;
  var status = document.getElementById("live-status");
  var timer = null;
  var inFlight = false;

  function say(text) { if (status) status.textContent = text; }

  function refresh() {
    if (inFlight) { schedule(); return; }
    inFlight = true;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) {
        if (r.redirected || !r.ok) throw new Error("status " + r.status);
        return r.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (region) {
          var next = region.id && fresh.getElementById(region.id);
          if (next && next.innerHTML !== region.innerHTML) region.innerHTML = next.innerHTML;
        });
      })
      .catch(function () { say("Live updates paused: reload the page."); })
      .then(function () { inFlight = false; });
  }

  function schedule() {
    if (timer) return;
    timer = setTimeout(function () { timer = null; refresh(); }, 700);   // one refetch per burst of events
  }

  function addToTimeline(doc) {
    var list = document.getElementById("timeline");
    if (!list || list.getAttribute("data-job") !== doc.id) return;
    var item = document.createElement("li");
    var when = doc.updatedAt ? doc.updatedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "";
    item.textContent = when + " — " + doc.state + (doc.providerStatus ? " (provider: " + doc.providerStatus + ")" : "")
      + (doc.error && doc.error.message ? " — " + doc.error.message : "");
    list.appendChild(item);
  }

  var source = new EventSource("/dash/events" + (filter ? "?" + filter : ""));
  source.onopen = function () { say("Live: updates appear as jobs change."); };
  source.onerror = function () { say("Live updates reconnecting…"); };
  source.addEventListener("job", function (event) {
    try { addToTimeline(JSON.parse(event.data)); } catch (e) { /* a malformed event changes nothing */ }
    schedule();
  });
  source.addEventListener("resync", schedule);
  window.addEventListener("pagehide", function () { source.close(); });
})();
