// Forum Desa sandbox page: a small Telegram client for the local emulator. Plain JS, no build.
"use strict";

const $ = (s) => document.querySelector(s);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "html") e.innerHTML = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k.nodeType ? k : document.createTextNode(String(k)));
  return e;
};
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const S = {
  meta: null,
  persona: null,
  chats: [],
  chatId: null,
  chat: null,
  messages: new Map(),
  replyTo: null,
  editing: null,
  keyboard: null,
  source: null,
  typingTimer: null,
  exercise: null,
  pending: new Map(), // callback query id → button element
  answered: new Set(),
};

const ZONE = "Asia/Jakarta";
const fmtTime = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: ZONE });
const fmtDay = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", timeZone: ZONE });
const fmtShort = new Intl.DateTimeFormat("id-ID", { day: "2-digit", month: "2-digit", timeZone: ZONE });
const fmtWeekday = new Intl.DateTimeFormat("id-ID", { weekday: "short", timeZone: ZONE });
const dayKey = (d) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(d);
const timeOf = (sec) => fmtTime.format(new Date(sec * 1000)).replace(":", ".");

const COLORS = ["#e17076", "#7bc862", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb", "#faa774", "#5c9bd6"];
const colorOf = (id) => COLORS[Math.abs(Number(id)) % COLORS.length];
const initials = (name) => name.replace(/[^\p{L}\p{N} ]/gu, "").split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join("") || "?";

// ------------------------------------------------------------------------------ api

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `Gagal (${res.status})`);
  return data;
}
const act = (name, body) => api(`/api/${name}`, { persona: S.persona.id, ...body });

// ------------------------------------------------------------------------------ start

async function boot() {
  S.meta = await api("/api/meta");
  const fromUrl = Number(new URLSearchParams(location.search).get("persona"));
  const saved = Number(localStorage.getItem("sim:persona"));
  const pick = S.meta.personas.find((p) => p.id === fromUrl) || S.meta.personas.find((p) => p.id === saved) || S.meta.personas[0];
  if (S.meta.mode === "fresh") {
    const n = $("#mode-note");
    n.hidden = false;
    n.textContent = "Mulai dari nol: belum ada forum. Pak Camat membuatnya dengan /forumbaru, lalu mengundang perangkat kampung dan menghubungkan grup.";
  }
  wireUi();
  await setPersona(pick.id, { keepChat: false });
  renderExercise(S.meta.exercise);
}

async function setPersona(id, { keepChat = true } = {}) {
  const p = S.meta.personas.find((x) => x.id === id);
  S.persona = p;
  localStorage.setItem("sim:persona", String(id));
  const av = $("#persona-avatar");
  av.textContent = initials(p.name);
  av.style.background = colorOf(p.id);
  $("#persona-name").textContent = p.name;
  $("#persona-role").textContent = p.label;
  connect();
  await loadChats();
  const still = keepChat && S.chats.find((c) => c.id === S.chatId);
  await openChat(still ? S.chatId : p.id, { show: !isPhone() || !!still });
  if (S.exercise) renderExercise(S.exercise);
}

function connect() {
  if (S.source) S.source.close();
  const es = new EventSource(`/api/events?persona=${S.persona.id}`);
  S.source = es;
  const on = (name, fn) => es.addEventListener(name, (e) => fn(JSON.parse(e.data)));
  on("msg", ({ chat, message, isNew }) => {
    if (chat === S.chatId) upsertMessage(message, isNew);
  });
  on("del", ({ chat, id }) => {
    if (chat !== S.chatId) return;
    S.messages.delete(id);
    document.querySelector(`[data-mid="${id}"]`)?.remove();
  });
  on("pin", ({ chat, pinned }) => chat === S.chatId && renderPinned(pinned));
  on("chats", () => scheduleChats());
  on("kbd", ({ chat, state }) => {
    if (chat !== S.chatId) return;
    S.keyboard = state;
    renderKeyboard();
  });
  on("typing", ({ chat }) => chat === S.chatId && showTyping());
  on("answered", ({ queryId, text, alert }) => {
    const b = S.pending.get(queryId);
    if (b) b.classList.remove("busy");
    else S.answered.add(queryId); // the answer came before the press's own reply
    S.pending.delete(queryId);
    if (text) alert ? showAlert(text) : toast(text);
  });
  on("apierror", ({ chat, method, description }) => {
    if (chat !== S.chatId) return;
    $("#messages").append(el("div", { class: "apierror" }, `⚠️ Telegram menolak ${method}: ${description}`));
    scrollDown(true);
  });
  on("exercise", (s) => renderExercise(s));
}

let chatsTimer = null;
function scheduleChats() {
  clearTimeout(chatsTimer);
  chatsTimer = setTimeout(loadChats, 120);
}

