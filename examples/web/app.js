// The example page: reads a record with the oewg package (WebAssembly, in
// this browser) and shows the session. Every piece of source text goes
// into the page through textContent, never as markup.

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const PAGE = 100; // statements shown at a time
const BUSY_BYTES = 2_000_000; // a file this large says it is being read before the parse
const CONTEXT = 6; // source lines shown around a statement
const ANOMALIES = 30; // anomalies listed before "Show all"
const PROPOSALS = 12; // proposals listed before "Show all"
// A file longer than this many characters is not copied into the
// textarea: a browser's textarea slows to a crawl with tens of megabytes.
const TEXTAREA_MAX = 2_000_000;
const PKG = "../../oewg-wasm/pkg/index.js";
const LAYOUTS = {
  verbatim: "Verbatim transcript",
  report: "AI session report",
  turns: "Speaker: text turns",
  asr: "Speech-recognition transcript",
  markdown: "Markdown transcript",
  pv: "Official verbatim record (PV)",
};
const ROLES = ["chair", "delegation", "group", "observer", "organization", "stakeholder", "unknown"];

// source: the text on show and where it came from ({ text, name,
// inTextarea }); target: the statement an analysis link went to, and
// back: that link.
const state = { oewg: null, session: null, text: "", lines: [], shown: PAGE, source: null, target: null, back: null };

/** An element with text content and attributes; children appended. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const fmt = (n) => n.toLocaleString("en");
const count = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
const pct = (share) => `${(share * 100).toFixed(1)}%`;
const label = (snake) => snake.replaceAll("_", " ");
const REGIONAL = {
  african: "African States",
  asia_pacific: "Asia-Pacific States",
  eastern_european: "Eastern European States",
  latin_american_caribbean: "Latin American and Caribbean States",
  western_european_others: "Western European and other States",
};
const lineRange = (a, b) => (a === b ? `line ${a}` : `lines ${a}–${b}`);
const mmss = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

function setStatus(message) {
  $("status").textContent = message;
}

/**
 * Shows why a record could not be read. `file`: the bytes and name of a
 * file that is not UTF-8, offered to be read as Windows-1252.
 */
function showError(err, file = null) {
  const box = $("error");
  box.replaceChildren();
  if (err instanceof state.oewg.ParseError) {
    // A PDF or an office document is no text in any encoding: it is said
    // what it is, and no other reading is offered.
    const looks = err.kind === "invalid_utf8" && file ? state.oewg.notText(file.bytes) : null;
    if (looks === "pdf" || looks === "zip") file = null;
    box.append(
      el("p", { class: "error-where", text: `Line ${err.line}, column ${err.column}` }),
      el("p", {
        text:
          err.kind === "empty"
            ? "The record is empty."
            : looks === "pdf"
              ? "The file is a PDF, not text: extract its text first (for example with pdftotext -layout, or by saving it as text from a PDF reader) and open the .txt."
            : looks === "zip"
              ? "The file is a Word, OpenDocument or other office document, not text: save it as plain text (UTF-8) and open that."
            : err.kind === "invalid_utf8"
              ? `The file is not UTF-8 text (byte ${err.offset}): save it as UTF-8 and open it again.`
              : // "found" may end with its own "…": no second stop after it.
                `Expected ${err.expected}, found ${err.found}${/[.…]$/.test(err.found) ? "" : "."}`,
      }),
    );
    if (err.kind === "invalid_utf8" && file) {
      // Records exported on Windows are often Windows-1252, where every
      // byte is a character: reading one as that is a guess the reader
      // makes, not the package.
      const retry = el("button", { type: "button", id: "as-1252", text: "Read it as Windows-1252 (Western European)" });
      retry.addEventListener("click", () => {
        const text = new TextDecoder("windows-1252").decode(file.bytes);
        show(text, `${file.name} (read as Windows-1252)`);
        // The button went with the error box: the focus goes on, to what
        // was read, or to the new error.
        if (!$("results").hidden) $("results").focus();
        else if (!$("error").hidden) $("error").focus();
      });
      box.append(el("p", { class: "error-retry" }, "Or, if it was saved on Windows: ", retry));
    }
    const line = state.lines[err.line - 1];
    // An empty record has no line to show.
    if (err.kind !== "empty" && line !== undefined && (line.trim() !== "" || err.found === "end of input")) {
      const chars = Array.from(line); // the column counts characters, not UTF-16 units
      const shown = chars.length > 200 ? `${chars.slice(0, 200).join("")}…` : line;
      // The caret's indent is the line's own characters before the column,
      // tabs kept as tabs and the rest made spaces, so it lines up under
      // tab-indented text as well.
      const indent = chars
        .slice(0, Math.min(err.column - 1, 200))
        .map((c) => (c === "\t" ? "\t" : " "))
        .join("");
      box.append(
        el("pre", { class: "error-line" }, el("span", { class: "ln", text: `${err.line} ` }), shown),
        el("pre", { class: "error-line caret", "aria-hidden": "true", text: `${" ".repeat(String(err.line).length + 1)}${indent}^` }),
      );
    }
  } else {
    box.append(el("p", { class: "error-where", text: "The record could not be read" }), el("p", { text: String(err?.message ?? err) }));
  }
  // A layout chosen by hand may be why: say so, and how to undo it.
  const forced = $("format");
  if (forced.value && err instanceof state.oewg.ParseError && err.kind !== "empty" && err.kind !== "invalid_utf8") {
    const name = forced.selectedOptions[0].textContent;
    box.append(el("p", { class: "error-forced", text: `It was read in the layout chosen, ${name}: set Layout to Detect to let the reader choose.` }));
  }
  box.hidden = false;
  $("results").hidden = true;
  setStatus("The record could not be read: see the message below.");
}

