// The desk's page: reads the story as JSON, shows it, and sends each change as a POST with the
// version of edits.toml it was made on. No library, nothing fetched from elsewhere.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
let state = null;
let busy = false;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function say(text) { document.getElementById("status").textContent = text; }

function problem(text) {
  const box = document.getElementById("problem");
  box.textContent = text || "";
  box.hidden = !text;
}

async function call(path, options) {
  const response = await fetch(path, {...options, headers: {"X-Desk-Token": token, ...(options || {}).headers}});
  const body = await response.json().catch(() => ({error: "een antwoord dat geen JSON is"}));
  if (!response.ok) throw Object.assign(new Error(body.error || response.statusText), {status: response.status});
  return body;
}

async function load() {
  try {
    show(await call("/api/state"));
  } catch (error) {
    problem("De tafel kon het verhaal niet laden: " + error.message);
  }
}

async function change(change, done) {
  if (busy) return;
  busy = true;
  say("Opslaan…");
  try {
    const next = await call("/api/change", {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({version: state.version, change}),
    });
    problem("");
    show(next);
    say(done);
  } catch (error) {
    say("");
    problem((error.status === 409 ? "Conflict: " : "Niet opgeslagen: ") + error.message);
    if (error.status === 409) await load();
  } finally {
    busy = false;
  }
}

function sentence(item) {
  return el("p", {}, item.before, item.phrase ? el("mark", {text: item.phrase}) : null, item.after);
}

function field(label, id, control) {
  return el("label", {class: "field", for: id}, label, control);
}

function eventCard(event, others) {
  const id = event.id;
  const chips = el("ul", {class: "chips"},
    event.edited ? el("li", {class: "mine", text: "bewerkt"}) : null,
    event.key ? el("li", {class: "mine", text: "kernmoment"}) : null,
    event.flags.map((flag) => el("li", {text: flag})));
  const tellings = event.tellings.map((t) => el("div", {class: "telling"}, sentence(t),
    el("p", {class: "why", text: t.source + (t.rule ? " · datum: " + t.rule : "")}),
    event.tellings.length > 1 ? el("button", {type: "button", "data-action": "split", "data-member": t.id,
      onclick: () => change({action: "split", id, member: t.id}, "Vertelling afgesplitst.")}, "Afsplitsen") : null));
  const merged = event.merged.map((other) => el("p", {class: "why"}, "Samengevoegd: " + other + " ",
    el("button", {type: "button", "data-action": "unmerge", onclick: () => change({action: "split", id, member: other},
      "Samenvoeging ongedaan.")}, "Weer los")));
  return el("article", {class: "event", id: "e-" + id, tabindex: "-1", "data-id": id, "aria-labelledby": "h-" + id},
    el("p", {class: "meta"}, el("strong", {text: event.label}), " · ", el("code", {text: event.value}), " · id ",
      el("code", {text: id})),
    el("h3", {id: "h-" + id, text: event.headline}), el("p", {class: "text", text: event.text}), chips,
    el("p", {class: "sources", text: "Bronnen: " + event.sources.join("; ")}), tellings, merged,
    actions(event, others));
}

function actions(event, others) {
  const id = event.id;
  const date = el("input", {id: "d-" + id, name: "phrase", autocomplete: "off", placeholder: "nu: " + event.phrase,
    "aria-describedby": "o-" + id});
  const output = el("output", {id: "o-" + id, for: "d-" + id, "aria-live": "polite"});
  let timer = null;
  date.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => preview(id, date.value, output), 120); });
  const redate = el("form", {"data-form": "date", onsubmit: (e) => {
    e.preventDefault();
    if (date.value.trim()) change({action: "date", id, phrase: date.value.trim()}, "Nieuwe datum opgeslagen.");
  }}, field("Nieuwe datum", "d-" + id, date), el("button", {type: "submit"}, "Datum opslaan"), output);
  const headline = el("input", {id: "k-" + id, name: "headline", value: event.headline});
  const text = el("textarea", {id: "t-" + id, name: "text"}, event.text);
  const rewrite = el("details", {class: "rewrite"}, el("summary", {}, "Kop of tekst herschrijven"),
    el("form", {"data-form": "rewrite", onsubmit: (e) => {
      e.preventDefault();
      const asked = {action: "rewrite", id};
      if (headline.value.trim() && headline.value.trim() !== event.headline) asked.headline = headline.value.trim();
      if (text.value.trim() && text.value.trim() !== event.text) asked.text = text.value.trim();
      if (asked.headline || asked.text) change(asked, "Nieuwe woorden opgeslagen.");
    }}, field("Kop", "k-" + id, headline), field("Tekst", "t-" + id, text), el("button", {type: "submit"}, "Kop en tekst opslaan")));
  const other = el("select", {id: "m-" + id, name: "other"}, el("option", {value: ""}, "kies een gebeurtenis"),
    others.filter((o) => o.id !== id).map((o) => el("option", {value: o.id}, o.label + ": " + o.headline.slice(0, 70))));
  const merge = el("form", {"data-form": "merge", onsubmit: (e) => {
    e.preventDefault();
    if (other.value) change({action: "merge", id, other: other.value}, "Samengevoegd.");
  }}, field("Voeg hierin samen", "m-" + id, other), el("button", {type: "submit"}, "Samenvoegen"));
  return el("div", {class: "actions"},
    el("button", {type: "button", class: "danger", "data-action": "drop", "aria-keyshortcuts": "d",
      onclick: () => change({action: "drop", id}, "Geschrapt.")}, "Schrappen"),
    el("button", {type: "button", "data-action": "key", "aria-pressed": String(event.key),
      onclick: () => change({action: "key", id, on: !event.key}, event.key ? "Geen kernmoment meer." : "Kernmoment.")},
      "Kernmoment"),
    redate, merge, rewrite);
}