// ------------------------------------------------------------------------------ chat list

const readKey = (chat) => `sim:read:${S.persona.id}:${chat}`;

async function loadChats() {
  S.chats = await api(`/api/chats?persona=${S.persona.id}`);
  const ul = $("#chat-list");
  ul.replaceChildren(
    ...S.chats.map((c) => {
      const read = Number(localStorage.getItem(readKey(c.id)) || 0);
      const unread = c.id === S.chatId ? 0 : (c.unread || []).filter((id) => id > read).length;
      const prefix = c.last ? (c.last.own ? "Anda: " : c.type !== "private" && c.last.from ? `${c.last.from}: ` : "") : "";
      return el(
        "li",
        { class: `chat-item${c.id === S.chatId ? " active" : ""}`, "data-chat": c.id, onclick: () => openChat(c.id) },
        avatarFor(c),
        el(
          "div",
          { class: "ci-main" },
          el("div", { class: "ci-top" }, el("span", { class: "ci-title" }, c.title), el("span", { class: "ci-time" }, c.last ? shortWhen(c.last.date) : "")),
          el(
            "div",
            { class: "ci-bottom" },
            el("span", { class: "ci-sub" }, c.last ? prefix + c.last.text : c.type === "private" ? "Tekan untuk memulai" : ""),
            unread ? el("span", { class: "badge" }, unread > 99 ? "99+" : unread) : null,
          ),
        ),
      );
    }),
  );
}

function avatarFor(c, small) {
  const cls = `avatar${small ? " small" : ""}${c.type === "private" ? " bot" : " group"}`;
  const a = el("span", { class: cls }, c.type === "private" ? "🏛️" : initials(c.title.replace(/^Warga Kampung /, "")));
  if (c.type !== "private") a.style.background = colorOf(c.id);
  return a;
}

function shortWhen(sec) {
  const d = new Date(sec * 1000);
  const now = new Date();
  if (dayKey(d) === dayKey(now)) return timeOf(sec);
  if (now - d < 6 * 864e5) return fmtWeekday.format(d);
  return fmtShort.format(d).replace(/-/g, "/");
}

// ------------------------------------------------------------------------------ one chat

async function openChat(id, { show = true } = {}) {
  S.chatId = id;
  S.replyTo = null;
  S.editing = null;
  const data = await api(`/api/chat?persona=${S.persona.id}&chat=${id}`);
  if (S.chatId !== id) return;
  S.chat = data.chat;
  S.commands = data.commands || [];
  S.keyboard = data.keyboard;
  S.messages = new Map(data.messages.map((m) => [m.id, m]));
  const head = $("#chat-avatar");
  head.replaceWith(Object.assign(avatarFor(data.chat), { id: "chat-avatar" }));
  $("#chat-name").textContent = data.chat.title;
  setSub();
  renderMessages();
  renderPinned(data.pinned);
  renderKeyboard();
  renderComposeBar();
  renderBanner();
  const last = data.messages.at(-1);
  if (last) localStorage.setItem(readKey(id), String(last.id));
  if (show) setView("show-chat");
  document.querySelectorAll(".chat-item").forEach((li) => li.classList.toggle("active", Number(li.dataset.chat) === id));
  loadChats();
  if (!isPhone()) $("#input").focus();
}

function setSub(text, typing) {
  const sub = $("#chat-sub");
  sub.classList.toggle("typing", !!typing);
  if (text) return void (sub.textContent = text);
  const c = S.chat;
  sub.textContent = c.type === "private" ? "bot" : `${c.members} anggota${c.botIn ? "" : " · bot belum ada di grup"}`;
}

function showTyping() {
  setSub("mengetik…", true);
  clearTimeout(S.typingTimer);
  S.typingTimer = setTimeout(() => setSub(), 4000);
}

function renderBanner() {
  const b = $("#banner");
  const c = S.chat;
  $("#start-btn").hidden = !c.notStarted;
  $("#composer").hidden = c.notStarted;
  if (c.canAddBot) {
    b.hidden = false;
    b.replaceChildren(el("span", {}, "Forum Desa belum ada di grup ini."), el("button", { onclick: () => addBot() }, "➕ Tambahkan Forum Desa"));
  } else b.hidden = true;
  const mb = $("#menu-btn");
  mb.hidden = !(S.commands && S.commands.length);
  // Telegram: a "Menu" button in a bot's chat, a "/" button in groups.
  mb.textContent = c.type === "private" ? "☰ Menu" : "/";
  mb.classList.toggle("slash", c.type !== "private");
}

async function addBot(payload) {
  try {
    await act("addBot", { chat: S.chatId, payload });
    await openChat(S.chatId);
  } catch (e) {
    toast(e.message);
  }
}

