// The example page (examples/web/) in Debian's Chromium, driven by
// playwright-core: the report seed through the file input, the speakers
// table, the statement filter, a statement's source lines, a record full
// of markup, a parse error, the keyboard, the analyses' links to
// statements, a change of layout, a Windows-1252 file, lists shown whole,
// a phone's width (the statements and the source lines in the page's
// scroll), the read button's label, the page served from the wrong
// folder; screenshots at 1280, 390 and 375 px in
// ${CARGO_TARGET_DIR:-target}/web-screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import * as oewg from "../pkg/node.js";
import { serve, CSP } from "../../examples/web/serve.mjs";
import { REPORT, VERBATIM, read, root, targetDir } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shots = path.join(targetDir, "web-screenshots");

let server;
let url;
let browser;
let page;
const dialogs = [];
const pageErrors = [];
const consoleErrors = [];

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (scripts/test-wasm.sh does)`);
  mkdirSync(shots, { recursive: true });
  ({ server, url } = await serve(0));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Waits until the page has shown one more session than `before`. */
async function loaded(before) {
  await page.waitForFunction((n) => Number(document.body.dataset.loaded ?? 0) > n, before);
}
const loadCount = () => page.evaluate(() => Number(document.body.dataset.loaded ?? 0));

test("the report seed through the file input: 33 speakers, Canada 1470 words", async () => {
  const n = await loadCount();
  await page.setInputFiles("#file", REPORT);
  await loaded(n);
  const rows = page.locator("#speakers tbody tr");
  assert.equal(await rows.count(), 33);
  const canada = page.locator("#speakers tbody tr[data-speaker='Canada']");
  assert.equal((await canada.locator("td.words").textContent()).replaceAll(",", ""), "1470");
  // A report shows speech speed and time.
  const head = await page.locator("#speakers thead th").allTextContents();
  assert.deepEqual(head.slice(-2), ["Speed (wpm)", "Time"]);
  assert.equal(await page.locator("#chart svg rect").count(), 12);
  assert.match(await page.locator("#report").textContent(), /Arguments \(50\)/);
  assert.equal(await page.locator("#statements > li").count(), 64);
  // The proposals, the most mentioned first, as the package's glance has them.
  const glance = oewg.glance(oewg.parse(read(REPORT)));
  const shown = page.locator("#analyses [data-proposal]:visible");
  assert.equal(await shown.count(), Math.min(12, glance.proposals.length));
  const most = [...glance.proposals].sort((x, y) => y.mentions - x.mentions)[0];
  assert.equal(await shown.first().getAttribute("data-proposal"), most.id);
  assert.match(await shown.first().textContent(), new RegExp(`${most.mentions} mentions`));
  assert.match(
    await page.locator("#analyses").textContent(),
    /key terms the speaker mostly never used: 2 of 50 \(Republic of Korea, "[^"]+": never guided, voice, vote, principle; South Africa, /,
  );
  // An agreement reads as one, beside the alignments.
  assert.match(await page.locator("#analyses").textContent(), /United Kingdom agrees with Pacific Islands Forum — statement \d+/);
  assert.match(await page.locator("#analyses").textContent(), /Senegal aligns with Nigeria \(on behalf of African Group\)/);
  // The claims about two speakers, split as the package's check has them.
  const rc = oewg.parse(read(REPORT)).analysis.report_check;
  const contradicted = rc.stance_disagreements.filter((d) => d.finding === "contradicted").length;
  assert.ok(contradicted >= 1 && contradicted < rc.stance_disagreements.length);
  assert.match(
    await page.locator("#analyses").textContent(),
    new RegExp(
      `${rc.stance_claims_checked} checked, ${contradicted} contradicted, ` +
        `${rc.stance_disagreements.length - contradicted} without evidence either way, ` +
        `${rc.stance_claims_checked - rc.stance_disagreements.length} borne out\\.`,
    ),
  );
  assert.match(
    await page.locator("#analyses").textContent(),
    /the Chair's opening contradicts: 2 of 4 \(time of day: the header says "15:00", the Chair "Good morning"; agenda item: /,
  );
  // Nothing in an analysis runs past its card (the topics' counts did).
  const past = await page.evaluate(() => {
    const card = document.querySelector("#analyses").closest(".card").getBoundingClientRect();
    return [...document.querySelectorAll("#analyses *")].filter((e) => e.getBoundingClientRect().right > card.right + 0.5).length;
  });
  assert.equal(past, 0, "elements of the analyses run past the card's right edge");
  // The statements are numbered as the analyses name them.
  assert.equal(await page.locator("#statements > li .number").first().textContent(), "1.");
  await page.screenshot({ path: path.join(shots, "report-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 375 px screen`);
  await page.screenshot({ path: path.join(shots, "report-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("filter the statements by Chile, and follow one to its source lines", async () => {
  const session = oewg.parse(read(REPORT));
  const chile = session.statements.filter((s) => s.speaker.label === "Chile");
  assert.ok(chile.length > 0);
  // The filter names each speaker as the speakers table does: one entry
  // a speaker, by its canonical name.
  const options = await page.locator("#filter-speaker option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(new Set(options), new Set(oewg.floor(session).map((f) => f.speaker)));
  await page.selectOption("#filter-speaker", "Chile");
  const items = page.locator("#statements > li");
  assert.equal(await items.count(), chile.length);
  assert.deepEqual(await items.locator(".speaker").allTextContents(), chile.map(() => "Chile"));
  // The text filter narrows further, and back.
  await page.fill("#filter-text", "zzzz-no-such-text");
  await page.waitForFunction(() => document.querySelectorAll("#statements > li").length === 0);
  await page.fill("#filter-text", "");
  await page.waitForFunction((n) => document.querySelectorAll("#statements > li").length === n, chile.length);

  const first = chile[0];
  await items.first().locator("a.lines").click();
  const hit = page.locator("#source li.hit");
  assert.equal(await hit.count(), first.span.line_end - first.span.line_start + 1);
  assert.equal(await hit.first().getAttribute("id"), `L${first.span.line_start}`);
  const lines = oewg.sourceLines(read(REPORT));
  assert.equal(await hit.first().textContent(), lines[first.span.line_start - 1]);
  assert.match(await hit.first().textContent(), /^Chile:/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "source-title");
  await page.selectOption("#filter-speaker", "");
});

test("markup in labels and text stays text: no dialog, no injected element", async () => {
  const evil = [
    "<img src=x onerror=alert(1)> <script>alert(2)</script>",
    "",
    "21 Feb 2025 15:00h - 18:00h",
    "",
    "Session at a glance",
    "",
    "Summary",
    "",
    "Delegates wrote <img src=x onerror=alert(3)> and <script>alert(4)</script> everywhere.",
    "",
    "Speakers",
    "",
    "– <img src=x onerror=alert(5)>: <script>alert(6)</script>",
    "– Chair",
    "",
    "Session transcript",
    "",
    "Chair: Good morning. <img src=x onerror=alert(7)> has the floor.",
    "",
    "<img src=x onerror=alert(8)>: <script>alert(9)</script> Thank you.",
    "",
    "Chile: We reject <b onmouseover=alert(10)>bold</b> claims &amp; <script>alert(11)</script>.",
    "",
  ].join("\n");
  const n = await loadCount();
  await page.fill("#text", evil);
  await page.click("#parse");
  await loaded(n);
  const counts = await page.evaluate(() => ({
    img: document.querySelectorAll("img").length,
    script: document.querySelectorAll("script").length,
    b: document.querySelectorAll("main b").length,
    handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
  }));
  assert.deepEqual(counts, { img: 0, script: 1, b: 0, handlers: 0 });
  const text = await page.locator("main").textContent();
  assert.ok(text.includes("<img src=x onerror=alert(1)>"), "the title's markup is shown as text");
  assert.ok(text.includes("<script>alert(11)</script>"), "a statement's markup is shown as text");
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
});

test("a parse error is shown with its line and column", async () => {
  await page.fill("#text", "\n\n   just some words.\nand more\n");
  await page.click("#parse");
  const error = page.locator("#error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.locator(".error-where").textContent(), /^Line 3, column 4$/);
  assert.match(await error.textContent(), /expected a meeting record/i);
  assert.equal(await page.locator("#results").isHidden(), true);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: path.join(shots, "error-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("keyboard: every control is labelled and reachable; the sample loads with Enter", async () => {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button, a[href]")]
      .filter((e) => !(e.labels?.length || e.getAttribute("aria-label") || e.textContent.trim()))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unlabelled, []);
  await page.evaluate(() => document.activeElement?.blur());
  await page.focus("body");
  const reached = new Set();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    reached.add(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  for (const id of ["file", "text", "format", "parse", "sample"]) assert.ok(reached.has(id), `Tab never reaches #${id}`);
  const n = await loadCount();
  await page.focus("#sample");
  await page.keyboard.press("Enter");
  await loaded(n);
  assert.match(await page.locator("#session-title").textContent(), /^Session 5-2 Transcript$/);
  assert.ok((await page.locator("#statements > li").count()) > 0);
  await page.screenshot({ path: path.join(shots, "sample-1280.png"), fullPage: true });
});

test("another layout, or the same file again, reads the record again", async () => {
  let n = await loadCount();
  await page.setInputFiles("#file", REPORT);
  await loaded(n);
  n = await loadCount();
  await page.setInputFiles("#file", REPORT); // the same file: read again
  await loaded(n);
  // Forced to another layout, the report is read as that layout: here an
  // error, shown at its line and column; back to Detect, a session again.
  await page.selectOption("#format", "pv");
  await page.locator("#error").waitFor({ state: "visible" });
  assert.match(await page.locator("#error .error-where").textContent(), /^Line \d+, column \d+$/);
  assert.equal(
    await page.locator("#error .error-forced").textContent(),
    "It was read in the layout chosen, Official verbatim record (PV): set Layout to Detect to let the reader choose.",
  );
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);
  assert.equal(await page.locator("#error").isHidden(), true);
  assert.equal(await page.locator("#statements > li").count(), 64);
  // The sample is read as what it is, whatever layout was chosen before.
  await page.selectOption("#format", "asr");
  await page.locator("#error").waitFor({ state: "visible" });
  n = await loadCount();
  await page.click("#sample");
  await loaded(n);
  assert.equal(await page.inputValue("#format"), "");
  assert.equal(await page.locator("#error").isHidden(), true);
});

test("counts of one are singular; the caret sits under a tab-indented error; the end of input is the line after", async () => {
  let n = await loadCount();
  await page.fill("#text", "Chair: Hello.\n");
  await page.click("#parse");
  await loaded(n);
  assert.match(await page.locator("#status").textContent(), /: 14 bytes, 1 statement, in /);
  assert.deepEqual(await page.locator("#totals li").allTextContents(), ["1 statement", "0 substantive", "1 word", "1 speaker"]);

  await page.fill("#text", "\t\tjust words\n");
  await page.click("#parse");
  await page.locator("#error").waitFor({ state: "visible" });
  assert.equal(await page.locator("#error .error-where").textContent(), "Line 1, column 3");
  const [line, caret] = await page.locator("#error .error-line").allTextContents();
  assert.equal(line, "1 \t\tjust words");
  assert.equal(caret, "  \t\t^");

  await page.selectOption("#format", "report");
  await page.fill("#text", "Chair: Good morning. Chile, you have the floor.\nChile: Thank you, Chair.\n");
  await page.click("#parse");
  await page.waitForFunction(() => /^Line 3, column 1$/.test(document.querySelector("#error .error-where")?.textContent ?? ""));
  assert.match(await page.locator("#error").textContent(), /found end of input/);
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);
});

