// The example page (examples/web/) in Debian's Chromium, driven by
// playwright-core: the report seed through the file input, the speakers
// table, the statement filter, a statement's source lines, a record full
// of markup, a parse error, the keyboard; full-page screenshots at 1280
// and 375 px in ${CARGO_TARGET_DIR:-target}/web-screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import * as oewg from "../pkg/node.js";
import { serve } from "../../examples/web/serve.mjs";
import { REPORT, read, targetDir } from "./helpers.mjs";

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
  const shown = page.locator("#analyses [data-proposal]");
  assert.equal(await shown.count(), Math.min(12, glance.proposals.length));
  const most = [...glance.proposals].sort((x, y) => y.mentions - x.mentions)[0];
  assert.equal(await shown.first().getAttribute("data-proposal"), most.id);
  assert.match(await shown.first().textContent(), new RegExp(`${most.mentions} mentions`));
  assert.match(await page.locator("#analyses").textContent(), /do not bear out: \d+ of \d+/);
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
  n = await loadCount();
  await page.selectOption("#format", "");
  await loaded(n);
  assert.equal(await page.locator("#error").isHidden(), true);
  assert.equal(await page.locator("#statements > li").count(), 64);
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
  await page.selectOption("#format", "");
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