/**
 * Puts a file's text in the textarea, so that what is there is what the
 * results show, and reads it. A text too long for the textarea is read
 * from memory, and the textarea says so.
 */
function show(text, name, kind = "file") {
  const area = $("text");
  const inTextarea = text.length <= TEXTAREA_MAX;
  area.value = inTextarea ? text : "";
  area.placeholder = inTextarea
    ? area.dataset.placeholder
    : `${name} (${fmt(Math.round(text.length / 1e6))} million characters) is too long to show here; another layout reads it again.`;
  load(text, name, inTextarea, kind);
}

/**
 * What the read button and a change of layout read: the file or sample
 * the textarea holds, one too long for it (read again from memory while
 * the textarea stays empty), or what was typed or pasted over it.
 */
function shownSource() {
  const { source } = state;
  const shown = $("text").value;
  if (source && (shown === source.text || (!source.inTextarea && shown === ""))) return source;
  return { text: shown, name: "the pasted text", inTextarea: true, kind: "pasted" };
}

// The read button says what it will read.
const READ_LABEL = { file: "Read the file's text", sample: "Read the sample's text", pasted: "Read the pasted text" };
function labelReadButton() {
  $("parse").textContent = READ_LABEL[shownSource().kind];
}

/**
 * Parses text and shows the session, or the error. `kind`: where the
 * text came from, `file`, `sample` or `pasted`.
 */
function load(text, name, inTextarea = true, kind = "pasted") {
  const { oewg } = state;
  clearTimeout(state.formatTimer); // a read asked for since is the one wanted
  // Counted for the browser test, as data-loaded counts the sessions shown.
  document.body.dataset.reads = String(Number(document.body.dataset.reads ?? 0) + 1);
  state.source = { text, name, inTextarea, kind };
  labelReadButton();
  state.text = text;
  state.lines = oewg.sourceLines(text);
  $("error").hidden = true;
  const format = $("format").value || undefined;
  const t0 = performance.now();
  let session;
  try {
    session = oewg.parse(text, format);
  } catch (err) {
    showError(err);
    return;
  }
  const ms = performance.now() - t0;
  state.session = session;
  $("results").hidden = false; // first, so that the chart can measure its width
  render(session);
  const bytes = new TextEncoder().encode(text).length;
  const as = format ? ` as ${LAYOUTS[format]}` : "";
  setStatus(`Read ${name}${as}: ${count(bytes, "byte")}, ${count(session.statements.length, "statement")}, in ${ms.toFixed(0)} ms.`);
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded ?? 0) + 1);
}

function render(s) {
  state.target = null;
  state.back = null;
  renderMeta(s);
  renderSpeakers(s);
  renderAnalyses(s);
  renderReport(s);
  renderFilters(s);
  renderStatements();
  renderSkipped(s);
  state.sourceBack = null;
  showSource(null);
  scrollStops();
}

/**
 * The scroll boxes are tab stops (to scroll them by keyboard) only where
 * they scroll: on a phone's width they run on in the page (style.css).
 */
function scrollStops() {
  for (const box of document.querySelectorAll("[data-scroll-box]")) {
    if (getComputedStyle(box).overflowY === "visible") box.removeAttribute("tabindex");
    else box.setAttribute("tabindex", "0");
  }
}