function renderMessages() {
  const box = $("#messages");
  box.replaceChildren();
  const list = [...S.messages.values()].sort((a, b) => a.id - b.id);
  if (!list.length) box.append(el("div", { class: "empty-chat" }, S.chat.type === "private" ? "Belum ada pesan. Tekan MULAI." : "Belum ada pesan."));
  let lastDay = null;
  for (const m of list) {
    const k = dayKey(new Date(m.date * 1000));
    if (k !== lastDay) {
      box.append(dayLabel(m.date));
      lastDay = k;
    }
    box.append(renderMessage(m));
  }
  scrollDown(true);
}

function dayLabel(sec) {
  const d = new Date(sec * 1000);
  const today = dayKey(new Date());
  const yest = dayKey(new Date(Date.now() - 864e5));
  const k = dayKey(d);
  return el("div", { class: "day", "data-day": k }, k === today ? "Hari ini" : k === yest ? "Kemarin" : fmtDay.format(d));
}

function upsertMessage(m, isNew) {
  const had = S.messages.has(m.id);
  S.messages.set(m.id, m);
  const node = renderMessage(m);
  const old = document.querySelector(`[data-mid="${m.id}"]`);
  if (old) {
    const stick = nearBottom();
    old.replaceWith(node);
    scrollDown(stick);
    return;
  }
  const box = $("#messages");
  box.querySelector(".empty-chat")?.remove();
  const k = dayKey(new Date(m.date * 1000));
  if (!box.querySelector(`[data-day="${k}"]`)) box.append(dayLabel(m.date));
  // Keep order by id even if an older message arrives late.
  const after = [...box.querySelectorAll("[data-mid]")].find((n) => Number(n.dataset.mid) > m.id);
  if (after) box.insertBefore(node, after);
  else box.append(node);
  if (!had && (isNew || m.own)) {
    localStorage.setItem(readKey(S.chatId), String(m.id));
    if (!m.own && m.from?.bot) setSub();
    scrollDown(m.own || nearBottom());
  }
}

const nearBottom = () => {
  const b = $("#messages");
  return b.scrollHeight - b.scrollTop - b.clientHeight < 240;
};
function scrollDown(force) {
  const b = $("#messages");
  if (force) requestAnimationFrame(() => (b.scrollTop = b.scrollHeight));
}

function renderMessage(m) {
  if (m.service) return el("div", { class: "service", "data-mid": m.id }, m.service);
  const group = S.chat.type !== "private";
  const row = el("div", { class: `row${m.own ? " own" : ""}`, "data-mid": m.id });
  const onlyMedia = m.photo && !m.text;
  const bubble = el("div", { class: `bubble${onlyMedia ? " media-only" : ""}` });
  if (group && !m.own && m.from) {
    const s = el("div", { class: "sender" }, m.from.name);
    s.style.color = colorOf(m.from.id);
    if (m.from.bot) s.append(el("span", { class: "tag" }, "bot"));
    if (!onlyMedia) bubble.append(s);
  }
  if (m.forwardFrom) bubble.append(el("div", { class: "fwd" }, `Diteruskan dari ${m.forwardFrom}`));
  if (m.reply) bubble.append(el("div", { class: "quote", onclick: (e) => (e.stopPropagation(), jumpTo(m.reply.id)) }, el("b", {}, m.reply.name), el("span", {}, m.reply.text || "…")));
  if (m.photo) bubble.append(el("img", { class: "photo", src: `/file/${encodeURIComponent(m.photo.file)}`, alt: "Foto", loading: "lazy", width: 360, height: Math.round((360 * m.photo.height) / m.photo.width), onclick: (e) => (e.stopPropagation(), lightbox(e.target.src)) }));
  if (m.document) bubble.append(docView(m.document));
  if (m.media) bubble.append(el("div", { class: "text" }, `[${m.media.kind}${m.media.name ? ` · ${m.media.name}` : ""}]`));
  if (m.location) bubble.append(locView(m.location));
  if (m.contact) bubble.append(el("div", { class: "text" }, `👤 ${m.contact.name}\n${m.contact.phone}`));
  if (m.poll) bubble.append(pollView(m));
  const meta = el("span", { class: "meta" }, `${m.edited ? "diedit " : ""}${timeOf(m.date)}${m.own ? " ✓✓" : ""}`);
  if (m.text !== undefined) {
    const t = el("div", { class: "text", html: renderEntities(m.text, m.entities) });
    t.append(meta);
    bubble.append(t);
  } else bubble.append(meta);
  bubble.addEventListener("click", (e) => {
    if (e.target.closest("a, button, code, .spoiler, .cmd, .quote, img")) return;
    e.stopPropagation();
    messageMenu(m, e);
  });
  bubble.addEventListener("contextmenu", (e) => {
    e.preventDefault();
    e.stopPropagation();
    messageMenu(m, e);
  });
  row.append(bubble);
  if (m.keyboard) row.append(inlineKeyboard(m));
  return row;
}

