// The sandbox's web chat: a Telegram-like client of the emulator's control API.
//
// Reads /_sandbox/info (bot, personas), then for the chosen persona long-polls
// GET /_emulator/chats/{id}/wait?since_version=V and renders the transcript. Every action of
// the user is a control API call (send, tap, photo, document, location, contact).
// Message bodies come from the emulator's own rendering of Telegram entities ("html"),
// passed through a whitelist sanitiser; everything else is inserted as text.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  const state = {
    info: null,
    persona: null, // {key, user_id, name, role, hint}
    version: -1,
    poll: null, // AbortController of the running long poll
    nodes: new Map(), // message_id -> {sig, node}
    entries: new Map(), // message_id -> transcript entry
    keyboard: null, // current reply keyboard markup
    keyboardSig: "",
    keyboardOpen: true,
    replyTo: null,
    seen: {}, // chat id -> message_count seen
    stick: true, // the transcript is scrolled to the newest message
    unread: 0, // messages that came while scrolled up (the ↓ button's count)
  };

  // Telegram's limit of one message (Bot API: 4,096 characters); its apps send a longer
  // text as several messages, cut at a line break or a space where there is one.
  const TEXT_MAX = 4096;

  // ---- HTTP -------------------------------------------------------------------------

  async function api(path, options = {}) {
    const response = await fetch(path, options);
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      data = null;
    }
    if (!response.ok) {
      const message = (data && (data.error || data.description)) || response.statusText;
      throw new Error(message);
    }
    return data;
  }

  const post = (path, body, signal) =>
    api(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
      signal,
    });

  const userPath = (action) => `/_emulator/users/${state.persona.user_id}/${action}`;

  // ---- toast and alert ----------------------------------------------------------------

  let toastTimer = null;
  function toast(text) {
    const node = $("toast");
    node.textContent = text;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      node.hidden = true;
    }, 3500);
  }

  function alertBox(text) {
    $("modal-text").textContent = text;
    $("modal").hidden = false;
    $("modal-ok").focus();
  }
  $("modal-ok").addEventListener("click", () => {
    $("modal").hidden = true;
  });

  function failed(error) {
    toast(`⚠ ${error.message || error}`);
  }

  // ---- sanitising the emulator's HTML ---------------------------------------------------

  const ALLOWED = new Set([
    "B", "STRONG", "I", "EM", "U", "INS", "S", "STRIKE", "DEL", "CODE", "PRE",
    "BLOCKQUOTE", "A", "TG-SPOILER", "TG-EMOJI", "BR",
  ]);
  const SAFE_LINK = /^(https?:|mailto:|tg:)/i;
  const DETECTED = /(https?:\/\/[^\s<]+[^\s<.,;:!?)\]'"])|(^|\s)(\/[a-zA-Z0-9_]{1,32})(?=$|\s|[.,;:!?])/g;

  // Copies ``source``'s children into ``target`` keeping only Telegram's formatting tags.
  function copySafe(source, target, inCode) {
    for (const child of source.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (inCode) target.appendChild(document.createTextNode(child.data));
        else appendDetected(target, child.data);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.tagName;
      if (!ALLOWED.has(tag)) {
        copySafe(child, target, inCode);
        continue;
      }
      let copy;
      if (tag === "A") {
        const href = child.getAttribute("href") || "";
        copy = el("a");
        if (SAFE_LINK.test(href)) {
          copy.href = href;
          copy.target = "_blank";
          copy.rel = "noopener noreferrer";
        }
      } else if (tag === "TG-SPOILER") {
        copy = el("span", "spoiler");
        copy.addEventListener("click", () => copy.classList.add("revealed"));
      } else if (tag === "TG-EMOJI") {
        copy = el("span");
      } else if (tag === "BLOCKQUOTE") {
        copy = el("blockquote");
        if (child.hasAttribute("expandable")) copy.className = "expandable";
      } else {
        copy = document.createElement(tag.toLowerCase());
      }
      copySafe(child, copy, inCode || tag === "CODE" || tag === "PRE" || tag === "A");
      target.appendChild(copy);
    }
  }

  // Text with URLs and /commands highlighted, as Telegram detects them.
  function appendDetected(target, text) {
    let last = 0;
    for (const match of text.matchAll(DETECTED)) {
      const url = match[1];
      const command = match[3];
      const start = url ? match.index : match.index + match[2].length;
      target.appendChild(document.createTextNode(text.slice(last, start)));
      if (url) {
        const link = el("a", "", url);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        target.appendChild(link);
        last = start + url.length;
      } else {
        const link = el("a", "command", command);
        link.href = "#";
        link.addEventListener("click", (event) => {
          event.preventDefault();
          sendText(command);
        });
        target.appendChild(link);
        last = start + command.length;
      }
    }
    target.appendChild(document.createTextNode(text.slice(last)));
  }

  function formatted(html) {
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    const out = el("div", "text");
    copySafe(parsed.body, out, false);
    return out;
  }

  // ---- rendering ----------------------------------------------------------------------

  const clock = (seconds) =>
    new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

  function sizeText(bytes) {
    if (bytes == null) return "";
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  function mapLinks(latitude, longitude) {
    const lat = Number(latitude).toFixed(6);
    const lon = Number(longitude).toFixed(6);
    const links = el("div", "map-links");
    const osm = el("a", "map-link", "OpenStreetMap");
    osm.href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
    const google = el("a", "map-link", "Google Maps");
    google.href = `https://www.google.com/maps/search/?api=1&query=${lat},${lon}`;
    for (const link of [osm, google]) {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      links.appendChild(link);
    }
    return links;
  }

  function placeCard(title, address, location) {
    const card = el("div", "place");
    const pin = el("div", "place-pin", "📍");
    const body = el("div", "place-body");
    if (title) body.appendChild(el("div", "place-title", title));
    if (address) body.appendChild(el("div", "place-address", address));
    body.appendChild(
      el("div", "place-coords", `${Number(location.latitude).toFixed(5)}, ${Number(location.longitude).toFixed(5)}`),
    );
    body.appendChild(mapLinks(location.latitude, location.longitude));
    card.append(pin, body);
    return card;
  }

  function fileCard(file) {
    const card = el("a", "file");
    card.href = file.download_path;
    card.download = file.file_name || "file";
    const icon = el("div", "file-icon");
    const ext = (file.file_name || "").split(".").pop();
    icon.textContent = ext && ext.length <= 4 ? ext.toUpperCase() : "FILE";
    const body = el("div", "file-body");
    body.appendChild(el("div", "file-name", file.file_name || "file"));
    body.appendChild(el("div", "file-size", `${sizeText(file.file_size)} · Download`));
    card.append(icon, body);
    return card;
  }

  function buttonLabel(button) {
    if (button.url) return `${button.text} ↗`;
    return button.text;
  }

  function inlineKeyboard(entry) {
    const box = el("div", "inline-kb");
    for (const row of entry.inline_keyboard) {
      const line = el("div", "kb-row");
      for (const button of row) {
        let node;
        if (button.url) {
          node = el("a", "kb-btn", buttonLabel(button));
          if (SAFE_LINK.test(button.url)) node.href = button.url;
          node.target = "_blank";
          node.rel = "noopener noreferrer";
        } else {
          node = el("button", "kb-btn", buttonLabel(button));
          node.type = "button";
          if (button.web_app) {
            node.classList.add("kb-webapp");
            node.addEventListener("click", () => openWebApp(button.web_app.url, button.text));
          } else if (button.callback_data !== undefined) {
            node.addEventListener("click", () => tapInline(entry, button, node));
          } else if (button.copy_text) {
            node.addEventListener("click", () => {
              navigator.clipboard?.writeText(button.copy_text.text);
              toast("Copied");
            });
          } else {
            node.disabled = true;
            node.title = "Not available in the sandbox";
          }
        }
        line.appendChild(node);
      }
      box.appendChild(line);
    }
    return box;
  }

  function quoteOf(entry) {
    const target = state.entries.get(entry.reply_to_message_id);
    const quote = el("div", "quote");
    quote.appendChild(el("div", "quote-name", target ? target.sender_name || "Bot" : "Message"));
    const text = target ? target.text || target.caption || "(media)" : "(deleted)";
    quote.appendChild(el("div", "quote-text", text.length > 80 ? `${text.slice(0, 80)}…` : text));
    return quote;
  }

  function renderEntry(entry) {
    const kind = entry.from === "bot" ? "in" : entry.from === "user" ? "out" : "service";
    const wrap = el("div", `msg ${kind}`);
    wrap.dataset.id = entry.message_id;
    wrap.dataset.from = entry.from;
    const bubble = el("div", "bubble");
    if (entry.reply_to_message_id) bubble.appendChild(quoteOf(entry));
    if (entry.photo) {
      const img = el("img", "photo");
      if (entry.photo.width && entry.photo.height) {
        img.width = entry.photo.width;
        img.height = entry.photo.height;
      }
      // the image grows the transcript once it loads: stay at the newest message
      img.addEventListener("load", keepAtBottom);
      img.src = entry.photo.download_path;
      img.alt = entry.photo.file_name || "photo";
      const link = el("a");
      link.href = entry.photo.download_path;
      link.target = "_blank";
      link.appendChild(img);
      bubble.appendChild(link);
      bubble.classList.add("has-media");
    }
    if (entry.sticker) {
      const sticker = el("div", "sticker", entry.sticker.emoji || "🖼");
      sticker.title = "Sticker";
      bubble.appendChild(sticker);
      bubble.classList.add("has-sticker");
    }
    if (entry.document) bubble.appendChild(fileCard(entry.document));
    if (entry.venue) {
      bubble.appendChild(placeCard(entry.venue.title, entry.venue.address, entry.venue.location));
    } else if (entry.location) {
      bubble.appendChild(placeCard("Location", "", entry.location));
    }
    if (entry.contact) {
      const card = el("div", "contact");
      const c = entry.contact;
      card.appendChild(el("div", "avatar small", (c.first_name || "?").slice(0, 1)));
      const body = el("div");
      body.appendChild(el("div", "place-title", [c.first_name, c.last_name].filter(Boolean).join(" ")));
      body.appendChild(el("div", "place-address", c.phone_number));
      card.appendChild(body);
      bubble.appendChild(card);
    }
    if (entry.html != null) bubble.appendChild(formatted(entry.html));
    if (entry.caption_html != null) bubble.appendChild(formatted(entry.caption_html));
    if (kind === "service") {
      let note = "Service message";
      if (entry.group_chat_created) note = "Group created";
      if (entry.migrate_to_chat_id) note = "Group upgraded to a supergroup";
      if (bubble.childElementCount === 0) bubble.appendChild(el("div", "text", note));
    }
    const meta = el("span", "meta");
    if (entry.edited) meta.appendChild(el("span", "edited", "edited"));
    meta.appendChild(el("span", "", clock(entry.date)));
    if (kind === "out") meta.appendChild(el("span", "ticks", "✓✓"));
    bubble.appendChild(meta);
    wrap.appendChild(bubble);
    if (entry.inline_keyboard && entry.inline_keyboard.length) wrap.appendChild(inlineKeyboard(entry));
    return wrap;
  }

  function nearBottom(box) {
    return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  }

  function keepAtBottom() {
    const box = $("messages");
    if (state.stick) box.scrollTop = box.scrollHeight;
  }

  // The ↓ button, as Telegram's: shown with a count while messages came in below the reader
  // (scrolled up to read or to tap an older button), gone once they reach the bottom.
  function showUnread(count) {
    state.unread = count;
    const button = $("to-newest");
    button.hidden = count === 0;
    $("to-newest-count").textContent = count ? String(count) : "";
    button.setAttribute("aria-label", count ? `${count} new message${count > 1 ? "s" : ""}: go to the newest` : "Go to the newest message");
  }

  // To the newest message: the ↓ button, and every message the user sends (QA #25: after
  // tapping an older button, their own send and the answers stayed below the fold).
  function toNewest() {
    const box = $("messages");
    state.stick = true;
    box.scrollTop = box.scrollHeight;
    showUnread(0);
  }

  $("messages").addEventListener("scroll", () => {
    state.stick = nearBottom($("messages"));
    if (state.stick && state.unread) showUnread(0);
  });
  $("to-newest").addEventListener("click", toNewest);

  function renderTranscript(data) {
    const box = $("messages");
    const stick = state.stick || state.version < 0;
    let added = false;
    let arrived = 0; // new messages of this update (not edits)
    const present = new Set();
    for (const entry of data.messages) {
      present.add(entry.message_id);
      state.entries.set(entry.message_id, entry);
    }
    for (const entry of data.messages) {
      const known = state.nodes.get(entry.message_id);
      if (entry.deleted) {
        if (known) {
          known.node.remove();
          state.nodes.delete(entry.message_id);
        }
        continue;
      }
      const { api: _api, ...visible } = entry;
      const sig = JSON.stringify(visible);
      if (known && known.sig === sig) continue;
      const node = renderEntry(entry);
      if (known) {
        known.node.replaceWith(node);
      } else {
        const after = [...state.nodes.keys()].filter((id) => id > entry.message_id).sort((a, b) => a - b)[0];
        if (after !== undefined) box.insertBefore(node, state.nodes.get(after).node);
        else box.appendChild(node);
        added = true;
        if (entry.from === "bot" || entry.from === "user") arrived += 1;
      }
      state.nodes.set(entry.message_id, { sig, node });
    }
    for (const [id, known] of state.nodes) {
      if (!present.has(id)) {
        known.node.remove();
        state.nodes.delete(id);
      }
    }
    renderReplyKeyboard(data.reply_keyboard);
    updateForceReply(data.messages);
    state.seen[state.persona.user_id] = data.messages.length;
    if (added && stick) {
      box.scrollTop = box.scrollHeight;
      state.stick = true;
    } else if (arrived && state.version >= 0) {
      showUnread(state.unread + arrived);
    }
  }

  // ---- reply keyboard -------------------------------------------------------------------

  function renderReplyKeyboard(markup) {
    const keyboard = markup && markup.keyboard ? markup : null;
    const sig = JSON.stringify(keyboard);
    if (sig !== state.keyboardSig) {
      state.keyboardSig = sig;
      state.keyboard = keyboard;
      state.keyboardOpen = true;
      const box = $("reply-keyboard");
      box.replaceChildren();
      if (keyboard) {
        for (const row of keyboard.keyboard) {
          const line = el("div", "rk-row");
          for (const raw of row) {
            const button = typeof raw === "string" ? { text: raw } : raw;
            const node = el("button", "rk-btn", button.text);
            node.type = "button";
            node.addEventListener("click", () => pressReplyButton(button));
            line.appendChild(node);
          }
          box.appendChild(line);
        }
        if (keyboard.input_field_placeholder) $("text").placeholder = keyboard.input_field_placeholder;
      } else {
        $("text").placeholder = "Message";
      }
    }
    $("kb-toggle").hidden = !state.keyboard;
    $("reply-keyboard").hidden = !(state.keyboard && state.keyboardOpen);
    $("kb-toggle").classList.toggle("active", Boolean(state.keyboard && state.keyboardOpen));
  }

  async function pressReplyButton(button) {
    try {
      if (button.request_contact) {
        const [first, ...rest] = state.persona.name.split(" ");
        await post(userPath("contact"), {
          phone_number: `+62812${String(state.persona.user_id).slice(-7)}`,
          first_name: first,
          last_name: rest.join(" ") || undefined,
          user_id: state.persona.user_id,
        });
      } else if (button.request_location) {
        // Kota Blitar, Alun-alun (the sandbox has no GPS)
        await post(userPath("location"), { latitude: -8.0983, longitude: 112.1681 });
      } else {
        toNewest();
        await post(userPath("send"), { text: button.text });
      }
      if (state.keyboard && state.keyboard.one_time_keyboard) {
        state.keyboardOpen = false;
        renderReplyKeyboard(state.keyboard);
      }
    } catch (error) {
      failed(error);
    }
  }

  $("kb-toggle").addEventListener("click", () => {
    state.keyboardOpen = !state.keyboardOpen;
    renderReplyKeyboard(state.keyboard);
  });

  // force_reply: the next text answers that message, as Telegram's clients do.
  function updateForceReply(messages) {
    const last = [...messages].reverse().find((m) => m.from === "bot" && !m.deleted);
    const wants = last && last.keyboard && last.keyboard.force_reply;
    const answered = messages.some((m) => m.from === "user" && last && m.message_id > last.message_id);
    state.replyTo = wants && !answered ? last.message_id : null;
    $("replying").hidden = state.replyTo === null;
    if (last && last.keyboard && last.keyboard.force_reply && last.keyboard.input_field_placeholder) {
      $("text").placeholder = last.keyboard.input_field_placeholder;
    }
  }
  $("cancel-reply").addEventListener("click", () => {
    state.replyTo = null;
    $("replying").hidden = true;
  });

  // ---- actions ------------------------------------------------------------------------

  function splitText(text) {
    const parts = [];
    let rest = text;
    while (rest.length > TEXT_MAX) {
      const head = rest.slice(0, TEXT_MAX);
      let cut = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(" "));
      if (cut < TEXT_MAX / 2) cut = TEXT_MAX;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^[ \n]/, "");
    }
    if (rest.trim()) parts.push(rest);
    return parts;
  }

  async function sendText(text) {
    if (!state.persona || !text.trim()) return;
    toNewest();
    try {
      for (const part of splitText(text)) {
        const body = { text: part };
        if (state.replyTo !== null) body.reply_to = state.replyTo;
        await post(userPath("send"), body);
      }
    } catch (error) {
      failed(error);
    }
  }

  async function sendSticker(key) {
    $("stickers").hidden = true;
    toNewest();
    try {
      await post(userPath("sticker"), { sticker: key });
    } catch (error) {
      failed(error);
    }
  }

  async function toggleStickers() {
    const box = $("stickers");
    if (!box.hidden) {
      box.hidden = true;
      return;
    }
    try {
      const stickers = await api("/_emulator/stickers");
      box.replaceChildren();
      for (const [key, emoji] of Object.entries(stickers)) {
        const item = el("button", "sticker-item", emoji);
        item.type = "button";
        item.dataset.sticker = key;
        item.title = key;
        item.addEventListener("click", () => sendSticker(key));
        box.appendChild(item);
      }
      box.hidden = false;
    } catch (error) {
      failed(error);
    }
  }
  $("sticker-btn").addEventListener("click", toggleStickers);

  async function tapInline(entry, button, node) {
    node.classList.add("pending");
    try {
      const result = await post(userPath("tap"), {
        callback_data: button.callback_data,
        message_id: entry.message_id,
      });
      if (result.kind === "url") {
        window.open(result.url, "_blank", "noopener");
        return;
      }
      if (result.kind !== "callback") return;
      const answer = await api(`/_emulator/callbacks/${result.query_id}?timeout=15`);
      if (answer.answered && answer.answer) {
        const { text, show_alert: showAlert, url } = answer.answer;
        if (text) (showAlert ? alertBox : toast)(text);
        if (url) window.open(url, "_blank", "noopener");
      } else if (!answer.answered) {
        toast("The bot did not answer the button (Telegram would keep the spinner).");
      }
    } catch (error) {
      failed(error);
    } finally {
      node.classList.remove("pending");
    }
  }

  function readAsBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  async function sendFile(file) {
    if (!state.persona || !file) return;
    const photo = /^image\/(jpeg|png|gif|webp)$/.test(file.type);
    const caption = $("text").value.trim();
    toNewest();
    try {
      const body = {
        data_b64: await readAsBase64(file),
        file_name: file.name,
        mime_type: file.type || "application/octet-stream",
      };
      if (caption) body.caption = caption;
      await post(userPath(photo ? "photo" : "document"), body);
      if (caption) $("text").value = "";
    } catch (error) {
      failed(error);
    }
  }

  $("file").addEventListener("change", (event) => {
    const [file] = event.target.files;
    sendFile(file);
    event.target.value = "";
  });

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("text");
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    autosize();
    $("commands").hidden = true;
    sendText(text);
  });

  function autosize() {
    const input = $("text");
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  }

  $("text").addEventListener("input", () => {
    autosize();
    const value = $("text").value;
    if (value.startsWith("/") && !value.includes(" ")) showCommands(value, true);
    else $("commands").hidden = true;
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });

  // ---- Mini Apps ----------------------------------------------------------------------

  // Telegram opens a Mini App (the menu button, a web_app button) in a panel, with the
  // launch parameters in the address's fragment: the emulator signs the persona's init data
  // with the bot's token, as Telegram does. The panel passes the theme and the back button
  // as Telegram Web does (postMessage events).
  const webApp = { theme: "light", menu: null };

  async function openWebApp(url, title) {
    try {
      const opened = await post(userPath("web_app"), { url, theme: webApp.theme });
      $("webapp-title").textContent = title;
      $("webapp-back").hidden = true;
      $("webapp-frame").src = opened.url;
      $("webapp").hidden = false;
    } catch (error) {
      failed(error);
    }
  }

  function closeWebApp() {
    $("webapp").hidden = true;
    $("webapp-frame").src = "about:blank";
  }

  function toWebApp(eventType, eventData) {
    $("webapp-frame").contentWindow?.postMessage(JSON.stringify({ eventType, eventData }), "*");
  }

  window.addEventListener("message", (event) => {
    if (event.source !== $("webapp-frame").contentWindow) return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch (_) {
      return;
    }
    if (message.eventType === "web_app_setup_back_button") {
      $("webapp-back").hidden = !message.eventData.is_visible;
    } else if (message.eventType === "web_app_close") {
      closeWebApp();
    } else if (message.eventType === "web_app_open_link") {
      // Telegram opens the link outside the Mini App: a new tab here, http(s) only
      const url = String((message.eventData || {}).url || "");
      if (/^https?:\/\//.test(url)) window.open(url, "_blank", "noopener");
    }
  });

  $("webapp-close").addEventListener("click", closeWebApp);
  $("webapp-back").addEventListener("click", () => toWebApp("back_button_pressed", {}));
  $("webapp-theme").addEventListener("click", async () => {
    webApp.theme = webApp.theme === "light" ? "dark" : "light";
    document.body.classList.toggle("webapp-dark", webApp.theme === "dark");
    const frame = $("webapp-frame");
    if ($("webapp").hidden || !frame.src.startsWith("http")) return;
    const opened = await post(userPath("web_app"), { url: frame.src, theme: webApp.theme });
    toWebApp("theme_changed", { theme_params: opened.theme_params });
  });

  // The menu button of the persona's chat (setChatMenuButton): a Mini App or the commands.
  async function refreshMenuButton() {
    const persona = state.persona;
    try {
      const button = await api(userPath("menu_button"));
      if (persona !== state.persona) return;
      webApp.menu = button.type === "web_app" ? button : null;
      $("webapp-btn").hidden = !webApp.menu;
      if (webApp.menu) $("webapp-btn").textContent = webApp.menu.text;
    } catch (error) {
      failed(error);
    }
  }

  $("webapp-btn").addEventListener("click", () => {
    if (webApp.menu) openWebApp(webApp.menu.web_app.url, webApp.menu.text);
  });

  // ---- command menu -------------------------------------------------------------------

  // The menu the persona's Telegram shows: the emulator resolves the bot's command scopes
  // (this chat, private chats, default) and languages as Telegram does. Asked each time,
  // since the bot changes a user's commands (a new admin, a judge).
  async function commandList() {
    try {
      return await api(userPath("commands"));
    } catch (error) {
      failed(error);
      return [];
    }
  }

  async function showCommands(prefix, typed) {
    const box = $("commands");
    const persona = state.persona;
    const commands = await commandList();
    // the answer may come after the persona changed or the text was sent
    if (persona !== state.persona || (typed && $("text").value !== prefix)) return;
    box.replaceChildren();
    const wanted = prefix.slice(1).toLowerCase();
    const list = commands.filter((c) => c.command.startsWith(wanted));
    for (const command of list) {
      const item = el("button", "command-item");
      item.type = "button";
      item.appendChild(el("span", "command-name", `/${command.command}`));
      item.appendChild(el("span", "command-desc", command.description));
      item.addEventListener("click", () => {
        box.hidden = true;
        $("text").value = "";
        sendText(`/${command.command}`);
      });
      box.appendChild(item);
    }
    box.hidden = list.length === 0;
  }

  $("menu-btn").addEventListener("click", () => {
    if ($("commands").hidden) showCommands("/");
    else $("commands").hidden = true;
  });

  // ---- personas and long polling ------------------------------------------------------

  function initials(name) {
    return name
      .split(/\s+/)
      .map((part) => part[0] || "")
      .join("")
      .slice(0, 2)
      .toUpperCase();
  }

  function renderPersonas() {
    const list = $("personas");
    list.replaceChildren();
    for (const persona of state.info.personas) {
      const item = el("li");
      const button = el("button", "persona");
      button.type = "button";
      button.dataset.persona = persona.key;
      button.setAttribute("aria-pressed", String(state.persona && state.persona.key === persona.key));
      const avatar = el("div", `avatar persona-${persona.key}`, initials(persona.name));
      const body = el("div", "persona-body");
      body.appendChild(el("div", "persona-name", persona.name));
      body.appendChild(el("div", "persona-role", persona.role));
      const hint = el("div", "persona-hint", persona.hint);
      hint.title = persona.hint;
      body.appendChild(hint);
      const badge = el("span", "badge");
      badge.hidden = true;
      button.append(avatar, body, badge);
      button.addEventListener("click", () => choose(persona));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  function choose(persona) {
    if (state.poll) state.poll.abort();
    state.persona = persona;
    state.version = -1;
    state.nodes.clear();
    state.entries.clear();
    state.keyboardSig = "";
    state.keyboard = null;
    state.replyTo = null;
    state.stick = true;
    showUnread(0);
    $("messages").replaceChildren();
    $("empty").hidden = true;
    for (const id of ["chat-head", "messages", "composer-wrap"]) $(id).hidden = false;
    $("head-sub").textContent = `bot · you are ${persona.name}, ${persona.role}`;
    document.body.classList.add("in-chat");
    for (const button of document.querySelectorAll(".persona")) {
      button.setAttribute("aria-pressed", String(button.dataset.persona === persona.key));
    }
    history.replaceState(null, "", `#${persona.key}`);
    closeWebApp();
    $("webapp-btn").hidden = true;
    follow(persona);
    $("text").focus();
  }

  async function follow(persona) {
    const controller = new AbortController();
    state.poll = controller;
    const base = `/_emulator/chats/${persona.user_id}`;
    while (!controller.signal.aborted) {
      const path =
        state.version < 0 ? `${base}/transcript` : `${base}/wait?since_version=${state.version}&timeout=25`;
      try {
        const data = await api(path, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setConnected(true);
        renderTranscript(data);
        state.version = data.version;
        refreshMenuButton();
      } catch (error) {
        if (controller.signal.aborted) return;
        setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    }
  }

  function setConnected(ok) {
    $("conn").classList.toggle("down", !ok);
    $("conn").title = ok ? "Connected to the emulator" : "The sandbox is not answering (stopped?)";
  }

  // Unread counters of the other personas' chats (a cheap poll of the chat list).
  async function refreshBadges() {
    try {
      const chats = await api("/_emulator/chats");
      for (const summary of chats) {
        const id = summary.chat.id;
        const persona = state.info.personas.find((p) => p.user_id === id);
        if (!persona) continue;
        const badge = document.querySelector(`.persona[data-persona="${persona.key}"] .badge`);
        const active = state.persona && state.persona.user_id === id;
        if (active || state.seen[id] === undefined) state.seen[id] = summary.message_count;
        const unread = summary.message_count - state.seen[id];
        badge.hidden = active || unread <= 0;
        badge.textContent = unread;
      }
    } catch (_) {
      // the chat's own poll reports the connection
    }
  }

  // The next reminder or announcement the bot has scheduled, and ⏩ to move time on to it.
  function renderNext(next) {
    $("skip-box").hidden = !next;
    if (next) $("skip-what").textContent = `${next.label}, ${next.when}`;
  }

  async function refreshNext() {
    try {
      renderNext((await api("/_sandbox/info")).next);
    } catch (_) {
      // the chat's own poll reports the connection
    }
  }

  $("skip").addEventListener("click", async () => {
    $("skip").disabled = true;
    try {
      const result = await post("/_sandbox/skip");
      renderNext(result.next);
      toast(result.sent.length ? `Ran ${result.sent.length} scheduled item(s)` : "Nothing was due");
    } catch (error) {
      failed(error);
    } finally {
      $("skip").disabled = false;
    }
  });

  $("back").addEventListener("click", () => {
    document.body.classList.remove("in-chat");
  });

  async function boot() {
    for (let attempt = 0; ; attempt++) {
      try {
        state.info = await api("/_sandbox/info");
        if (state.info.ready) break;
      } catch (_) {
        // starting up
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * (attempt + 1), 2000)));
    }
    const bot = state.info.bot;
    $("bot-name").textContent = bot.first_name;
    $("bot-avatar").textContent = initials(bot.first_name);
    document.title = `${bot.first_name} · IGA bot sandbox`;
    $("event").textContent = `${state.info.event} · bot @${bot.username}`;
    renderPersonas();
    renderNext(state.info.next);
    const wanted = state.info.personas.find((p) => `#${p.key}` === location.hash);
    if (wanted) choose(wanted);
    setInterval(refreshBadges, 3000);
    setInterval(refreshNext, 5000);
  }

  boot();
})();