function renderMeta(s) {
  const m = s.meta;
  $("session-title").textContent = m.title ?? "Untitled session";
  const facts = [
    ["Layout", LAYOUTS[m.format] ?? m.format],
    ["Body", m.body],
    ["Room", m.room],
    ["Process", m.process],
    ["Session", m.session],
    ["Meeting", m.meeting],
    ["Date", m.date],
    ["Time", m.time_start && (m.time_end ? `${m.time_start}–${m.time_end}` : m.time_start)],
    ["Agenda", m.agenda_items.join("; ") || null],
  ];
  $("meta").replaceChildren(
    ...facts.filter(([, v]) => v !== null && v !== undefined).flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: String(v) })]),
  );
  const words = s.statements.reduce((n, st) => n + st.word_count, 0);
  const substantive = s.statements.filter((st) => st.kind === "substantive").length;
  const speakers = s.analysis.statistics.speakers.length;
  const totals = [
    [s.statements.length, s.statements.length === 1 ? "statement" : "statements"],
    [substantive, "substantive"],
    [words, words === 1 ? "word" : "words"],
    [speakers, speakers === 1 ? "speaker" : "speakers"],
  ];
  $("totals").replaceChildren(...totals.map(([n, what]) => el("li", {}, el("strong", { text: fmt(n) }), ` ${what}`)));
}

function renderSpeakers(s) {
  const rows = s.analysis.statistics.speakers;
  const isReport = s.report !== null;
  // The report's own figures, a speaker of the floor each, in its order.
  const figures = new Map(isReport ? state.oewg.reportFigures(s).map((f) => [f.speaker, f]) : []);
  const head = ["Speaker", "Words", "Share", "Turns", "Role"];
  if (isReport) head.push("Speed (wpm)", "Time");
  $("speakers").tHead.replaceChildren(
    el("tr", {}, ...head.map((h, i) => el("th", { scope: "col", class: i >= 1 && i !== 4 ? "num" : null, text: h }))),
  );
  $("speakers").tBodies[0].replaceChildren(
    ...rows.map((r) => {
      const b = figures.get(r.speaker);
      const cells = [
        el("th", { scope: "row" }, r.speaker, r.iso3 ? el("span", { class: "code", text: ` ${r.iso3}` }) : null),
        // data-label: the column's name, shown beside the value where a
        // narrow screen stacks each row (style.css).
        el("td", { class: "num words", "data-label": "Words", text: fmt(r.words) }),
        el("td", { class: "num", "data-label": "Share", text: pct(r.share) }),
        el("td", { class: "num", "data-label": "Turns", text: fmt(r.turns) }),
        el("td", { class: "role-cell" }, el("span", { class: `role role-${r.role}`, text: label(r.role) })),
      ];
      if (isReport) {
        cells.push(
          el("td", { class: "num", "data-label": "Speed (wpm)", text: b?.speech_speed_wpm != null ? fmt(b.speech_speed_wpm) : "–" }),
          el("td", { class: "num", "data-label": "Time", text: b?.speech_time_s != null ? mmss(b.speech_time_s) : "–" }),
        );
      }
      return el("tr", { "data-speaker": r.speaker }, ...cells);
    }),
  );
  renderChart(rows);
}

function renderChart(rows) {
  state.chartRows = rows;
  if (rows.length === 0) {
    $("chart").replaceChildren(el("p", { class: "muted", text: "No speakers: the record holds no statements." }));
    $("chart-legend").replaceChildren();
    $("chart-caption").textContent = "";
    return;
  }
  const top = rows.slice(0, 12);
  const roles = ROLES.filter((r) => top.some((row) => row.role === r));
  $("chart-legend").replaceChildren(
    ...roles.map((r) => el("li", { "data-role": r }, el("span", { class: `swatch swatch-${r}`, "aria-hidden": "true" }), label(r))),
  );
  const max = Math.max(...top.map((r) => r.share), 0.0001);
  const barH = 22;
  const gap = 6;
  // Drawn at the width it is shown, so the text keeps its size on a phone.
  const width = Math.max(280, Math.min(760, $("chart").clientWidth || 640));
  const labelW = Math.min(190, Math.round(width * 0.42));
  const maxChars = Math.floor(labelW / 7.5);
  const height = top.length * (barH + gap);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  // The data, not the caption again (the figure has it): each bar's
  // speaker, role and share.
  svg.setAttribute(
    "aria-label",
    `Bar chart. ${top.map((r) => `${r.speaker}, ${label(r.role)}: ${pct(r.share)}`).join("; ")}.`,
  );
  top.forEach((r, i) => {
    const y = i * (barH + gap);
    const name = document.createElementNS(SVG, "text");
    name.setAttribute("x", String(labelW - 8));
    name.setAttribute("y", String(y + barH * 0.7));
    name.setAttribute("text-anchor", "end");
    name.setAttribute("class", "bar-label");
    name.textContent = r.speaker.length > maxChars ? `${r.speaker.slice(0, maxChars - 1)}…` : r.speaker;
    const bar = document.createElementNS(SVG, "rect");
    const w = Math.max(2, ((width - labelW - 70) * r.share) / max);
    bar.setAttribute("x", String(labelW));
    bar.setAttribute("y", String(y));
    bar.setAttribute("width", String(w));
    bar.setAttribute("height", String(barH));
    bar.setAttribute("rx", "3");
    bar.setAttribute("class", `bar role-${r.role}`);
    const value = document.createElementNS(SVG, "text");
    value.setAttribute("x", String(labelW + w + 6));
    value.setAttribute("y", String(y + barH * 0.7));
    value.setAttribute("class", "bar-value");
    value.textContent = pct(r.share);
    svg.append(name, bar, value);
  });
  $("chart").replaceChildren(svg);
  $("chart-caption").textContent =
    rows.length > top.length
      ? `Share of the words spoken: the ${top.length} speakers who said most, of ${rows.length}. Every speaker's figures are in the table below.`
      : `Share of the words spoken, by speaker. The figures are in the table below.`;
}