test("keyboard and screen reader: Show more, a source link's way back, procedural named, the layout read once it settles, the chart's data, 320 px", async () => {
  await openFile(VERBATIM);
  const session = oewg.parse(read(VERBATIM));
  const total = session.statements.length;
  assert.ok(total > 100 && total <= 200, `${total} statements: one press of Show more shows them all`);
  assert.equal(await page.locator("#statement-count").textContent(), `${total} statements; the first 100 shown`);
  await page.locator("#more").focus();
  await page.keyboard.press("Enter");
  // The button is gone: the focus is on the first statement it showed.
  assert.equal(await page.locator("#more").isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "S101");
  assert.equal(await page.locator("#statement-count").textContent(), `${total} statements`);

  // Procedural statements say so in words, and the heads are headings.
  const procedural = session.statements.filter((st) => st.kind === "procedural").length;
  assert.ok(procedural > 0);
  assert.equal(await page.locator("#statements h3.statement-head .tag", { hasText: "procedural" }).count(), procedural);

  // A statement's source link, then back to it by its button.
  const item = page.locator("#statements > li#S5");
  await item.locator("a.lines").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "source-title");
  // Reached by keyboard, the heading shows the focus.
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid");
  assert.ok((await page.locator("#source li.hit mark").count()) > 0, "the lines are marked");
  const back = page.locator("#source-back button");
  assert.equal(await back.textContent(), "Back to statement 5");
  await back.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.closest("li")?.id), "S5");
  // The list drawn again since, by a filter that hides statement 5: Back
  // clears it and lands on statement 5's link all the same.
  await item.locator("a.lines").click();
  await page.fill("#filter-text", "no statement says this");
  await page.waitForFunction(() => document.querySelectorAll("#statements > li").length === 0);
  await page.locator("#source-back button").click();
  assert.equal(await page.evaluate(() => document.activeElement.closest("li")?.id), "S5");
  assert.equal(await page.inputValue("#filter-text"), "");
  // Another record: no way back to a statement that is gone.
  await openFile(REPORT);
  assert.equal(await page.locator("#source-back button").count(), 0);

  // The chart's text alternative gives the data; the scroll regions have
  // names of their own.
  const top = oewg.floor(oewg.parse(read(REPORT)))[0];
  assert.match(await page.locator("#chart svg").getAttribute("aria-label"), new RegExp(`^Bar chart\\. ${top.speaker}, `));
  const names = await page.locator("[role=region]").evaluateAll((es) => es.map((e) => e.getAttribute("aria-label")));
  assert.deepEqual(names, ["Speakers table", "Statement list", "Source lines"]);

  // Arrow keys through the layouts: the record is read once, when the
  // choice settles, as the last layout.
  const reads = () => page.evaluate(() => Number(document.body.dataset.reads ?? 0));
  const r = await reads();
  let n = await loadCount();
  await page.locator("#format").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  const chosen = await page.inputValue("#format");
  assert.notEqual(chosen, "", "the arrow keys changed the layout");
  await page.waitForFunction((before) => Number(document.body.dataset.reads ?? 0) > before, r);
  await page.waitForTimeout(600);
  assert.equal(await reads(), r + 1);
  // … as the layout the keys stopped at.
  const named = await page.locator(`#format option[value='${chosen}']`).textContent();
  assert.ok((await page.locator("#status").textContent()).includes(` as ${named}: `), await page.locator("#status").textContent());
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);

  // 320 px (a 1280 px screen at 400 % zoom): nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
  // The boxes that run on in the page are no tab stops.
  const stops = await page.locator("[data-scroll-box]").evaluateAll((es) => es.map((e) => e.getAttribute("tabindex")));
  assert.deepEqual(stops, [null, null, null]);
  await page.screenshot({ path: path.join(shots, "analyses-320.png"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
  const wide = await page.locator("[data-scroll-box]").evaluateAll((es) => es.map((e) => e.getAttribute("tabindex")));
  assert.deepEqual(wide, ["0", "0", "0"]);
});

/** Loads a file through the file input and waits for it to show. */
async function openFile(file) {
  const n = await loadCount();
  await page.setInputFiles("#file", file);
  await loaded(n);
}

/** Reads a pasted text and waits for it to show. */
async function paste(text) {
  const n = await loadCount();
  await page.fill("#text", text);
  await page.click("#parse");
  await loaded(n);
}

test("an analysis's 'statement N' link lands on statement N in the list, highlighted and focused, filters cleared; Back returns", async () => {
  await openFile(REPORT);
  // A filter that hides the statement: the link clears it.
  await page.selectOption("#filter-speaker", "Canada");
  const link = page.locator("#analyses a[href^='#S']").first();
  const href = await link.getAttribute("href");
  const n = Number(href.slice(2));
  assert.match(await link.textContent(), new RegExp(`statement ${n}$`));
  await link.focus();
  await page.keyboard.press("Enter");
  const item = page.locator(`#statements > li#S${n}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), `S${n}`);
  assert.match(await item.getAttribute("class"), /\btarget\b/);
  assert.equal(await page.locator("#statements > li.target").count(), 1);
  assert.equal(await item.locator(".number").textContent(), `${n}.`);
  assert.equal(await page.inputValue("#filter-speaker"), "");
  const box = await item.boundingBox();
  assert.ok(box.y >= 0 && box.y < 900, `statement ${n} is at y=${box.y}, not in view`);
  // Its own source link is there, and the source card did not take the focus.
  assert.equal(await item.locator("a.lines").count(), 1);
  await page.screenshot({ path: path.join(shots, "statement-link-1280.png") });
  await item.locator("button.back").click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), href);
  // The same at 390 px, with the mouse: the page scrolls, not a box in it.
  await page.setViewportSize({ width: 390, height: 844 });
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), `S${n}`);
  const small = await item.boundingBox();
  assert.ok(small.y >= 0 && small.y < 844, `statement ${n} is at y=${small.y} at 390 px`);
  await page.screenshot({ path: path.join(shots, "statement-link-390.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a change of layout reads what the textarea shows; a file's text is put in the textarea", async () => {
  await paste("Chair: Good morning. Chile, you have the floor.\n\nChile: Thank you, Chair.\n");
  assert.deepEqual(await page.locator("#statements .speaker").allTextContents(), ["Chair", "Chile"]);
  // Typed over, then another layout: the new text is read.
  await page.fill("#text", "Peru: We support it.\n\nCuba: So do we.\n");
  let n = await loadCount();
  await page.selectOption("#format", "turns");
  await loaded(n);
  assert.deepEqual(await page.locator("#statements .speaker").allTextContents(), ["Peru", "Cuba"]);
  assert.match(await page.locator("#status").textContent(), /^Read the pasted text as Speaker: text turns: /);
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);
  // A file: the textarea shows its text, and a change of layout reads it
  // by its name.
  await openFile(REPORT);
  assert.equal(await page.inputValue("#text"), read(REPORT));
  assert.match(await page.locator("#status").textContent(), new RegExp(`^Read ${path.basename(REPORT)}: `));
  await page.selectOption("#format", "turns");
  await page.waitForFunction(() => / as Speaker: text turns: /.test(document.querySelector("#status").textContent));
  assert.match(await page.locator("#status").textContent(), new RegExp(`^Read ${path.basename(REPORT)} as `));
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);
  assert.equal(await page.locator("#statements > li").count(), 64);
});

test("a file that is not UTF-8: the message says to save it as UTF-8, and it can be read as Windows-1252", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-page-"));
  const file = path.join(dir, "cp1252.txt");
  // "Côte d'Ivoire" as Windows-1252 writes it: ô is the one byte 0xF4.
  writeFileSync(file, Buffer.from("Chair: Good morning.\n\nC\xf4te d'Ivoire: Thank you, Chair.\n", "latin1"));
  await openFile(REPORT);
  await page.setInputFiles("#file", file);
  const error = page.locator("#error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /not UTF-8 text \(byte 23\): save it as UTF-8/);
  // The textarea no longer holds the report read before, which the read
  // button would read again as if it were this file; text typed there is kept.
  assert.equal(await page.inputValue("#text"), "");
  await page.fill("#text", "Chair: typed here.\n");
  // The error box emptied first, so that the wait is for this file's error.
  await page.evaluate(() => (document.querySelector("#error").textContent = ""));
  await page.setInputFiles("#file", file);
  await page.waitForFunction(() => /not UTF-8/.test(document.querySelector("#error")?.textContent ?? ""));
  assert.equal(await page.inputValue("#text"), "Chair: typed here.\n");
  const n = await loadCount();
  await page.click("#as-1252");
  await loaded(n);
  assert.equal(await error.isHidden(), true);
  assert.deepEqual(await page.locator("#statements .speaker").allTextContents(), ["Chair", "C\u00f4te d'Ivoire"]);
  assert.match(await page.inputValue("#text"), /C\u00f4te d'Ivoire/);
  assert.match(await page.locator("#status").textContent(), /^Read cp1252\.txt \(read as Windows-1252\): /);
});

test("a PDF or a .docx is said to be no text, and no other reading is offered", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-page-"));
  const pdf = path.join(dir, "S_PV.9999.pdf");
  writeFileSync(pdf, Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 10])]));
  const docx = path.join(dir, "statement.docx");
  writeFileSync(docx, Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, 0xff, 0xa4]));
  const error = page.locator("#error");
  for (const [file, said] of [
    [pdf, /The file is a PDF, not text: extract its text first/],
    [docx, /The file is a Word, OpenDocument or other office document, not text/],
  ]) {
    await page.evaluate(() => (document.querySelector("#error").textContent = ""));
    await page.setInputFiles("#file", file);
    await error.waitFor({ state: "visible" });
    await page.waitForFunction(() => /not text/.test(document.querySelector("#error")?.textContent ?? ""));
    assert.match(await error.textContent(), said);
    assert.equal(await page.locator("#as-1252").count(), 0);
  }
});

test("the Worker recipe: a record parsed off the page's thread, its errors with their fields", async () => {
  const text = read(REPORT);
  const want = oewg.parse(text);
  const got = await page.evaluate(async (record) => {
    const worker = new Worker(new URL("parse-worker.js", location.href), { type: "module" });
    const ask = (message, transfer) =>
      new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => resolve(data);
        worker.onerror = (e) => reject(new Error(e.message));
        // A message lost (posted before the Worker listens) must fail the
        // test, not hang it.
        setTimeout(() => reject(new Error("no answer from the Worker in 20 s")), 20_000);
        worker.postMessage(message, transfer);
      });
    const bytes = new TextEncoder().encode(record);
    const ok = await ask({ id: 1, bytes }, [bytes.buffer]);
    const bad = await ask({ id: 2, bytes: new TextEncoder().encode("Chair: Hello.\n"), format: "pv" });
    worker.terminate();
    return {
      id: ok.id,
      statements: ok.session.statements.length,
      speakers: ok.session.statements.map((s) => s.speaker.label),
      proposals: ok.session.analysis.proposals.length,
      error: bad.error,
      errorId: bad.id,
    };
  }, text);
  assert.equal(got.id, 1);
  assert.equal(got.statements, want.statements.length);
  assert.deepEqual(got.speakers, want.statements.map((s) => s.speaker.label));
  assert.equal(got.proposals, want.analysis.proposals.length);
  assert.equal(got.errorId, 2);
  assert.equal(got.error.name, "ParseError");
  assert.deepEqual([got.error.line, got.error.column], [1, 1]);
  assert.equal(typeof got.error.kind, "string");
});

test("a large file says it is being read before the parse holds the page", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-page-"));
  const file = path.join(dir, "big.txt");
  writeFileSync(file, "Chair: Good morning, and welcome to this meeting of the group.\n".repeat(40_000));
  // What the status shows at each frame drawn: the busy message must be
  // on screen, not only set and replaced before a frame.
  await page.evaluate(() => {
    window.statuses = [];
    window.watching = true;
    const status = document.querySelector("#status");
    const look = () => {
      if (window.statuses.at(-1) !== status.textContent) window.statuses.push(status.textContent);
      if (window.watching) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await openFile(file);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  const statuses = await page.evaluate(() => {
    window.watching = false;
    return window.statuses;
  });
  assert.ok(statuses.some((t) => /^Reading big\.txt \(2\.\d MB\)…$/.test(t)), statuses.join(" | "));
  assert.match(statuses.at(-1), /^Read big\.txt: /);
});

test("a UTF-16 file (Windows' \"Unicode\") is read as what its byte order mark says; an empty one shows no line", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-page-"));
  const file = path.join(dir, "unicode.txt");
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Chair: Good morning.\n\nC\u00f4te d'Ivoire: Thank you, Chair.\n", "utf16le")]));
  await openFile(file);
  assert.equal(await page.locator("#error").isHidden(), true);
  assert.deepEqual(await page.locator("#statements .speaker").allTextContents(), ["Chair", "C\u00f4te d'Ivoire"]);
  assert.match(await page.locator("#status").textContent(), /^Read unicode\.txt \(read as UTF-16\): /);

  await page.fill("#text", " \n");
  await page.click("#parse");
  await page.locator("#error").waitFor({ state: "visible" });
  assert.match(await page.locator("#error").textContent(), /The record is empty\./);
  assert.equal(await page.locator("#error .error-line").count(), 0);
});

test("a UTF-8 file with a byte order mark: the mark is reported as skipped, as the package reports it from the file's bytes", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-page-"));
  const file = path.join(dir, "bom.txt");
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Chair: Good morning.\n\nFrance: We support it.\n")]);
  writeFileSync(file, bytes);
  await openFile(file);
  assert.equal(await page.locator("#error").isHidden(), true);
  const native = oewg.parseBytes(new Uint8Array(bytes));
  assert.deepEqual(native.skipped.map((k) => k.reason), ["byte_order_mark"]);
  // The page read the mark too: without it, the spans would be 3 bytes
  // short of the file's.
  assert.deepEqual(await page.locator("#skipped li").allTextContents(), ["byte order mark line 1 (3 bytes)"]);
  assert.deepEqual(await page.locator("#statements .speaker").allTextContents(), ["Chair", "France"]);
});

test("lists cut short can be shown whole: proposals and anomalies; the chart has a legend for its colours", async () => {
  await openFile(REPORT);
  const glance = oewg.glance(oewg.parse(read(REPORT)));
  assert.ok(glance.proposals.length > 12, "the report seed names more than 12 proposals");
  const proposals = page.locator("#analyses [data-proposal]");
  const visible = (loc) => loc.evaluateAll((es) => es.filter((e) => e.checkVisibility()).length);
  assert.equal(await visible(proposals), 12);
  const more = page.locator(".analysis", { has: page.locator("[data-proposal]") }).locator("button.show-all");
  assert.equal(await more.textContent(), `Show all ${glance.proposals.length} proposals`);
  await more.click();
  assert.equal(await visible(proposals), glance.proposals.length);
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await more.click();
  assert.equal(await visible(proposals), 12);

  // The legend names the roles of the bars drawn, and no other.
  const legend = async () => page.locator("#chart-legend li").evaluateAll((es) => es.map((e) => e.dataset.role));
  const roles = (file) => new Set(oewg.floor(oewg.parse(read(file))).slice(0, 12).map((r) => r.role));
  assert.deepEqual(new Set(await legend()), roles(REPORT));
  const bars = await page.locator("#chart rect").evaluateAll((es) => es.map((e) => e.getAttribute("class").replace("bar role-", "")));
  assert.deepEqual(new Set(bars), roles(REPORT));
  await openFile(VERBATIM);
  assert.deepEqual(new Set(await legend()), roles(VERBATIM));
  assert.ok((await legend()).includes("group"));
  // A legend swatch has its bar's colour.
  const colours = await page.evaluate(() => {
    const bar = document.querySelector("#chart rect.role-chair");
    const swatch = document.querySelector("#chart-legend .swatch-chair");
    return [getComputedStyle(bar).fill, getComputedStyle(swatch).backgroundColor];
  });
  assert.equal(colours[0], colours[1]);
  // A link to a statement past the list's first page (100) shows that page.
  await page.locator(".analysis", { has: page.locator("[data-proposal]") }).locator("button.show-all").click();
  const far = Math.max(...(await page.locator("#analyses a[href^='#S']").evaluateAll((as) => as.map((a) => Number(a.getAttribute("href").slice(2))))));
  assert.ok(far > 100, `no analysis of the verbatim seed links past statement 100 (${far})`);
  await page.locator(`#analyses a[href='#S${far}']:visible`).first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), `S${far}`);

  // 35 speakers announced and never heard: 35 anomalies, 30 shown first.
  const names = ["Albania", "Brazil", "Chile", "Denmark", "Egypt", "Fiji", "Ghana", "Hungary", "India", "Japan", "Kenya", "Latvia",
    "Mexico", "Nepal", "Oman", "Peru", "Qatar", "Rwanda", "Spain", "Togo", "Uganda", "Viet Nam", "Yemen", "Zambia", "Austria",
    "Belgium", "Cuba", "Djibouti", "Ecuador", "France", "Gabon", "Haiti", "Iraq", "Jordan", "Kuwait"];
  const record = names.map((c) => `Chair: I give the floor to ${c}.\n\n`).join("");
  assert.equal(oewg.parse(record).analysis.floor_audit.anomalies.length, 35);
  await paste(record);
  const anomalies = page.locator(".analysis", { hasText: "Speaking order" }).locator("ul.plain > li");
  assert.equal(await anomalies.count(), 35);
  assert.equal(await visible(anomalies), 30);
  await page.locator(".analysis", { hasText: "Speaking order" }).locator("button.show-all").click();
  assert.equal(await visible(anomalies), 35);
});

test("at 390 px: the statements are not a box scrolled inside the page, and every speaker's figures are on screen", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openFile(REPORT);
  const scroll = await page.evaluate(() => {
    const box = document.querySelector(".statements-scroll");
    return { overflow: getComputedStyle(box).overflowY, clipped: box.scrollHeight - box.clientHeight };
  });
  assert.equal(scroll.overflow, "visible");
  assert.ok(scroll.clipped <= 1, `the statements box hides ${scroll.clipped} px`);
  // Every cell of the speakers table inside the screen, none cut.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll("#speakers tbody th, #speakers tbody td")]
      .filter((c) => c.getBoundingClientRect().right > window.innerWidth || c.getBoundingClientRect().left < 0)
      .map((c) => c.textContent),
  );
  assert.deepEqual(outside, []);
  const wrapper = await page.evaluate(() => {
    const w = document.querySelector(".table-scroll");
    return [w.scrollWidth - w.clientWidth, w.scrollHeight - w.clientHeight];
  });
  assert.deepEqual(wrapper, [0, 0], "the speakers table scrolls inside its box");
  // Each figure is named, as its column heading names it: shown, with
  // no text for a screen reader (which reads the heading already).
  const canada = page.locator("#speakers tbody tr[data-speaker='Canada']");
  const named = await canada.locator("td[data-label]").evaluateAll((cs) => cs.map((c) => `${getComputedStyle(c, "::before").content}${c.textContent}`));
  assert.deepEqual(named, ['"Words " / ""1,470', '"Share " / ""7.0%', '"Turns " / ""1', '"Speed (wpm) " / ""155', '"Time " / ""9:27']);
  await page.screenshot({ path: path.join(shots, "report-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  // At full width, the table is a table again.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#speakers")).display), "table");
});