async function preview(id, phrase, output) {
  if (!phrase.trim()) { output.textContent = ""; return; }
  try {
    const found = await call("/api/resolve?" + new URLSearchParams({id, phrase}));
    output.textContent = found.error ? found.error : "wordt: " + found.label;
    output.className = found.error ? "bad" : "";
  } catch (error) {
    output.textContent = error.message;
  }
}

function changeLine(item) {
  return el("li", {}, el("strong", {text: item.kind + ": "}), item.label + " — " + item.headline,
    item.fields.map((f) => el("div", {}, f.name + ": ", el("span", {class: "old", text: f.old}), " → ", el("span", {text: f.new}))));
}

function leftLine(item) {
  const line = el("li", {"data-id": item.id, "data-text": (item.before + item.phrase + item.after + " " + item.reason).toLowerCase()},
    sentence(item), el("p", {class: "why", text: item.source + " · waarom niet: " + item.reason}),
    el("button", {type: "button", "data-action": "add", onclick: () => change({action: "add", id: item.id},
      "Opgenomen als gebeurtenis.")}, "Opnemen als gebeurtenis"));
  return line;
}

function filterLeft() {
  const query = document.getElementById("search").value.toLowerCase().trim();
  for (const line of document.querySelectorAll("#left > li")) line.hidden = query !== "" && !line.dataset.text.includes(query);
}

function show(next) {
  const focused = document.activeElement && document.activeElement.closest(".event");
  const keep = focused ? focused.dataset.id : null;
  state = next;
  document.title = "Redactietafel: " + next.title;
  document.getElementById("title").textContent = "Redactietafel: " + next.title;
  document.getElementById("where").textContent = "Bewerkingen in " + next.edits + " · build in " + next.out;
  document.getElementById("count").textContent = "(" + next.events.length + ")";
  document.getElementById("undo").disabled = !next.can_undo;
  const changed = new Set(next.changes.map((c) => c.id));
  document.getElementById("events").replaceChildren(...next.events.map((e) => {
    const card = eventCard(e, next.events);
    if (changed.has(e.id)) card.classList.add("changed");
    return card;
  }));
  document.getElementById("dropped").replaceChildren(...next.dropped.map((d) => el("li", {"data-id": d.id},
    el("strong", {text: d.label}), " — " + d.headline + " ",
    el("button", {type: "button", "data-action": "restore", onclick: () => change({action: "restore", id: d.id},
      "Teruggezet.")}, "Terugzetten"))));
  document.getElementById("changes").replaceChildren(...(next.changes.length ? next.changes.map(changeLine)
    : [el("li", {text: next.acted ? "De laatste wijziging veranderde niets wat een lezer ziet."
      : "Nog niets veranderd in deze sessie."})]));
  document.getElementById("left-count").textContent = "(" + next.left.length + ")";
  document.getElementById("left").replaceChildren(...next.left.map(leftLine));
  filterLeft();
  const c = next.calendar;
  document.getElementById("calendar").textContent = "Agenda: " + c.entries + " items" +
    (c.busiest ? "; drukste dag " + c.busiest + " (" + c.busiest_count + ")" : "") +
    (next.warnings.length ? " · " + next.warnings.join(" · ") : "");
  reloadPreview();
  const target = keep && document.getElementById("e-" + keep);
  if (target) target.focus();
}

function reloadPreview() {
  const kind = document.getElementById("preview-kind").value;
  document.getElementById("preview").src = "/preview/" + kind + "?" + new URLSearchParams({token, v: state.version});
}

function moveFocus(step) {
  const cards = [...document.querySelectorAll(".event")];
  const at = cards.indexOf(document.activeElement && document.activeElement.closest(".event"));
  const next = cards[Math.max(0, Math.min(cards.length - 1, at + step))];
  if (next) next.focus();
}

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
  if (e.key === "j") moveFocus(1);
  else if (e.key === "k") moveFocus(-1);
  else if (e.key === "u" && state && state.can_undo) change({action: "undo"}, "Ongedaan gemaakt.");
  else if (e.key === "/") document.getElementById("search").focus();
  else if (e.key === "d" && document.activeElement.classList.contains("event")) {
    change({action: "drop", id: document.activeElement.dataset.id}, "Geschrapt.");
  } else return;
  e.preventDefault();
});

document.getElementById("undo").addEventListener("click", () => change({action: "undo"}, "Ongedaan gemaakt."));
document.getElementById("search").addEventListener("input", filterLeft);
document.getElementById("preview-kind").addEventListener("change", reloadPreview);
load();