function list(items, empty) {
  if (items.length === 0) return el("p", { class: "muted", text: empty });
  return el("ul", { class: "plain" }, ...items);
}

function excerptOf(x) {
  return x ? el("q", { class: "excerpt", text: x.text }) : null;
}

function statementLink(i, text) {
  const st = state.session.statements[i];
  if (!st) return el("span", { text });
  const a = el("a", { href: `#S${i + 1}`, text });
  a.addEventListener("click", (e) => {
    e.preventDefault();
    goToStatement(i, a);
  });
  return a;
}

/**
 * Shows statement `i` in the Statements list, highlighted and focused;
 * `from` is the link followed, which the statement's "Back" returns to.
 */
function goToStatement(i, from) {
  let at = matching().findIndex((st) => st.index === i);
  if (at < 0) {
    // Hidden by the filters: clear them rather than land nowhere.
    $("filter-speaker").value = "";
    $("filter-text").value = "";
    at = state.session.statements.findIndex((st) => st.index === i);
  }
  state.shown = Math.max(state.shown, Math.ceil((at + 1) / PAGE) * PAGE);
  state.target = i;
  state.back = from;
  renderStatements();
  const item = $(`S${i + 1}`);
  item.scrollIntoView({ block: "start" });
  item.focus({ preventScroll: true });
}

/**
 * A list cut to its first `limit` items, with a button that shows the
 * rest; `note` says what is shown, `what` names the items.
 */
function shortList(limit, items, empty, note, what) {
  const ul = list(items, empty);
  if (items.length <= limit) return ul;
  const rest = items.slice(limit);
  for (const li of rest) li.hidden = true;
  const button = el("button", { type: "button", class: "show-all", "aria-expanded": "false", text: `Show all ${fmt(items.length)} ${what}` });
  const caption = el("span", { text: note });
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    for (const li of rest) li.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? `Show the first ${fmt(limit)} only` : `Show all ${fmt(items.length)} ${what}`;
    caption.textContent = open ? `All ${fmt(items.length)}.` : note;
  });
  return el("div", {}, ul, el("p", { class: "muted small list-note" }, caption, " ", button));
}

