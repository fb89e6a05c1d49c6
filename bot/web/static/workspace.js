/* The workspace's bootstrap: reads Telegram's init data, fetches the server-rendered pages
   with it (Authorization: tma <initData>), follows Telegram's theme, and sends what the user
   types as they type it. Plain JavaScript, no build step. */
(function () {
  "use strict";
  var tg = window.Telegram && window.Telegram.WebApp;
  var initData = tg ? tg.initData : "";
  var main = document.getElementById("main");
  var toast = document.getElementById("toast");
  var SAVE_DELAY = 400;
  var pending = {};

  // The shell's texts in every language (from the catalogue, through its template), and the
  // page's language: Telegram's language_code until a page says which one it is rendered in
  // (Content-Language: the language the user chose in the chat, else that code).
  var texts = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-texts]"), function (holder) {
    var strings = {};
    Array.prototype.forEach.call(holder.attributes, function (attribute) {
      if (attribute.name.indexOf("data-") === 0) strings[attribute.name.slice(5)] = attribute.value;
    });
    texts[holder.getAttribute("data-texts")] = strings;
  });

  function text(name) {
    return (texts[document.documentElement.lang] || {})[name] || "";
  }

  function setLanguage(code) {
    code = String(code || "").split("-")[0].toLowerCase();
    if (texts[code]) document.documentElement.lang = code;
    Array.prototype.forEach.call(document.querySelectorAll("[data-label]"), function (element) {
      var label = text(element.getAttribute("data-label"));
      element.setAttribute("aria-label", label);
      element.setAttribute("title", label);
    });
  }

  function applyTheme() {
    var params = (tg && tg.themeParams) || {};
    var root = document.documentElement;
    Object.keys(params).forEach(function (key) {
      root.style.setProperty("--tg-" + key.replace(/_/g, "-"), params[key]);
    });
    root.setAttribute("data-scheme", (tg && tg.colorScheme) || "light");
  }

  function request(method, path, body) {
    var options = { method: method, headers: { Authorization: "tma " + initData } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
      options.keepalive = true; // a save sent as the app closes still arrives
    }
    return fetch(path, options);
  }

  function say(text, bad) {
    toast.textContent = text;
    toast.className = bad ? "bad" : "";
    toast.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { toast.hidden = true; }, 4000);
  }

  function route() {
    var hash = location.hash.replace(/^#/, "") || "home";
    return "/app/f/" + hash;
  }

  var loads = 0;  // the latest load's number: a page that answers after a later one is dropped

  function load() {
    var mine = ++loads;
    return request("GET", route()).then(function (response) {
      return response.text().then(function (text) {
        if (mine !== loads) return;  // left meanwhile (a quick back and forth): not this page
        setLanguage(response.headers.get("Content-Language"));
        if (!response.ok) {
          main.innerHTML = "";
          var p = document.createElement("p");
          p.className = "error";
          p.textContent = text;
          main.appendChild(p);
          return;
        }
        main.innerHTML = text;
        window.scrollTo(0, 0);
        if (tg && tg.BackButton) {
          if (location.hash && location.hash !== "#home") tg.BackButton.show(); else tg.BackButton.hide();
        }
      });
    }).catch(function () { say(text("offline"), true); });
  }

  function entryOf(element) {
    var holder = element.closest("[data-entry]");
    return holder ? holder.getAttribute("data-entry") : null;
  }

  function answer(response) {
    return response.json().catch(function () { return { ok: false, message: String(response.status) }; })
      .then(function (data) { data.status = response.status; return data; });
  }

  // After an action: the page again when it changed, or when the server refused it as a
  // conflict (409: someone else changed the entry meanwhile), so it shows the status now.
  function reloadAfter(data) {
    if (data.ok || data.status === 409) load();
  }

  function flushAll() {
    Object.keys(pending).forEach(function (key) { pending[key](); });
  }

  // A judge's field by its save key: "c:<criterion>", "l:<indicator>" or "comment".
  function fieldOf(key) {
    if (key === "comment") return document.getElementById("comment");
    if (key.indexOf("c:") === 0) return document.getElementById("c-" + key.slice(2));
    if (key.indexOf("l:") === 0) return document.querySelector('[data-level="' + key.slice(2) + '"]');
    return null;
  }

  // After a save refused as a conflict (409: the sheet or the entry changed elsewhere, e.g.
  // submitted or closed): the page is loaded again, so it shows the values saved now, and
  // what the judge typed stays visible under its field, marked as not saved: nothing is lost.
  function reloadKeeping(key, typed) {
    load().then(function () {
      var field = fieldOf(key);
      var holder = document.querySelector("[data-unsaved-label]");
      if (!field || !holder) return;
      var note = document.createElement("p");
      note.className = "note unsaved";
      note.setAttribute("data-unsaved", key);
      var label = document.createElement("span");
      label.textContent = holder.getAttribute("data-unsaved-label");
      var text = document.createElement("span");
      text.className = "comment";
      text.textContent = typed;
      note.appendChild(label);
      note.appendChild(document.createElement("br"));
      note.appendChild(text);
      field.insertAdjacentElement("afterend", note);
      note.scrollIntoView({ block: "center" });
    });
  }

  function save(key, method, path, body, after, typed) {
    var saved = document.getElementById("saved");
    clearTimeout((pending[key] || {}).timer);
    var run = function () {
      clearTimeout(run.timer);  // a flush runs it at once: the timer must not send it again
      delete pending[key];
      return request(method, path, body).then(answer).then(function (data) {
        if (saved) saved.textContent = data.ok ? saved.getAttribute("data-ok") || "✓" : "";
        if (!data.ok) say(data.message, true);
        if (after) after(data);
        if (data.status === 409 && typed !== undefined) reloadKeeping(key, typed);
      });
    };
    run.timer = setTimeout(run, SAVE_DELAY);
    pending[key] = run;
  }

  // An edit that makes a pending save wrong (a score's text no longer valid): the save is
  // dropped, so "101" never stores the "10" typed on the way.
  function dropSave(key) {
    clearTimeout((pending[key] || {}).timer);
    delete pending[key];
  }

  // Asks before an irreversible step (QA #10, #27), then runs go(): Telegram's own popup
  // where the client has it (showConfirm, Bot API 6.2+), else a confirm step in the page
  // beside the button. Never window.confirm: not every Telegram client shows it, and one
  // that answers "no" unseen would block the step for good.
  function ask(button, question, go) {
    if (tg && typeof tg.showConfirm === "function" &&
        (typeof tg.isVersionAtLeast !== "function" || tg.isVersionAtLeast("6.2"))) {
      try {
        tg.showConfirm(question, function (yes) { if (yes) go(); });
        return;
      } catch (unsupported) { /* an older client: asked in the page */ }
    }
    askInPage(button, question, go);
  }

  function askInPage(button, question, go) {
    var open = document.querySelector(".confirm");
    if (open) open.remove();
    var box = document.createElement("div");
    box.className = "confirm";
    box.setAttribute("role", "alertdialog");
    var words = document.createElement("p");
    words.id = "confirm-question";
    words.textContent = question;
    box.setAttribute("aria-labelledby", words.id);
    var buttons = document.createElement("div");
    buttons.className = "buttons";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = button.className;  // as the step asked about (red for Tolak)
    yes.setAttribute("data-confirm-yes", "");
    yes.textContent = text("yes");
    var no = document.createElement("button");
    no.type = "button";
    no.className = "secondary";
    no.setAttribute("data-confirm-no", "");
    no.textContent = text("no");
    yes.addEventListener("click", function () { box.remove(); go(); });
    no.addEventListener("click", function () { box.remove(); button.focus(); });
    buttons.appendChild(yes);
    buttons.appendChild(no);
    box.appendChild(words);
    box.appendChild(buttons);
    (button.closest(".buttons") || button).insertAdjacentElement("afterend", box);
    box.scrollIntoView({ block: "nearest" });
    no.focus();
  }

  function openFile(link, download) {
    var id = link.getAttribute("data-file");
    var name = link.getAttribute("data-name") || "file";
    request("GET", "/app/file/" + id + (download ? "?download=1" : "")).then(function (response) {
      if (!response.ok) return response.text().then(function (text) { say(text, true); });
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        if (download) {
          var a = document.createElement("a");
          a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
          return;
        }
        // an image as an image; anything else in the frame, which phones' webviews often
        // leave blank for a PDF: the bar's "open" link gives it to the browser (server URL)
        var picture = /^image\//.test(blob.type);
        document.getElementById("viewer-name").textContent = name;
        document.getElementById("viewer-open").href = link.getAttribute("data-url") || url;
        document.getElementById("viewer-download").href = url;
        document.getElementById("viewer-download").setAttribute("download", name);
        document.getElementById("viewer-frame").hidden = picture;
        document.getElementById("viewer-frame").src = picture ? "about:blank" : url;
        document.getElementById("viewer-picture").hidden = !picture;
        document.getElementById("viewer-image").src = picture ? url : "";
        document.getElementById("viewer-image").alt = name;
        document.getElementById("viewer").setAttribute("data-mime", blob.type);
        document.getElementById("viewer").hidden = false;
      });
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("a, button");
    if (!target) return;
    if (target.hasAttribute("data-open")) {
      // a file's server URL (a ticket in it, no init data needed): Telegram opens it in the
      // phone's browser, which shows or saves a PDF; elsewhere it is a plain link
      if (tg && tg.openLink) {
        event.preventDefault();
        tg.openLink(new URL(target.getAttribute("href"), location.href).href);
      }
    } else if (target.hasAttribute("data-jump")) {  // within the page: the hash is the page's route
      event.preventDefault();
      document.getElementById(target.getAttribute("data-jump")).scrollIntoView();
    } else if (target.hasAttribute("data-file")) {
      event.preventDefault();
      openFile(target, target.hasAttribute("data-download"));
    } else if (target.id === "viewer-close") {
      document.getElementById("viewer").hidden = true;
      document.getElementById("viewer-frame").src = "about:blank";
      document.getElementById("viewer-image").removeAttribute("src");
    } else if (target.hasAttribute("data-action")) {
      var note = document.getElementById("note");
      var typed = note ? note.value.trim() : "";
      var act = function () {
        target.disabled = true;
        request("POST", "/app/api/entry/" + entryOf(target) + "/status",
          { action: target.getAttribute("data-action"), note: typed }).then(answer).then(function (data) {
          target.disabled = false;
          say(data.message, !data.ok);
          reloadAfter(data);
        });
      };
      if (target.getAttribute("data-needs-note") && !typed) {
        note.focus(); note.classList.add("needed");
        act();  // the server's refusal says a note is needed: nothing to confirm yet
      } else if (target.hasAttribute("data-confirm")) {
        ask(target, target.getAttribute("data-confirm"), act);  // Tolak, nominasi (QA #27)
      } else {
        act();
      }
    } else if (target.hasAttribute("data-cert")) {
      // a certificate: revoke (a reason is needed) or reissue (a corrected name, or none)
      var code = target.getAttribute("data-cert");
      var revoking = target.getAttribute("data-cert-action") === "revoke";
      var field = document.getElementById((revoking ? "r-" : "n-") + code);
      var value = field ? field.value.trim() : "";
      if (revoking && !value) { field.focus(); field.classList.add("needed"); return; }
      target.disabled = true;
      request("POST", "/app/api/certificate/" + encodeURIComponent(code) + (revoking ? "/revoke" : "/reissue"),
        revoking ? { reason: value } : { name: value }).then(answer).then(function (data) {
        target.disabled = false;
        say(data.message, !data.ok);
        reloadAfter(data);
      });
    } else if (target.hasAttribute("data-reopen")) {
      // the committee reopens a judge's submitted score sheet (entry/judge)
      target.disabled = true;
      request("POST", "/app/api/review/" + target.getAttribute("data-reopen") + "/reopen", {})
        .then(answer).then(function (data) {
          target.disabled = false;
          say(data.message, !data.ok);
          reloadAfter(data);
        });
    } else if (target.hasAttribute("data-assign")) {
      var ids = Array.prototype.map.call(document.querySelectorAll("input[data-judge]:checked"),
        function (box) { return parseInt(box.getAttribute("data-judge"), 10); });
      request("POST", "/app/api/entry/" + entryOf(target) + "/judges", { judge_ids: ids })
        .then(answer).then(function (data) { say(data.message, !data.ok); reloadAfter(data); });
    } else if (target.hasAttribute("data-submit")) {
      // irreversible (QA #12): asked first, in the page's language (the template's text)
      ask(target, target.getAttribute("data-confirm"), function () {
        flushAll();
        target.disabled = true;
        setTimeout(function () {
          request("POST", "/app/api/score/" + entryOf(target) + "/submit", { scores: shownScores() }).then(answer).then(function (data) {
            say(data.message, !data.ok);
            if (data.ok) load(); else target.disabled = false;
          });
        }, SAVE_DELAY);
      });
    }
  });

  // What the score fields show, sent with the submit so the server refuses a sheet whose
  // page shows other values than the stored ones (QA #9): a score, or the text as typed.
  function shownScores() {
    var shown = {};
    Array.prototype.forEach.call(document.querySelectorAll("[data-criterion]"), function (field) {
      var value = scoreOf(field);
      shown[field.getAttribute("data-criterion")] = value === null ? field.value : value;
    });
    return shown;
  }

  // Submitting while a score field shows an invalid text is stopped before anything is asked
  // (QA #9: the older stored value would go): the page names the fields and goes to the first.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-submit]");
    if (!target) return;
    var invalid = Array.prototype.filter.call(document.querySelectorAll("[data-criterion]"),
      function (field) { return scoreOf(field) === null; });
    if (!invalid.length) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    var names = invalid.map(function (field) {
      var label = document.querySelector('label[for="' + field.id + '"] b');
      return label ? label.textContent : field.getAttribute("data-criterion");
    });
    say(target.getAttribute("data-invalid").replace("§", names.join(", ")), true);
    invalid[0].focus();
  }, true);

  // A score as typed: "87,5" (Indonesian) or "87.5", within the rubric's range; null for
  // anything else, which is flagged beside the field and not saved (never cut or rounded).
  function scoreOf(field) {
    var text = field.value.trim().replace(",", ".");
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
    var value = parseFloat(text);
    var low = parseFloat(field.getAttribute("data-min"));
    var high = parseFloat(field.getAttribute("data-max"));
    return value >= low && value <= high ? value : null;
  }

  // A score as the page writes it ("87,5" in Indonesian).
  function shownScore(value) {
    var text = String(value);
    return document.documentElement.lang === "en" ? text : text.replace(".", ",");
  }

  // Marks a score field whose text is not a score (or is empty while a score is stored):
  // aria-invalid for screen readers, and the message says which score IS stored.
  function markScore(field, invalid) {
    var problem = document.getElementById("e-" + field.getAttribute("data-criterion"));
    field.classList.toggle("invalid", invalid);
    if (invalid) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
    if (!problem) return;
    problem.hidden = !invalid;
    var kept = problem.querySelector("[data-kept]");
    var saved = field.getAttribute("data-saved") || "";
    if (kept) kept.textContent = saved ? kept.getAttribute("data-kept").replace("§", saved) : kept.getAttribute("data-none");
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    var entry = entryOf(field);
    if (field.hasAttribute("data-criterion")) {
      var value = scoreOf(field);
      var key = field.getAttribute("data-criterion");
      markScore(field, value === null && (field.value.trim() !== "" || !!field.getAttribute("data-saved")));
      if (value === null) { dropSave("c:" + key); return; }
      save("c:" + key, "PUT", "/app/api/score/" + entry + "/criterion",
        { criterion: key, value: value }, function (data) {
          var submit = document.querySelector("[data-submit]");
          if (submit && data.ok) submit.disabled = !data.complete;
          if (!data.ok) return;
          field.setAttribute("data-saved", shownScore(value));
          if (field.classList.contains("invalid")) markScore(field, true);  // typed on meanwhile
        }, field.value);
    } else if (field.hasAttribute("data-comment")) {
      save("comment", "PUT", "/app/api/score/" + entry + "/comment", { comment: field.value },
        null, field.value);
    }
  });

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute("data-criterion")) {  // left the field: its score is saved now
      var run = pending["c:" + field.getAttribute("data-criterion")];
      if (run) run();
    }
    if (field.hasAttribute("data-level") && field.value) {
      save("l:" + field.getAttribute("data-level"), "PUT", "/app/api/score/" + entryOf(field) + "/level",
        { indicator_id: parseInt(field.getAttribute("data-level"), 10), level: parseInt(field.value, 10) },
        null, field.options[field.selectedIndex].text);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-filter")) return;
    event.preventDefault();
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) query.append(key, value); });
    var text = query.toString();
    location.hash = form.getAttribute("data-filter") + (text ? "?" + text : "");
  });

  window.addEventListener("hashchange", function () { flushAll(); load(); });
  window.addEventListener("pagehide", flushAll);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flushAll(); });

  if (tg) {
    tg.ready();
    tg.expand();
    tg.onEvent("themeChanged", applyTheme);
    if (tg.BackButton) tg.BackButton.onClick(function () { history.back(); });
  }
  // Telegram launches the page with its parameters in the fragment (#tgWebAppData=…); the
  // first page is the entry of ?entry=ID (a notice's button) or home.
  if (!location.hash || /^#tgWebApp/.test(location.hash)) {
    var linked = /[?&]entry=(\d+)/.exec(location.search);
    history.replaceState(null, "", location.pathname + location.search + (linked ? "#entry/" + linked[1] : "#home"));
  }
  setLanguage(tg && tg.initDataUnsafe && tg.initDataUnsafe.user && tg.initDataUnsafe.user.language_code);
  applyTheme();
  load();
})();
