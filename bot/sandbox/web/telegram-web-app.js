/* The sandbox's stand-in for Telegram's telegram-web-app.js: the parts the bot's Mini App
   uses, behaving as Telegram's script does. Telegram puts the launch parameters in the
   page's fragment (#tgWebAppData=…&tgWebAppThemeParams=…); the script keeps them for the
   session, exposes Telegram.WebApp.initData (the signed string, sent to the server as is),
   initDataUnsafe, themeParams, colorScheme, ready(), expand(), close(), openLink(), onEvent/offEvent
   ('themeChanged', 'backButtonClicked') and BackButton, and talks to the client (the web
   chat's panel) with window.parent.postMessage({eventType, eventData}) as Telegram Web does. */
(function () {
  "use strict";
  var KEY = "__telegram__initParams";
  function parse(text) {
    var params = {};
    (text || "").replace(/^#/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("=");
      var name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      params[name] = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, "%20"));
    });
    return params;
  }
  var launch = parse(location.hash);
  if (launch.tgWebAppData) {
    try { sessionStorage.setItem(KEY, JSON.stringify(launch)); } catch (e) { /* private mode */ }
  } else {
    try { launch = JSON.parse(sessionStorage.getItem(KEY) || "{}"); } catch (e) { launch = {}; }
  }
  var initData = launch.tgWebAppData || "";
  var unsafe = {};
  var fields = parse(initData);
  Object.keys(fields).forEach(function (name) {
    var value = fields[name];
    if (name === "user" || name === "receiver" || name === "chat") {
      try { value = JSON.parse(value); } catch (e) { /* left as text */ }
    } else if (name === "auth_date") {
      value = parseInt(value, 10);
    }
    unsafe[name] = value;
  });

  var handlers = {};
  function fire(name) {
    (handlers[name] || []).slice().forEach(function (callback) { callback.call(WebApp); });
  }
  function post(eventType, eventData) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ eventType: eventType, eventData: eventData || {} }), "*");
    }
  }
  function scheme(params) {
    var color = (params.bg_color || "#ffffff").replace("#", "");
    var r = parseInt(color.substr(0, 2), 16), g = parseInt(color.substr(2, 2), 16), b = parseInt(color.substr(4, 2), 16);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) < 120 ? "dark" : "light";
  }
  var themeParams = {};
  try { themeParams = JSON.parse(launch.tgWebAppThemeParams || "{}"); } catch (e) { themeParams = {}; }

  var backVisible = false;
  var BackButton = {
    get isVisible() { return backVisible; },
    show: function () { backVisible = true; post("web_app_setup_back_button", { is_visible: true }); return BackButton; },
    hide: function () { backVisible = false; post("web_app_setup_back_button", { is_visible: false }); return BackButton; },
    onClick: function (callback) { WebApp.onEvent("backButtonClicked", callback); return BackButton; },
    offClick: function (callback) { WebApp.offEvent("backButtonClicked", callback); return BackButton; }
  };

  var WebApp = {
    initData: initData,
    initDataUnsafe: unsafe,
    version: launch.tgWebAppVersion || "6.0",
    platform: launch.tgWebAppPlatform || "unknown",
    themeParams: themeParams,
    colorScheme: scheme(themeParams),
    isExpanded: false,
    BackButton: BackButton,
    ready: function () { post("web_app_ready"); },
    expand: function () { WebApp.isExpanded = true; post("web_app_expand"); },
    close: function () { post("web_app_close"); },
    openLink: function (url) { post("web_app_open_link", { url: String(url) }); },
    onEvent: function (name, callback) { (handlers[name] = handlers[name] || []).push(callback); },
    offEvent: function (name, callback) {
      handlers[name] = (handlers[name] || []).filter(function (item) { return item !== callback; });
    }
  };

  window.addEventListener("message", function (event) {
    var message;
    try { message = typeof event.data === "string" ? JSON.parse(event.data) : event.data; } catch (e) { return; }
    if (!message || !message.eventType) return;
    if (message.eventType === "theme_changed" && message.eventData && message.eventData.theme_params) {
      WebApp.themeParams = message.eventData.theme_params;
      WebApp.colorScheme = scheme(WebApp.themeParams);
      fire("themeChanged");
    } else if (message.eventType === "back_button_pressed") {
      fire("backButtonClicked");
    }
  });

  window.Telegram = window.Telegram || {};
  window.Telegram.WebApp = WebApp;
})();