function renderAnalyses(s) {
  const a = s.analysis;
  const blocks = [];
  const block = (title, body) => blocks.push(el("div", { class: "analysis" }, el("h3", { text: title }), body));

  block(
    "Speaking order",
    el(
      "div",
      {},
      el("p", {
        class: "muted",
        text: `${count(a.floor_audit.announced.length, "speaker")} announced by the Chair, ${count(a.floor_audit.thanked.length, "thanks", "thanks")}, ${count(a.floor_audit.anomalies.length, "anomaly", "anomalies")}.`,
      }),
      shortList(
        ANOMALIES,
        a.floor_audit.anomalies.map((x) =>
          el(
            "li",
            {},
            el("span", { class: "tag", text: label(x.kind) }),
            " ",
            el("strong", { text: x.speaker || "(unresolved)" }),
            x.statements.length ? " — " : null,
            x.statements.length ? statementLink(x.statements[0], `statement ${x.statements[0] + 1}`) : null,
            x.excerpt ? el("br") : null,
            excerptOf(x.excerpt),
          ),
        ),
        s.statements.length ? "The speakers' list and the statements agree." : "No statements to check.",
        `The first ${ANOMALIES} of ${fmt(a.floor_audit.anomalies.length)}.`,
        "anomalies",
      ),
    ),
  );

  block(
    "Alignments",
    list(
      a.alignments.map((x) =>
        el(
          "li",
          {},
          el("strong", { text: x.speaker }),
          x.kind === "agrees" ? " agrees with " : " aligns with ",
          el("strong", { text: x.aligned_with }),
          x.on_behalf_of ? ` (on behalf of ${x.on_behalf_of})` : null,
          " — ",
          statementLink(x.statement, `statement ${x.statement + 1}`),
        ),
      ),
      "No delegation aligns itself with another, or says it agrees with one.",
    ),
  );

  const maxTopic = Math.max(1, ...a.topics.counts.map((c) => c.statements));
  block(
    "Topics",
    el(
      "ul",
      { class: "plain topics" },
      ...a.topics.counts.map((c) =>
        el(
          "li",
          {},
          el("span", { class: "topic-name", text: label(c.topic) }),
          el("span", { class: "meter", "aria-hidden": "true" }, el("span", { class: `meter-fill w${Math.round((10 * c.statements) / maxTopic)}` })),
          el("span", { class: "topic-count", text: count(c.statements, "statement") }),
        ),
      ),
    ),
  );

  const proposals = state.oewg.glance(s).proposals;
  const names = (who) => who.join(", ");
  block(
    "Proposals",
    el(
      "div",
      {},
      el("p", { class: "muted", text: `${count(proposals.length, "proposal")} named, with who backs and who resists each.` }),
      shortList(
        PROPOSALS,
        [...proposals]
          .sort((x, y) => y.mentions - x.mentions)
          .map((p) => {
            const full = a.proposals.find((q) => q.id === p.id);
            const first = full?.mentions[0];
            return el(
              "li",
              { "data-proposal": p.id },
              el("strong", { text: p.name }),
              " ",
              el("span", { class: "tag", text: label(p.kind) }),
              el("br"),
              el("span", { class: "small", text: `${count(p.mentions, "mention")}${p.sponsors.length ? `; by ${names(p.sponsors)}` : ""}` }),
              first ? " — " : null,
              first ? statementLink(first.statement, `first in statement ${first.statement + 1}`) : null,
              p.supporters.length ? el("span", { class: "stance small" }, el("br"), `Support: ${names(p.supporters)}`) : null,
              p.opposers.length ? el("span", { class: "stance small" }, el("br"), `Oppose: ${names(p.opposers)}`) : null,
              p.concerned.length ? el("span", { class: "stance small" }, el("br"), `Concerns: ${names(p.concerned)}`) : null,
            );
          }),
        "No proposal is named.",
        `The ${PROPOSALS} most mentioned of ${fmt(proposals.length)}.`,
        "proposals",
      ),
    ),
  );

  block(
    "Agenda segments",
    list(
      a.segments.map((g) =>
        el(
          "li",
          {},
          el("strong", {
            text:
              g.agenda_item != null
                ? `Item ${g.agenda_item}${g.sub_item != null ? `.${g.sub_item}` : ""}${g.title ? ` — ${g.title}` : ""}`
                : (g.title ?? "Before any agenda item"),
          }),
          `: ${count(g.turns, "statement")}, ${count(g.words, "word")}`,
        ),
      ),
      "No agenda segments.",
    ),
  );

  if (a.statistics.regional_groups.length) {
    block(
      "Regional groups",
      list(
        a.statistics.regional_groups.map((g) =>
          el("li", {}, el("strong", { text: REGIONAL[g.group] ?? label(g.group) }), `: ${count(g.speakers, "speaker")}, ${count(g.words, "word")} (${pct(g.share)})`),
        ),
        "",
      ),
    );
  }

  const rc = a.report_check;
  if (rc) {
    block(
      "Report against its transcript",
      el(
        "ul",
        { class: "plain" },
        el("li", { text: `Speech lengths: ${fmt(rc.blocks_checked - rc.length_mismatches.length)} of ${fmt(rc.blocks_checked)} speaker blocks match the transcript's word count.` }),
        el("li", { text: `Listed but never heard: ${rc.listed_not_heard.join(", ") || "none"}.` }),
        el("li", { text: `Heard but not listed: ${rc.heard_not_listed.join(", ") || "none"}.` }),
        el("li", {
          text:
            `Arguments whose key terms the speaker mostly never used: ${fmt(rc.unsupported_arguments.length)} of ${fmt(rc.arguments_checked)}` +
            rc.unsupported_arguments.map((u, i) => `${i ? "; " : " ("}${u.speaker}, "${u.argument}": never ${u.missing_terms.join(", ")}`).join("") +
            (rc.unsupported_arguments.length ? ")." : "."),
        }),
        el("li", {
          text: (() => {
            const contradicted = rc.stance_disagreements.filter((d) => d.finding === "contradicted").length;
            const unshown = rc.stance_disagreements.length - contradicted;
            return (
              `Claims that two speakers agreed or differed, against their stances on proposals and what they said of each other: ${fmt(rc.stance_claims_checked)} checked, ` +
              `${fmt(contradicted)} contradicted, ${fmt(unshown)} without evidence either way, ${fmt(rc.stance_claims_checked - rc.stance_disagreements.length)} borne out.`
            );
          })(),
        }),
        el("li", {
          text:
            `Facts of the header that the Chair's opening contradicts: ${fmt(rc.header_disagreements.length)} of ${fmt(rc.header_facts_checked)}` +
            rc.header_disagreements.map((d, i) => `${i ? "; " : " ("}${label(d.fact)}: the header says "${d.header}", the Chair "${d.transcript.text}"`).join("") +
            (rc.header_disagreements.length ? ")." : "."),
        }),
      ),
    );
  }
  $("analyses").replaceChildren(...blocks);
}