function docView(d) {
  const ext = (d.name.split(".").pop() || "").toLowerCase();
  return el(
    "a",
    { class: "doc", href: `/file/${encodeURIComponent(d.file)}?download=1`, download: d.name, title: "Unduh" },
    el("span", { class: `doc-icon ${ext}` }, ext.toUpperCase().slice(0, 4) || "FILE"),
    el("span", {}, el("div", { class: "doc-name" }, d.name), el("div", { class: "doc-size" }, `${sizeOf(d.size)} · Unduh`)),
  );
}
const sizeOf = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1).replace(".", ",")} KB` : `${(n / 1048576).toFixed(1).replace(".", ",")} MB`);

function locView(l) {
  return el(
    "a",
    { class: "loc", href: `https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}#map=16/${l.latitude}/${l.longitude}`, target: "_blank", rel: "noopener" },
    el("span", { class: "pin" }, "📍"),
    el("span", { class: "coords" }, l.title ? `${l.title} · ` : "", `${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}`),
  );
}

function pollView(m) {
  const p = m.poll;
  const voted = p.mine.length > 0;
  const showResults = voted || p.closed;
  const box = el("div", { class: `poll${p.multiple ? " multi" : ""}` }, el("h4", {}, p.question), el("div", { class: "kind" }, `${p.closed ? "Hasil akhir" : p.anonymous ? "Jajak pendapat anonim" : "Jajak pendapat"}${p.multiple ? " · boleh lebih dari satu" : ""}`));
  const picked = new Set();
  p.options.forEach((o, i) => {
    const pct = p.total ? Math.round((o.count / p.total) * 100) : 0;
    const mine = p.mine.includes(i);
    const line = el("span", { class: "line" });
    if (showResults) line.append(el("span", { class: "pct" }, `${pct}%`), el("span", { class: mine ? "chosen" : "" }, `${mine ? "✓ " : ""}${o.text}`));
    else line.append(el("span", { class: "radio" }), el("span", {}, o.text));
    const btn = el("button", { class: "opt", type: "button", disabled: showResults || undefined }, line, showResults ? barOf(pct) : null);
    if (!showResults)
      btn.addEventListener("click", () => {
        if (!p.multiple) return vote(m, [i]);
        picked.has(i) ? picked.delete(i) : picked.add(i);
        btn.querySelector(".radio").classList.toggle("on", picked.has(i));
      });
    box.append(btn);
  });
  const foot = el("div", { class: "foot" }, el("span", {}, `${p.total} suara`));
  if (!p.closed && voted) foot.append(el("button", { type: "button", onclick: () => vote(m, []) }, "Tarik suara"));
  if (!showResults && p.multiple) foot.append(el("button", { type: "button", onclick: () => picked.size && vote(m, [...picked]) }, "Kirim suara"));
  box.append(foot);
  return box;
}
function barOf(pct) {
  const b = el("div", { class: "bar" });
  b.style.width = `calc(${pct}% - ${(pct / 100) * 54}px)`;
  return b;
}
async function vote(m, options) {
  try {
    await act("vote", { chat: S.chatId, message: m.id, options });
  } catch (e) {
    toast(e.message);
  }
}

function inlineKeyboard(m) {
  const box = el("div", { class: "ikb" });
  for (const row of m.keyboard) {
    const r = el("div", { class: "ikb-row" });
    for (const b of row) {
      const btn = el("button", { type: "button", class: b.kind === "url" ? "url" : "", title: b.text }, b.text);
      btn.addEventListener("click", () => pressButton(m, b, btn));
      r.append(btn);
    }
    box.append(r);
  }
  return box;
}

async function pressButton(m, b, btn) {
  if (b.kind === "url") return openLink(b.url);
  if (b.kind === "copy") return copy(b.copy);
  if (b.kind !== "callback") return toast("Tombol ini tidak tersedia di sandbox.");
  btn.classList.add("busy");
  try {
    const r = await act("press", { chat: S.chatId, message: m.id, data: b.data });
    if (S.answered.delete(r.queryId)) return void btn.classList.remove("busy");
    S.pending.set(r.queryId, btn);
    setTimeout(() => btn.classList.remove("busy"), 8000);
  } catch (e) {
    btn.classList.remove("busy");
    toast(e.message);
  }
}

