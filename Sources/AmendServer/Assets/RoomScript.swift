extension RoomAssets {
  /// The pages' one script. It never builds HTML from data: what it puts on a page is either a fragment
  /// the server rendered (Documents' escaping) or a line set as text (`textContent`). Writes are fetch()
  /// calls to the JSON API with the session's CSRF token; live regions re-fetch their fragment on each
  /// event of `/api/events`.
  public static let script = #"""
    "use strict";
    // Set once per page load: a test reads it to prove the page was never reloaded.
    window.amendLoadedAt = window.amendLoadedAt || (Date.now() + "-" + Math.random());
    (function () {
      function csrf() {
        var meta = document.querySelector('meta[name="csrf-token"]');
        return meta ? meta.getAttribute("content") : "";
      }
      // POST JSON to the API; resolves to {ok, status, body} with body the parsed JSON (or {}).
      function post(path, body) {
        return fetch(path, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf(), "Accept": "application/json" },
          body: JSON.stringify(body || {})
        }).then(function (response) {
          return response.text().then(function (text) {
            var parsed = {};
            try { parsed = text ? JSON.parse(text) : {}; } catch (e) { parsed = { error: text }; }
            return { ok: response.ok, status: response.status, body: parsed };
          });
        });
      }
      function say(element, line, good) {
        if (!element) { return; }
        element.textContent = line || "";
        element.className = good ? "done" : "refusal";
      }
      function failure(result) {
        return (result.body && result.body.error) ? result.body.error : ("the server answered " + result.status);
      }

      // Live regions: each holds a fragment the server renders; refreshed on every event, and after
      // every write this page makes. A region someone is typing in waits until they leave it.
      var waiting = [];
      function refresh(region) {
        var active = document.activeElement;
        if (active && region.contains(active) && /^(TEXTAREA|INPUT|SELECT)$/.test(active.tagName)) {
          if (waiting.indexOf(region) < 0) { waiting.push(region); }
          return;
        }
        fetch(region.getAttribute("data-live"), { credentials: "same-origin", cache: "no-store" })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (html === null) { return; }
            region.innerHTML = html;
            region.setAttribute("data-refreshed", String(Date.now()));
            window.amendRefreshes = (window.amendRefreshes || 0) + 1;
          });
      }
      function refreshAll() {
        document.querySelectorAll("[data-live]").forEach(refresh);
      }
      document.addEventListener("focusout", function () {
        setTimeout(function () {
          var pending = waiting; waiting = [];
          pending.forEach(refresh);
        }, 50);
      });
      if (document.querySelector("[data-live]") && window.EventSource) {
        var events = new EventSource("/api/events");
        events.onmessage = function (message) { window.amendLastEvent = message.data; refreshAll(); };
        events.onopen = function () { document.body.setAttribute("data-events", "open"); };
      }

      // Buttons that post to the API: data-post is the endpoint; data-field-NAME="#selector" takes a
      // field's value into the body; the answer goes into the .refusal of the nearest [data-scope].
      document.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-post]");
        if (button) {
          event.preventDefault();
          var scope = button.closest("[data-scope]") || document.body;
          var line = scope.querySelector(".refusal, .done");
          var body = {};
          Array.prototype.forEach.call(button.attributes, function (attribute) {
            if (attribute.name.indexOf("data-field-") !== 0) { return; }
            var field = scope.querySelector(attribute.value) || document.querySelector(attribute.value);
            if (field && field.value !== "") { body[attribute.name.slice(11).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })] = field.value; }
          });
          button.disabled = true;
          post(button.getAttribute("data-post"), body).then(function (result) {
            button.disabled = false;
            if (!result.ok) { say(line, failure(result), false); return; }
            say(line, button.getAttribute("data-done") || "Done.", true);
            refreshAll();
          }, function () { button.disabled = false; say(line, "the server cannot be reached", false); });
          return;
        }
        if (event.target.closest("button[data-action=signout]")) {
          post("/signout", {}).then(function () { window.location.assign("/"); });
        }
      });

      // Sign-in: the token travels in the URL fragment, which the browser never sends; it is posted once
      // and removed from the address bar and the history.
      var signin = document.getElementById("signin-form");
      if (signin) {
        var tokenField = signin.querySelector("#token");
        var signinLine = document.getElementById("signin-result");
        var submitToken = function (token) {
          post("/signin", { token: token }).then(function (result) {
            if (!result.ok) { say(signinLine, failure(result), false); return; }
            var role = result.body.role;
            window.location.replace(role === "delegation" ? "/table" : role === "secretariat" ? "/secretariat" : "/chair");
          }, function () { say(signinLine, "the server cannot be reached", false); });
        };
        var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
        if (match) {
          history.replaceState(null, "", window.location.pathname);
          submitToken(decodeURIComponent(match[1]));
        }
        signin.addEventListener("submit", function (event) {
          event.preventDefault();
          submitToken(tokenField.value.trim());
        });
      }

      // The delegation's form: the same body for the preview and for tabling.
      var form = document.getElementById("table-form");
      if (form) {
        var preview = document.getElementById("preview");
        var previewLine = document.getElementById("preview-result");
        var tableLine = document.getElementById("table-result");
        var operation = form.querySelector("#operation");
        var showFields = function () {
          var kind = operation.value;
          form.querySelectorAll(".field[data-for]").forEach(function (field) {
            field.hidden = field.getAttribute("data-for").split(" ").indexOf(kind) < 0;
          });
        };
        var value = function (id) { var field = form.querySelector("#" + id); return field ? field.value : ""; };
        var request = function () {
          var body = { clause: value("clause") };
          var kind = operation.value;
          if (kind === "replace") { body.replace = value("words"); body["with"] = value("replacement"); }
          if (kind === "delete") { body["delete"] = value("words"); }
          if (kind === "insert") {
            body.insert = value("insertion");
            var where = value("where");
            if (where === "after") { body.after = value("anchor"); }
            if (where === "before") { body.before = value("anchor"); }
            if (where === "at-start") { body["at-start"] = true; }
            if (where === "at-end") { body["at-end"] = true; }
          }
          if (kind === "text") { body.text = value("clause-text"); }
          if (kind === "delete-clause") { body["delete-clause"] = true; }
          if (kind === "new-clause") { body["new-clause"] = value("clause-text"); }
          if (kind === "move-after") { body["move-after"] = value("target"); }
          var occurrence = value("occurrence").trim();
          if (occurrence !== "" && ["replace", "delete", "insert"].indexOf(kind) >= 0) { body.occurrence = Number(occurrence); }
          var cosponsors = value("cosponsors").split(/[\n,;]/).map(function (s) { return s.trim(); }).filter(Boolean);
          if (cosponsors.length) { body.cosponsor = cosponsors; }
          var rationale = value("rationale");
          if (rationale.trim() !== "") { body.rationale = rationale; }
          return body;
        };
        var sequence = 0;
        var runPreview = function () {
          var mine = ++sequence;
          post("/api/proposals/preview", request()).then(function (result) {
            if (mine !== sequence) { return; }
            window.amendPreviews = (window.amendPreviews || 0) + 1;
            if (!result.ok) { preview.innerHTML = ""; say(previewLine, failure(result), false); return; }
            say(previewLine, "", true);
            preview.innerHTML = result.body.html || "";
          });
        };
        var timer = null;
        form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runPreview, 250); });
        operation.addEventListener("change", function () { showFields(); runPreview(); });
        form.querySelector("#preview-button").addEventListener("click", function (event) { event.preventDefault(); runPreview(); });
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          post("/api/proposals", request()).then(function (result) {
            if (!result.ok) { say(tableLine, failure(result), false); return; }
            var id = result.body.id || "";
            say(tableLine, "Tabled as " + id + ": " + (result.body.description || ""), true);
            tableLine.setAttribute("data-proposal", id);
            refreshAll();
          }, function () { say(tableLine, "the server cannot be reached", false); });
        });
        showFields();
      }
    })();
    """#
}