function renderReport(s) {
  const r = s.report;
  $("report-card").hidden = r === null;
  if (r === null) return $("report").replaceChildren();
  const parts = [];
  const section = (title, ...body) => parts.push(el("section", { class: "report-section" }, el("h3", { text: title }), ...body));
  section("Summary", ...r.at_a_glance.summary.map((p) => el("p", { text: p })));
  if (r.at_a_glance.major_discussion_points.length) {
    section("Major discussion points", el("ul", {}, ...r.at_a_glance.major_discussion_points.map((p) => el("li", { text: p }))));
  }
  const args = r.speakers.filter((b) => b.arguments.length);
  section(
    `Arguments (${fmt(args.reduce((n, b) => n + b.arguments.length, 0))})`,
    ...args.map((b) =>
      el(
        "details",
        {},
        el("summary", {}, el("strong", { text: b.name }), ` — ${b.arguments.length} argument${b.arguments.length === 1 ? "" : "s"}`),
        ...b.arguments.map((x) =>
          el(
            "div",
            { class: "argument" },
            el("p", { class: "argument-title", text: x.title }),
            x.explanation ? el("p", { text: x.explanation }) : null,
            x.major_discussion_point ? el("p", { class: "muted", text: `Discussion point: ${x.major_discussion_point}` }) : null,
          ),
        ),
      ),
    ),
  );
  const viewpoints = (title, vs) =>
    vs.length &&
    section(
      title,
      el("ul", {}, ...vs.map((v) => el("li", {}, el("strong", { text: v.point }), v.speakers.length ? ` — ${v.speakers.join(", ")}` : null))),
    );
  viewpoints("Agreements", r.agreements.viewpoints);
  viewpoints("Differences", r.differences.viewpoints);
  viewpoints("Partial agreements", r.partial_agreements);
  $("report").replaceChildren(...parts);
}

// A speaker as the table and the chart name it: the canonical name when
// the label was recognised ("Ambassador Gafoor" is the Chair, "Russia" the
// Russian Federation), so the filter has one entry for each.
const speakerName = (sp) => sp.name ?? sp.label;