function renderPinned(p) {
  const box = $("#pinned");
  if (!p) return void (box.hidden = true);
  box.hidden = false;
  $("#pinned-text").textContent = p.text;
  box.onclick = () => jumpTo(p.id);
}

function jumpTo(id) {
  const n = document.querySelector(`[data-mid="${id}"]`);
  if (!n) return toast("Pesan itu sudah tidak ada.");
  n.scrollIntoView({ block: "center", behavior: "smooth" });
  n.classList.remove("flash");
  void n.offsetWidth;
  n.classList.add("flash");
}

// ------------------------------------------------------------------------------ entities

const BLOCKS = new Set(["blockquote", "expandable_blockquote", "pre"]);
function renderEntities(text, entities) {
  const list = (entities || []).slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  const build = (start, end, ents) => {
    let out = "";
    let pos = start;
    let i = 0;
    while (i < ents.length) {
      const e = ents[i];
      if (e.offset < pos) {
        i++;
        continue;
      }
      const eEnd = Math.min(e.offset + e.length, end);
      out += esc(text.slice(pos, e.offset));
      const inner = [];
      let j = i + 1;
      while (j < ents.length && ents[j].offset < eEnd) {
        if (ents[j].offset + ents[j].length <= eEnd) inner.push(ents[j]);
        j++;
      }
      out += wrap(e, build(e.offset, eEnd, inner), text.slice(e.offset, eEnd));
      pos = eEnd;
      // A block (quote, code block) already ends its line: the newline after it is not drawn twice.
      if (BLOCKS.has(e.type) && text[pos] === "\n") pos++;
      i = j;
    }
    return out + esc(text.slice(pos, end));
  };
  return build(0, text.length, list);
}

function wrap(e, inner, raw) {
  switch (e.type) {
    case "bold": return `<b>${inner}</b>`;
    case "italic": return `<i>${inner}</i>`;
    case "underline": return `<u>${inner}</u>`;
    case "strikethrough": return `<s>${inner}</s>`;
    case "spoiler": return `<span class="spoiler">${inner}</span>`;
    case "code": return `<code title="Salin">${inner}</code>`;
    case "pre": return `<pre>${inner.replace(/\n$/, "")}</pre>`;
    case "blockquote":
    case "expandable_blockquote": return `<blockquote>${inner.replace(/\n$/, "")}</blockquote>`;
    case "text_link": return `<a href="${esc(e.url)}" data-link>${inner}</a>`;
    case "url": return `<a href="${esc(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`)}" data-link>${inner}</a>`;
    case "email": return `<a href="mailto:${esc(raw)}">${inner}</a>`;
    case "bot_command": return `<span class="cmd" data-cmd="${esc(raw)}">${inner}</span>`;
    case "mention":
    case "text_mention": return `<span class="mention">${inner}</span>`;
    case "hashtag":
    case "cashtag": return `<span class="hashtag">${inner}</span>`;
    default: return inner;
  }
}

function onTextClick(e) {
  const a = e.target.closest("a[data-link]");
  if (a) {
    e.preventDefault();
    return openLink(a.getAttribute("href"));
  }
  const cmd = e.target.closest(".cmd");
  if (cmd) return sendText(cmd.dataset.cmd);
  const code = e.target.closest(".text code");
  if (code) return copy(code.textContent);
  const sp = e.target.closest(".spoiler");
  if (sp) sp.classList.add("open");
}

// ------------------------------------------------------------------------------ links

function openLink(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return toast("Tautan tidak sah.");
  }
  const bot = S.meta.bot.username.toLowerCase();
  let target = null;
  let params = u.searchParams;
  if (/^(www\.)?(t\.me|telegram\.me)$/i.test(u.hostname)) target = u.pathname.split("/")[1] || "";
  if (u.protocol === "tg:") target = u.searchParams.get("domain") || "";
  if (target === null) return void window.open(url, "_blank", "noopener");
  if (target.toLowerCase() !== bot) return toast("Di sandbox hanya ada bot Forum Desa; tautan Telegram lain tidak dapat dibuka.");
  if (params.has("startgroup")) return chooseGroupFor(params.get("startgroup"));
  return (async () => {
    try {
      await act("start", { payload: params.get("start") || "" });
      await openChat(S.persona.id);
    } catch (e) {
      toast(e.message);
    }
  })();
}

function chooseGroupFor(payload) {
  const groups = S.chats.filter((c) => c.type !== "private");
  if (!groups.length) return toast("Persona ini belum berada di grup mana pun.");
  const choices = el("div", { class: "choices" }, ...groups.map((g) => el("button", { type: "button", onclick: async () => { closeModal(); await openChat(g.id); if (g.botIn) await sendText(`/start@${S.meta.bot.username} ${payload}`); else await addBot(payload); } }, g.title)));
  modal(el("div", {}, el("h3", {}, "Tambahkan ke grup"), choices), [{ text: "Batal" }]);
}

