// The review page: lint an article through /api/lint, show its issues, apply the fixes the
// editor accepts. Offsets in textlint's report are code points, so the text is handled as an
// array of code points (Array.from), never by JavaScript's UTF-16 string indexes. Fixes are
// applied as textlint's fixer applies them (textlint/fixer.py): sorted, an overlapping or
// no-op fix skipped, the text checked again after each pass.
"use strict";

const MAX_PASSES = 10; // as textlint/fixer.py
const SAFETY = { safe: "correction sûre", unsafe: "correction à vérifier", suggestion: "suggestion" };
const token = new URLSearchParams(window.location.search).get("token");

const state = { text: "", name: "article.txt", report: null, refused: [], history: [], selected: null };
const $ = (id) => document.getElementById(id);

// Marks the page busy while an action runs (for people: the cursor; for tests: the attribute).
function action(work) {
  return async (...args) => {
    document.body.dataset.state = "busy";
    try {
      await work(...args);
    } finally {
      document.body.dataset.state = "ready";
    }
  };
}

function say(message) {
  $("status").textContent = message;
}

async function lint(text) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch("/api/lint", {
    method: "POST",
    headers,
    body: JSON.stringify({ text, name: state.name }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || `HTTP ${response.status}`);
  return answer;
}

async function check(text, name) {
  state.name = name;
  state.history = [];
  state.refused = [];
  await show(text);
  $("review-title").scrollIntoView();
}

async function show(text) {
  say("Vérification…");
  try {
    state.report = await lint(text);
  } catch (error) {
    say(`La vérification a échoué : ${error.message}`);
    return;
  }
  state.text = text;
  state.selected = null;
  render();
  const count = visibleIssues().length;
  say(count ? `${count} problème(s) à revoir.` : "Aucun problème à revoir.");
}

function issues() {
  return state.report.file.issues;
}

function isRefused(issue) {
  return state.refused.some(
    (r) => r.rule === issue.rule && r.offset === issue.offset && r.length === issue.length,
  );
}

function visibleIssues() {
  return issues().filter((issue) => !isRefused(issue));
}

// --- drawing ------------------------------------------------------------------------------

function render() {
  const file = state.report.file;
  $("review").hidden = false;
  $("name").textContent = state.name;
  const summary = file.summary;
  $("score").textContent =
    `Score de traduction automatique : ${summary.artifacts_per_1000_words} artefacts pour 1 000 mots ` +
    `(${summary.artifacts} sur ${summary.words} mots)`;
  const counts = new Map();
  for (const issue of visibleIssues()) counts.set(issue.category, (counts.get(issue.category) || 0) + 1);
  const list = $("summary");
  list.replaceChildren();
  for (const [category, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch c-${category}`;
    item.append(swatch, ` ${state.report.categories[category] || category} : ${count}`);
    list.append(item);
  }
  drawText();
  $("undo").disabled = state.history.length === 0;
  showDetail();
}

// Every boundary splits the text; each stretch lists the issues covering it (as the HTML
// report does), so an issue is the union of its stretches and an insertion point an empty mark.
function drawText() {
  const chars = Array.from(state.text);
  const all = issues();
  const bounds = [...new Set([0, chars.length, ...all.flatMap((i) => [i.offset, i.offset + i.length])])];
  bounds.sort((a, b) => a - b);
  const pre = $("text");
  pre.replaceChildren();
  bounds.forEach((left, k) => {
    const inserts = all.map((issue, n) => n).filter((n) => all[n].length === 0 && all[n].offset === left);
    if (inserts.length) pre.append(mark("", inserts, true));
    if (k + 1 === bounds.length) return;
    const right = bounds[k + 1];
    const covering = all
      .map((issue, n) => n)
      .filter((n) => all[n].length > 0 && all[n].offset <= left && all[n].offset + all[n].length >= right);
    const piece = chars.slice(left, right).join("");
    pre.append(covering.length ? mark(piece, covering, false) : document.createTextNode(piece));
  });
}

function mark(piece, numbers, insert) {
  const element = document.createElement("mark");
  const first = issues()[numbers[0]];
  const live = numbers.filter((n) => !isRefused(issues()[n]));
  element.className = `issue c-${first.category}${insert ? " insert" : ""}${live.length ? "" : " refused"}`;
  if (numbers.includes(state.selected)) element.classList.add("selected");
  element.dataset.issues = numbers.join(" ");
  element.tabIndex = 0;
  element.setAttribute("role", "button");
  element.setAttribute("aria-label", numbers.map((n) => issues()[n].message).join(" ; "));
  element.textContent = piece;
  const choose = () => {
    // Choosing the same stretch again moves to the next issue covering it.
    const at = numbers.indexOf(state.selected);
    state.selected = numbers[(at + 1) % numbers.length];
    drawText();
    showDetail();
    document.querySelector(`#text mark[data-issues="${numbers.join(" ")}"]`)?.focus();
  };
  element.addEventListener("click", choose);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose();
    }
  });
  return element;
}