function renderFilters(s) {
  const counts = new Map();
  for (const st of s.statements) counts.set(speakerName(st.speaker), (counts.get(speakerName(st.speaker)) ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => a.localeCompare(b));
  $("filter-speaker").replaceChildren(
    el("option", { value: "", text: `Every speaker (${fmt(s.statements.length)})` }),
    ...names.map((n) => el("option", { value: n, text: `${n} (${counts.get(n)})` })),
  );
  $("filter-text").value = "";
  state.shown = PAGE;
}

function matching() {
  const who = $("filter-speaker").value;
  const what = $("filter-text").value.trim().toLowerCase();
  return state.session.statements.filter(
    (st) =>
      (!who || speakerName(st.speaker) === who) &&
      (!what ||
        st.text.toLowerCase().includes(what) ||
        st.speaker.label.toLowerCase().includes(what) ||
        speakerName(st.speaker).toLowerCase().includes(what)),
  );
}

function renderStatements() {
  const all = matching();
  const shown = all.slice(0, state.shown);
  const matched =
    all.length === state.session.statements.length
      ? count(all.length, "statement")
      : `${fmt(all.length)} of ${fmt(state.session.statements.length)} statements match`;
  $("statement-count").textContent = shown.length < all.length ? `${matched}; the first ${fmt(shown.length)} shown` : matched;
  $("statements").replaceChildren(
    ...shown.map((st) => {
      const sp = st.speaker;
      const range = lineRange(st.span.line_start, st.span.line_end);
      const link = el("a", { href: `#L${st.span.line_start}`, class: "lines", text: `Source, ${range}` });
      link.addEventListener("click", (e) => {
        e.preventDefault();
        showSource(st, false, { from: link, what: `statement ${st.index + 1}`, statement: st.index });
      });
      const target = st.index === state.target;
      let back = null;
      if (target && state.back?.isConnected) {
        const from = state.back;
        back = el("button", { type: "button", class: "back small", text: "Back to the analyses" });
        back.addEventListener("click", () => {
          from.scrollIntoView({ block: "center" });
          from.focus({ preventScroll: true });
        });
      }
      return el(
        "li",
        // tabindex: an analysis's link moves the focus here.
        { class: `statement kind-${st.kind}${target ? " target" : ""}`, id: `S${st.index + 1}`, tabindex: "-1", "data-index": String(st.index) },
        // A heading, so that a screen reader can go from statement to
        // statement; the kind in words, not only the border's colour.
        el(
          "h3",
          { class: "statement-head" },
          el("span", { class: "number muted small", text: `${st.index + 1}.` }),
          el("span", { class: "speaker", text: sp.label }),
          sp.name && sp.name !== sp.label ? el("span", { class: "muted", text: ` (${sp.name})` }) : null,
          el("span", { class: `role role-${sp.role}`, text: label(sp.role) }),
          st.kind === "procedural" ? el("span", { class: "tag", text: "procedural" }) : null,
          el("span", { class: "muted small", text: count(st.word_count, "word") }),
          link,
          back,
        ),
        ...st.text.split("\n\n").map((p) => el("p", { text: p })),
      );
    }),
  );
  $("more").hidden = all.length <= shown.length;
}

function renderSkipped(s) {
  $("skipped").replaceChildren(
    ...(s.skipped.length
      ? s.skipped.map((k) => {
          const a = el("a", { href: `#L${k.span.line_start}`, text: lineRange(k.span.line_start, k.span.line_end) });
          a.addEventListener("click", (e) => {
            e.preventDefault();
            showSource({ span: k.span }, false, { from: a, what: "what was skipped" });
          });
          return el("li", {}, el("span", { class: "tag", text: label(k.reason) }), " ", a, ` (${fmt(k.span.end - k.span.start)} bytes)`);
        })
      : [el("li", { class: "muted", text: "Nothing: every line is a statement, a header or a report section." })]),
  );
}

/**
 * Shows the source around a statement (or its start, with null). `back`:
 * the link that asked, and what it is, for a button back to it.
 */
function showSource(item, all = false, back = state.sourceBack) {
  const lines = state.lines;
  const from = item ? item.span.line_start : 1;
  const to = item ? item.span.line_end : 0;
  const first = all ? 1 : Math.max(1, from - CONTEXT);
  const last = all ? lines.length : Math.min(lines.length, Math.max(to, from) + CONTEXT, first + 400);
  const rows = [];
  for (let n = first; n <= last; n++) {
    const mark = item && n >= from && n <= to;
    const line = lines[n - 1] === "" ? "\u200b" : lines[n - 1];
    // <mark>: the highlight is said, not only shown.
    rows.push(el("li", { id: `L${n}`, value: String(n), class: mark ? "hit" : null }, mark ? el("mark", {}, line) : line));
  }
  $("source").replaceChildren(...rows);
  const range = lineRange(from, to);
  $("source-caption").textContent = item
    ? `${range[0].toUpperCase()}${range.slice(1)} of ${fmt(lines.length)}, highlighted, with the lines around them.`
    : `The first ${fmt(last)} of ${fmt(lines.length)} lines. Follow a statement's line link to see its source.`;
  $("source-all").hidden = all || lines.length > 20000 || lines.length <= last - first + 1;
  state.sourceItem = item;
  state.sourceBack = item && back?.from.isConnected ? back : null;
  const way = state.sourceBack;
  if (way) {
    const button = el("button", { type: "button", class: "back small", text: `Back to ${way.what}` });
    button.addEventListener("click", () => {
      let to = way.from;
      if (!to.isConnected && way.statement !== undefined) {
        // The list was drawn again since (Show more, a filter): the
        // statement's link as it is now, the statement shown if need be.
        const link = () => document.querySelector(`#S${way.statement + 1} a.lines`);
        if (!link()) goToStatement(way.statement, null);
        to = link();
      }
      if (!to?.isConnected) return;
      to.scrollIntoView({ block: "center" });
      to.focus({ preventScroll: true });
    });
    $("source-back").replaceChildren(button);
  } else {
    $("source-back").replaceChildren();
  }
  if (item) {
    const hit = document.getElementById(`L${from}`);
    const box = $("source").parentElement;
    if (hit && getComputedStyle(box).overflowY === "visible") {
      // A phone's width: the lines run on in the page (style.css), which
      // scrolls to them, 48 px below the top of the screen.
      $("source-title").focus({ preventScroll: true });
      hit.scrollIntoView({ block: "start" });
    } else {
      $("source-title").focus();
      if (hit) box.scrollTop = Math.max(0, hit.offsetTop - 48);
    }
  }
}

/** Reads a file the user chose or dropped, and shows it. */
async function openFile(file) {
  // A file opened since is the one wanted: this one stops at its next wait.
  const opened = (state.opened = (state.opened ?? 0) + 1);
  setStatus(`Opening ${file.name}…`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (opened !== state.opened) return;
  if (bytes.length > BUSY_BYTES) {
    // The parse holds the page for a while: say so first, and let the
    // page show it before the parse starts (a frame; in a hidden tab,
    // which draws none, a short timeout).
    setStatus(`Reading ${file.name} (${fmt(Math.round(bytes.length / 1e5) / 10)} MB)…`);
    await new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100);
    });
    if (opened !== state.opened) return;
  }
  // A file saved as "Unicode" on Windows is UTF-16 with its byte order
  // mark: decoded as what it says it is, not offered as Windows-1252.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) {
    show(new TextDecoder(utf16).decode(bytes), `${file.name} (read as UTF-16)`);
    return;
  }
  let text;
  // Decoded here so that invalid UTF-8 is reported with its byte offset.
  try {
    // A byte-order mark is kept, as the package keeps it: the spans count
    // the file's own bytes.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    state.lines = [];
    // The textarea no longer shows the record read before (a file's or
    // the sample's text): the read button would read it again as if it
    // were this file. Text typed there is kept.
    if (state.source && state.source.kind !== "pasted" && $("text").value === state.source.text) $("text").value = "";
    // A record too long for the textarea: its placeholder no longer says
    // another layout reads it again.
    if (state.source && !state.source.inTextarea) $("text").placeholder = $("text").dataset.placeholder;
    state.source = null; // nothing to read again with another layout
    labelReadButton();
    try {
      state.oewg.parseBytes(bytes);
    } catch (err) {
      showError(err, { bytes, name: file.name });
    }
    return;
  }
  show(text, file.name);
}