// ------------------------------------------------------------------------------ composing

async function sendText(text) {
  if (!text.trim()) return;
  try {
    if (S.editing) {
      await act("edit", { chat: S.chatId, message: S.editing.id, text });
    } else {
      await act("send", { chat: S.chatId, text, replyTo: S.replyTo?.id });
    }
    S.replyTo = null;
    S.editing = null;
    renderComposeBar();
    if (S.keyboard?.oneTime) {
      S.keyboard = null;
      renderKeyboard();
    }
  } catch (e) {
    toast(e.message);
  }
}

function renderComposeBar() {
  const bar = $("#compose-bar");
  const m = S.editing || S.replyTo;
  if (!m) return void (bar.hidden = true);
  bar.hidden = false;
  $("#cb-icon").textContent = S.editing ? "✏️" : "↩️";
  $("#cb-title").textContent = S.editing ? "Mengedit pesan" : `Membalas ${m.from?.name ?? ""}`;
  $("#cb-snippet").textContent = (m.text ?? (m.photo ? "🖼️ Foto" : "")).slice(0, 120);
}

function renderKeyboard() {
  const box = $("#reply-kbd");
  const k = S.keyboard;
  if (k?.forceReply && !S.replyTo && S.messages.has(k.forceReply)) {
    S.replyTo = S.messages.get(k.forceReply);
    renderComposeBar();
  }
  $("#input").placeholder = k?.placeholder || "Tulis pesan…";
  if (!k?.keyboard) return void (box.hidden = true);
  box.hidden = false;
  box.replaceChildren(
    ...k.keyboard.map((row) =>
      el("div", { class: "rk-row" }, ...row.map((b) => el("button", { type: "button", onclick: () => (b.request_location ? askLocation() : sendText(b.text)) }, b.text))),
    ),
  );
}

function messageMenu(m, e) {
  const menu = $("#ctx-menu");
  const items = [el("button", { type: "button", onclick: () => { S.replyTo = m; S.editing = null; renderComposeBar(); $("#input").focus(); } }, "↩️ Balas")];
  if (m.own && m.text !== undefined && !m.poll) items.push(el("button", { type: "button", onclick: () => { S.editing = m; S.replyTo = null; $("#input").value = m.text; renderComposeBar(); autosize(); $("#input").focus(); } }, "✏️ Edit"));
  if (m.text) items.push(el("button", { type: "button", onclick: () => copy(m.text) }, "📋 Salin teks"));
  menu.replaceChildren(...items);
  menu.hidden = false;
  const x = Math.min(e.clientX, window.innerWidth - 200);
  const y = Math.min(e.clientY, window.innerHeight - 150);
  menu.style.left = `${x}px`;
  menu.style.top = `${y}px`;
  menu.style.position = "fixed";
}

function askLocation() {
  const home = { Sukanegara: [-5.0861, 104.9567], Sidomulyo: [-5.0712, 104.9921], Bangunrejo: [-5.0583, 105.0047], "Tanjung Pandan": [-5.0426, 104.9718], "Mekar Jaya": [-5.1012, 104.9835] };
  const [lat, lon] = home[S.persona.kampung] || [-5.0583, 105.0047];
  const jitter = () => (Math.random() - 0.5) * 0.004;
  const latIn = el("input", { type: "number", step: "0.00001", value: (lat + jitter()).toFixed(5) });
  const lonIn = el("input", { type: "number", step: "0.00001", value: (lon + jitter()).toFixed(5) });
  modal(
    el("div", {}, el("h3", {}, "📍 Kirim lokasi"), el("div", { class: "doc-size" }, "Titik contoh di sekitar kampung persona; ubah bila perlu."), el("label", {}, "Lintang (latitude)"), latIn, el("label", {}, "Bujur (longitude)"), lonIn),
    [
      { text: "Batal" },
      {
        text: "Kirim",
        primary: true,
        run: async () => {
          try {
            await act("location", { chat: S.chatId, latitude: Number(latIn.value), longitude: Number(lonIn.value), replyTo: S.replyTo?.id });
            S.replyTo = null;
            renderComposeBar();
          } catch (e) {
            toast(e.message);
          }
        },
      },
    ],
  );
}

async function sendPhoto(file) {
  try {
    const data = await shrink(file);
    const caption = $("#input").value.trim();
    await act("photo", { chat: S.chatId, data, caption: caption || undefined, replyTo: S.replyTo?.id });
    $("#input").value = "";
    autosize();
    S.replyTo = null;
    renderComposeBar();
  } catch (e) {
    toast(e.message || "Foto gagal dikirim.");
  }
}