function showDetail() {
  const pane = $("detail");
  const issue = state.selected === null ? null : issues()[state.selected];
  if (!issue) {
    pane.replaceChildren(paragraph("Choisissez un passage surligné (clic, ou Tab puis Entrée)."));
    return;
  }
  const rule = document.createElement("p");
  const code = document.createElement("code");
  code.textContent = issue.rule;
  rule.append(code, ` — ${state.report.categories[issue.category] || issue.category}`);
  const summary = state.report.rules[issue.rule]?.summary;
  pane.replaceChildren(rule, paragraph(issue.message));
  if (summary) pane.append(paragraph(summary));
  const replacement = proposed(issue);
  if (isRefused(issue)) {
    pane.append(paragraph("Correction refusée."));
  } else if (replacement !== null) {
    const fix = paragraph("Correction proposée : ");
    const shown = document.createElement("span");
    shown.className = "fix";
    shown.textContent = replacement === "" ? "(supprimer)" : replacement;
    fix.append(shown, ` (${SAFETY[issue.fix ? issue.fix.safety : "suggestion"]})`);
    pane.append(
      fix,
      button("Accepter", "accept", action(() => accept(issue))),
      button("Refuser", "refuse", action(() => refuse(issue))),
    );
  } else {
    pane.append(paragraph("Pas de correction automatique."));
    // Rewrites to adapt by hand (a verb to conjugate): shown, never applied.
    if (issue.hints && issue.hints.length) {
      pane.append(paragraph(`À adapter : ${issue.hints.map((hint) => `« ${hint} »`).join(", ")}`));
    }
    pane.append(button("Ignorer", "refuse", action(() => refuse(issue))));
  }
}

function proposed(issue) {
  if (issue.fix) return issue.fix.replacement;
  return issue.suggestions.length ? issue.suggestions[0] : null;
}

function paragraph(text) {
  const element = document.createElement("p");
  element.textContent = text;
  return element;
}

function button(label, id, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.id = id;
  element.textContent = label;
  element.addEventListener("click", action);
  return element;
}

// --- editing ------------------------------------------------------------------------------

function remember() {
  state.history.push({ text: state.text, report: state.report, refused: state.refused.slice() });
}

function replaced(chars, start, end, replacement) {
  return [...chars.slice(0, start), ...Array.from(replacement), ...chars.slice(end)];
}

// Refusals after an edit move with the text; those it touched are forgotten.
function shiftRefusals(start, end, delta) {
  state.refused = state.refused
    .filter((r) => r.offset + r.length <= start || r.offset >= end)
    .map((r) => (r.offset >= end ? { ...r, offset: r.offset + delta } : r));
}

async function accept(issue) {
  const replacement = proposed(issue);
  remember();
  const chars = Array.from(state.text);
  const end = issue.offset + issue.length;
  shiftRefusals(issue.offset, end, Array.from(replacement).length - issue.length);
  await show(replaced(chars, issue.offset, end, replacement).join(""));
}

function refuse(issue) {
  remember();
  state.refused.push({ rule: issue.rule, offset: issue.offset, length: issue.length });
  render();
  say(`Correction refusée : ${issue.rule}.`);
}

// One pass of textlint's fixer over the safe fixes not refused: the edits applied, or none.
function applyOnce(chars) {
  const chosen = visibleIssues()
    .filter((issue) => issue.fix && issue.fix.safety === "safe")
    .sort((a, b) => a.offset - b.offset || a.length - b.length || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const parts = [];
  const edits = [];
  let cursor = 0;
  let lastInsert = -1;
  for (const issue of chosen) {
    const start = issue.offset;
    const end = start + issue.length;
    if (start < cursor || (start === end && start === lastInsert)) continue;
    if (chars.slice(start, end).join("") === issue.fix.replacement) continue;
    parts.push(...chars.slice(cursor, start), ...Array.from(issue.fix.replacement));
    edits.push(issue);
    cursor = end;
    lastInsert = start === end ? start : -1;
  }
  parts.push(...chars.slice(cursor));
  return { chars: parts, edits };
}

async function applySafe() {
  remember();
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const { chars, edits } = applyOnce(Array.from(state.text));
    if (!edits.length) break;
    applied += edits.length;
    for (const issue of edits.slice().reverse()) {
      shiftRefusals(issue.offset, issue.offset + issue.length, Array.from(issue.fix.replacement).length - issue.length);
    }
    await show(chars.join(""));
  }
  say(`${applied} correction(s) sûre(s) appliquée(s).`);
}

async function undo() {
  const previous = state.history.pop();
  if (!previous) return;
  Object.assign(state, previous, { selected: null });
  render();
  say("Dernière modification annulée.");
}

function download() {
  const blob = new Blob([state.text], { type: "text/plain;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = state.name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

// --- wiring -------------------------------------------------------------------------------

$("file").addEventListener(
  "change",
  action(async (event) => {
    const file = event.target.files[0];
    if (file) await check(await file.text(), file.name);
  }),
);
$("check").addEventListener("click", action(() => check($("paste").value, "article.txt")));
$("apply-safe").addEventListener("click", action(applySafe));
$("undo").addEventListener("click", action(undo));
$("download").addEventListener("click", download);