/** Why the package did not load, and what to do about it. */
async function whyNoReader(err) {
  const found = async (url) => {
    try {
      return (await fetch(new URL(url, import.meta.url), { cache: "no-store" })).ok;
    } catch {
      return false;
    }
  };
  const pkg = new URL(PKG, import.meta.url).href;
  if (await found(PKG)) return `The reader could not start: ${err.message}`;
  // The page's own file, reached the way the package is: found only when
  // the server's root is the repository's.
  if (!(await found("../../examples/web/app.js"))) {
    return `The reader could not start: the package was not found at ${pkg}. Serve the repository root, not examples/web/: run node examples/web/serve.mjs in the repository and open http://127.0.0.1:8080/examples/web/.`;
  }
  return `The reader could not start: the package is not built (nothing at ${pkg}). Build it with bash oewg-wasm/build.sh, then reload this page.`;
}

async function main() {
  try {
    state.oewg = await import(PKG);
  } catch (err) {
    setStatus(await whyNoReader(err));
    $("status").classList.add("status-error");
    document.body.dataset.ready = "failed";
    return;
  }
  $("text").dataset.placeholder = $("text").placeholder;
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    if (!file) return;
    // Cleared first, so that choosing the same file again reads it again.
    $("file").value = "";
    await openFile(file);
  });
  // Another layout reads what the textarea shows, as that layout: the
  // file or sample it holds, or what was typed over it. A file too long
  // for the textarea is read again from memory, by its name.
  // Read once the choice settles: arrow keys on the list change it one
  // layout at a time, and each would read (and announce) the record.
  $("format").addEventListener("change", () => {
    clearTimeout(state.formatTimer);
    state.formatTimer = setTimeout(() => {
      if (!state.source) return;
      const { text, name, inTextarea, kind } = shownSource();
      load(text, name, inTextarea, kind);
    }, 400);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer.files[0];
    if (file) await openFile(file);
  });
  $("input-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const { text, name, inTextarea, kind } = shownSource();
    load(text, name, inTextarea, kind);
  });
  $("text").addEventListener("input", labelReadButton);
  $("sample").addEventListener("click", async () => {
    // The sample is read as what it is, whatever layout was chosen for a
    // record before it.
    $("format").value = "";
    const text = await (await fetch("../sample.txt")).text();
    show(text, "the sample record", "sample");
  });
  $("filter-speaker").addEventListener("change", () => {
    state.shown = PAGE;
    renderStatements();
  });
  let timer;
  $("filter-text").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.shown = PAGE;
      renderStatements();
    }, 120);
  });
  $("more").addEventListener("click", () => {
    const before = state.shown;
    state.shown += PAGE;
    renderStatements();
    // The button may be gone now (nothing more to show): the focus goes on
    // to the first statement it showed.
    $("statements").children[before]?.focus();
  });
  $("source-all").addEventListener("click", () => showSource(state.sourceItem, true));
  let resize;
  window.addEventListener("resize", () => {
    clearTimeout(resize);
    resize = setTimeout(() => {
      if (state.chartRows) renderChart(state.chartRows);
      scrollStops();
    }, 150);
  });
  $("controls").disabled = false;
  setStatus("Ready. Open a file, paste a record, or load the sample.");
  document.body.dataset.ready = "1";
}

main();