/** Like the Telegram app: photos are sent at most 1280 px wide, as JPEG. */
function shrink(file) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, 1280 / Math.max(img.width, img.height));
      const c = document.createElement("canvas");
      c.width = Math.round(img.width * scale);
      c.height = Math.round(img.height * scale);
      c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
      URL.revokeObjectURL(img.src);
      resolve(c.toDataURL("image/jpeg", 0.85).split(",")[1]);
    };
    img.onerror = () => reject(new Error("Berkas itu bukan gambar."));
    img.src = URL.createObjectURL(file);
  });
}

function autosize() {
  const t = $("#input");
  t.style.height = "auto";
  t.style.height = `${Math.min(t.scrollHeight, 140)}px`;
}

// ------------------------------------------------------------------------------ latihan

function setLatihanOpen(open) {
  $("#latihan").hidden = !open;
  $("#app").classList.toggle("with-latihan", open);
}

async function showLatihan(open = true) {
  setLatihanOpen(open);
  if (open && !S.exercise) await renderExerciseList();
}

async function renderExerciseList() {
  const body = $("#latihan-body");
  body.replaceChildren(el("p", { class: "doc-size" }, "Memuat…"));
  const { list } = await api("/api/exercises");
  const name = (id) => S.meta.personas.find((p) => p.id === id)?.label ?? "";
  body.replaceChildren(
    el("p", { style: "margin-top:0;color:#444;font-size:14px" }, "Pilih latihan. Langkah-langkahnya dicentang otomatis ketika bot benar-benar melakukannya di chat."),
    ...list.map((x) =>
      el(
        "div",
        { class: "ex-card" },
        el("h4", {}, x.title),
        el("p", {}, x.summary),
        el("div", { class: "who" }, `Sebagai: ${name(x.persona)}`),
        x.unavailable ? el("div", { class: "na" }, x.unavailable) : el("button", { class: "ex-start", type: "button", onclick: () => startExercise(x.id) }, "Mulai latihan"),
      ),
    ),
  );
}

async function startExercise(id) {
  try {
    const s = await api("/api/exerciseStart", { id });
    if (s.unavailable) return toast(s.unavailable);
    renderExercise(s);
    if (S.persona.id !== s.persona) await setPersona(s.persona, { keepChat: false });
    else await openChat(S.persona.id);
    if (isPhone()) setLatihanOpen(false);
  } catch (e) {
    toast(e.message);
  }
}

function renderExercise(s) {
  const prev = S.exercise;
  S.exercise = s;
  $("#latihan-btn").classList.toggle("running", !!s);
  if (!s) {
    if (prev && !$("#latihan").hidden) renderExerciseList();
    return;
  }
  const done = s.steps.filter((x) => x.done).length;
  // A tick while the panel is closed (on a phone) is announced where the trainee is looking.
  if (prev?.id === s.id && $("#latihan").hidden) {
    s.steps.forEach((st, i) => {
      if (st.done && !prev.steps[i]?.done) toast(`✅ Latihan: ${st.text}`);
    });
  }
  $("#latihan-btn").querySelector(".lbl").textContent = s.finished ? "Latihan ✓" : `Latihan ${done}/${s.steps.length}`;
  const next = s.steps.findIndex((x) => !x.done);
  const body = $("#latihan-body");
  const progress = el("div", { class: "ex-progress" }, el("div", {}));
  progress.firstChild.style.width = `${(done / s.steps.length) * 100}%`;
  body.replaceChildren(
    el("div", { class: "ex-card" }, el("h4", {}, s.title), el("p", {}, s.summary), progress),
    el(
      "ol",
      { class: "steps" },
      ...s.steps.map((st, i) => {
        const who = S.meta.personas.find((p) => p.id === st.persona);
        const li = el("li", { class: `step${st.done ? " done" : ""}${i === next ? " next" : ""}`, "data-step": i }, el("span", { class: "tick" }, st.done ? "✓" : i + 1));
        const txt = el("div", {}, el("span", { class: "st-text" }, st.text));
        const whoLine = el("span", { class: "st-who" }, `sebagai ${who?.label ?? ""}`);
        if (!st.done && who && who.id !== S.persona.id) whoLine.append(el("button", { type: "button", onclick: () => setPersona(who.id, { keepChat: false }) }, "Ganti persona"));
        txt.append(whoLine);
        li.append(txt);
        return li;
      }),
    ),
    ...(s.finished ? [el("div", { class: "ex-done" }, "🎉 Selesai! Semua langkah sudah dilakukan oleh bot.")] : []),
    el("button", { class: "ex-stop", type: "button", onclick: async () => { await api("/api/exerciseStop", {}); } }, s.finished ? "Tutup latihan" : "Akhiri latihan"),
  );
  if (prev?.id !== s.id && !isPhone()) setLatihanOpen(true);
}

