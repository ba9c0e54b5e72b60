// Amtsbote web chat: no dependencies, nothing loaded from other hosts.
(function () {
  "use strict";
  var api = "/chat/api/messages";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("input");
  var status = document.getElementById("status");
  // The page's texts come from the server, in the city's words and the visitor's language.
  var texts = document.querySelector("main.chat").dataset;
  var lastSeen = 0;
  var shown = {};

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // One random session id per browser, kept in localStorage.
  var session = localStorage.getItem("amtsbote.session");
  if (!session || !/^[A-Za-z0-9_-]{16,64}$/.test(session)) {
    session = newId();
    localStorage.setItem("amtsbote.session", session);
  }
  lastSeen = Number(localStorage.getItem("amtsbote.lastSeen") || 0);

  // Safe Markdown subset: text is escaped first; **bold** and [title](https://…) links only.
  function render(markdown, element) {
    var escaped = markdown.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    escaped = escaped.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    escaped = escaped.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    element.innerHTML = escaped;
  }

  function add(kind, text, choices, id) {
    if (id && shown[id]) return;
    if (id) shown[id] = true;
    var item = document.createElement("li");
    item.className = kind;
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = kind === "me" ? texts.you : kind === "staff" ? texts.staff : texts.bot;
    var body = document.createElement("div");
    render(text, body);
    item.appendChild(who);
    item.appendChild(body);
    if (choices && choices.length) {
      var group = document.createElement("div");
      group.className = "choices";
      group.setAttribute("role", "group");
      choices.forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.title;
        button.addEventListener("click", function () { send(choice.title, choice.payload); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    if (id && id > lastSeen) {
      lastSeen = id;
      localStorage.setItem("amtsbote.lastSeen", String(lastSeen));
    }
  }

  function post(body, attempt) {
    return fetch(api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .catch(function (error) {
        // Same id again: the server answers a message only once.
        if (attempt < 3) return new Promise(function (r) { setTimeout(r, 1000 * (attempt + 1)); }).then(function () { return post(body, attempt + 1); });
        throw error;
      });
  }

  function send(text, payload) {
    add("me", text);
    status.textContent = texts.sending;
    var body = { session: session, id: newId(), text: text, language: texts.lang };
    if (payload) body.payload = payload;
    return post(body, 0).then(function (result) {
      status.textContent = result.queued ? texts.queued : "";
      (result.replies || []).forEach(function (reply) { add(reply.author, reply.text, reply.choices, reply.id); });
    }).catch(function () {
      status.textContent = texts.failed;
    });
  }

  function poll() {
    fetch(api + "?session=" + encodeURIComponent(session) + "&after=" + lastSeen)
      .then(function (response) { return response.ok ? response.json() : { messages: [] }; })
      .then(function (result) {
        (result.messages || []).forEach(function (m) { add(m.author, m.text, m.choices, m.id); });
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, document.hidden ? 15000 : 4000); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  poll();
})();