test("at 390 px: the source lines run on in the page, not in a box scrolled inside it; a line link scrolls the page to them", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openFile(REPORT);
  const source = () =>
    page.evaluate(() => {
      const box = document.querySelector(".source-scroll");
      return {
        overflow: [getComputedStyle(box).overflowX, getComputedStyle(box).overflowY],
        clipped: [box.scrollWidth - box.clientWidth, box.scrollHeight - box.clientHeight],
        height: box.clientHeight,
        max: getComputedStyle(box).maxHeight,
        wider: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
  // Every line shown: many screens of them, and still no box of its own.
  await page.click("#source-all");
  const all = await source();
  assert.deepEqual(all.overflow, ["visible", "visible"]);
  assert.ok(all.clipped[0] <= 1 && all.clipped[1] <= 1, `the source box hides ${all.clipped} px (across, down)`);
  assert.ok(all.height > 3 * 844, `every line shown is only ${all.height} px tall`);
  assert.ok(all.wider <= 0, `the page is ${all.wider} px wider than a 390 px screen`);
  // A statement's line link: the page scrolls to the highlighted lines,
  // the heading has the focus.
  const session = oewg.parse(read(REPORT));
  const st = session.statements[40];
  await page.locator("#S41 a.lines").click();
  const hit = page.locator("#source li.hit");
  assert.equal(await hit.count(), st.span.line_end - st.span.line_start + 1);
  assert.equal(await hit.first().getAttribute("id"), `L${st.span.line_start}`);
  const y = (await hit.first().boundingBox()).y;
  assert.ok(y >= 0 && y < 844 / 2, `the first highlighted line is at y=${y} at 390 px`);
  assert.equal(await page.evaluate(() => document.activeElement.id), "source-title");
  const one = await source();
  assert.deepEqual(one.overflow, ["visible", "visible"]);
  assert.ok(one.clipped[1] <= 1, `the source box hides ${one.clipped[1]} px`);
  await page.screenshot({ path: path.join(shots, "source-390.png") });
  // At full width, the source is a box of its own again, scrolled to the lines.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click("#source-all");
  const wide = await source();
  assert.equal(wide.overflow[1], "auto");
  assert.equal(wide.max, "420px");
  assert.ok(wide.clipped[1] > 0);
  await page.locator("#S41 a.lines").click();
  const scrolled = await page.evaluate(() => document.querySelector(".source-scroll").scrollTop);
  assert.ok(scrolled > 0, "at 1280 px the source box is not scrolled to the statement's lines");
});

test("the read button says what it will read: the file's text, the sample's, or the pasted text", async () => {
  const button = page.locator("#parse");
  await openFile(REPORT);
  assert.equal(await button.textContent(), "Read the file's text");
  // Read again: the file, by its name.
  let n = await loadCount();
  await button.click();
  await loaded(n);
  assert.match(await page.locator("#status").textContent(), new RegExp(`^Read ${path.basename(REPORT)}: `));
  assert.equal(await button.textContent(), "Read the file's text");
  // Typed over: the pasted text; the typing deleted again: the file.
  const typed = "\nChair: Thank you.\n";
  await page.focus("#text");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(typed);
  assert.equal(await button.textContent(), "Read the pasted text");
  for (const _ of typed) await page.keyboard.press("Backspace");
  assert.equal(await page.inputValue("#text"), read(REPORT));
  assert.equal(await button.textContent(), "Read the file's text");
  await page.fill("#text", "Chair: Hello.\n\nChile: Thank you, Chair.\n");
  assert.equal(await button.textContent(), "Read the pasted text");
  n = await loadCount();
  await button.click();
  await loaded(n);
  assert.match(await page.locator("#status").textContent(), /^Read the pasted text: /);
  assert.equal(await button.textContent(), "Read the pasted text");
  // The sample, then a paste over it.
  n = await loadCount();
  await page.click("#sample");
  await loaded(n);
  assert.equal(await button.textContent(), "Read the sample's text");
  await page.fill("#text", "Chair: Hello.\n");
  assert.equal(await button.textContent(), "Read the pasted text");
});

test("the skip link goes to the content, before and after a record is read", async () => {
  await page.focus(".skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "content");
});

test("no script errors, no dialogs, nothing blocked by the CSP", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(dialogs, []);
});

/** A static server of `dir` with the page's CSP; `hide` 404s paths. */
function staticServer(dir, hide = () => false) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".wasm": "application/wasm", ".json": "application/json" };
  const server = createServer((req, res) => {
    let pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.join(dir, path.normalize(pathname));
    try {
      if (hide(pathname) || !file.startsWith(dir + path.sep)) throw new Error("hidden");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "text/plain", "content-security-policy": CSP });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: server.address().port })));
}