// ------------------------------------------------------------------------------ small ui

let toastTimer = null;
function toast(text) {
  const t = $("#toast");
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), 2800);
}
function showAlert(text) {
  modal(el("div", {}, text), [{ text: "OK", primary: true }]);
}
function modal(content, buttons) {
  $("#modal-body").replaceChildren(content);
  $("#modal-actions").replaceChildren(
    ...buttons.map((b) => el("button", { type: "button", class: b.primary ? "primary" : "", onclick: async () => { closeModal(); if (b.run) await b.run(); } }, b.text)),
  );
  $("#modal").hidden = false;
}
const closeModal = () => ($("#modal").hidden = true);
function lightbox(src) {
  const lb = $("#lightbox");
  lb.querySelector("img").src = src;
  lb.hidden = false;
}
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast("Disalin.");
  } catch {
    toast(text);
  }
}
function setView(v) {
  const app = $("#app");
  app.classList.remove("show-chat", "show-list");
  app.classList.add(v);
}
const isPhone = () => window.matchMedia("(max-width: 760px)").matches;

function wireUi() {
  $("#composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const t = $("#input");
    const text = t.value;
    t.value = "";
    autosize();
    sendText(text);
  });
  $("#input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !isPhone()) {
      e.preventDefault();
      $("#composer").requestSubmit();
    }
    if (e.key === "Escape") {
      S.replyTo = null;
      S.editing = null;
      renderComposeBar();
    }
  });
  $("#input").addEventListener("input", autosize);
  $("#cb-close").addEventListener("click", () => {
    if (S.editing) $("#input").value = "";
    S.replyTo = null;
    S.editing = null;
    renderComposeBar();
  });
  $("#messages").addEventListener("click", onTextClick);
  $("#back-btn").addEventListener("click", () => {
    setView("show-list");
    loadChats();
  });
  $("#start-btn").addEventListener("click", async () => {
    try {
      await act("start", { payload: "" });
      await openChat(S.persona.id);
    } catch (e) {
      toast(e.message);
    }
  });
  $("#attach-btn").addEventListener("click", (e) => {
    e.stopPropagation();
    $("#attach-menu").hidden = !$("#attach-menu").hidden;
  });
  $("#attach-menu").addEventListener("click", (e) => {
    const kind = e.target.closest("[data-attach]")?.dataset.attach;
    $("#attach-menu").hidden = true;
    if (kind === "photo") $("#photo-input").click();
    if (kind === "location") askLocation();
  });
  $("#photo-input").addEventListener("change", (e) => {
    const f = e.target.files[0];
    e.target.value = "";
    if (f) sendPhoto(f);
  });
  $("#menu-btn").addEventListener("click", (e) => {
    e.stopPropagation();
    const pop = $("#cmd-menu");
    pop.replaceChildren(...S.commands.map((c) => el("button", { type: "button", onclick: () => { pop.hidden = true; sendText(`/${c.command}`); } }, el("b", {}, `/${c.command}`), el("span", {}, c.description))));
    pop.hidden = !pop.hidden;
  });
  $("#persona-btn").addEventListener("click", (e) => {
    e.stopPropagation();
    const menu = $("#persona-menu");
    menu.replaceChildren(
      ...S.meta.personas.map((p) => {
        const a = el("span", { class: "avatar small" }, initials(p.name));
        a.style.background = colorOf(p.id);
        return el("button", { type: "button", class: p.id === S.persona.id ? "current" : "", role: "option", onclick: () => { menu.hidden = true; setPersona(p.id); } }, a, el("span", {}, el("strong", {}, p.label), el("small", {}, p.name)));
      }),
    );
    menu.hidden = !menu.hidden;
    $("#persona-btn").setAttribute("aria-expanded", String(!menu.hidden));
  });
  $("#latihan-btn").addEventListener("click", () => showLatihan($("#latihan").hidden));
  $("#latihan-close").addEventListener("click", () => showLatihan(false));
  $("#lightbox").addEventListener("click", () => ($("#lightbox").hidden = true));
  $("#modal").addEventListener("click", (e) => e.target.id === "modal" && closeModal());
  document.addEventListener("click", (e) => {
    for (const id of ["#ctx-menu", "#attach-menu", "#cmd-menu", "#persona-menu"]) {
      const n = $(id);
      if (!n.hidden && !n.contains(e.target)) n.hidden = true;
    }
  });
}

boot().catch((e) => {
  document.body.prepend(el("div", { class: "apierror" }, `Sandbox tidak dapat dimuat: ${e.message}`));
});