test("served from the wrong folder, or with no package built: says which and what to do, controls stay disabled", async () => {
  const cases = [
    // python3 -m http.server inside examples/web/.
    { dir: path.join(root, "examples", "web"), at: "/", says: /the package was not found at .*oewg-wasm\/pkg\/index\.js\. Serve the repository root, not examples\/web\/: run node examples\/web\/serve\.mjs/ },
    // The repository root, the package not built.
    { dir: root, at: "/examples/web/", hide: (p) => p.startsWith("/oewg-wasm/pkg/"), says: /the package is not built .* bash oewg-wasm\/build\.sh/ },
  ];
  for (const c of cases) {
    const { server, port } = await staticServer(c.dir, c.hide);
    const other = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await other.goto(`http://127.0.0.1:${port}${c.at}`);
      await other.waitForSelector("body[data-ready='failed']", { timeout: 30_000 });
      const status = await other.locator("#status").textContent();
      assert.match(status, c.says);
      assert.doesNotMatch(status, /Failed to fetch/);
      for (const id of ["file", "text", "format", "parse", "sample"]) {
        assert.equal(await other.locator(`#${id}`).isDisabled(), true, `#${id} is enabled with no reader`);
      }
      await other.screenshot({ path: path.join(shots, `no-reader-${c.hide ? "unbuilt" : "wrong-root"}-390.png`), fullPage: true });
    } finally {
      await other.close();
      server.close();
    }
  }
  // The controls are disabled in the page as served, before the reader starts.
  const html = readFileSync(path.join(root, "examples", "web", "index.html"), "utf8");
  assert.match(html, /<fieldset id="controls" class="controls" disabled>/);
});
