// The hostile and broken inputs of oewg-core/tests/hostile.rs, through the
// package: each gives a Session or a ParseError with its defined outcome,
// none reaches the panic hook, none surfaces as "unreachable". Plus a
// 50 MB record, and a few thousand generated inputs.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as oewg from "../pkg/node.js";
import { VERBATIM, REPORT, root, read } from "./helpers.mjs";
import { readFileSync } from "node:fs";
import path from "node:path";

const verbatim = read(VERBATIM);
const report = read(REPORT);

/** Runs f: a value or a ParseError; anything else fails the test. */
function outcome(f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof oewg.ParseError) {
      assert.ok(e.line >= 1 && e.column >= 1 && e.offset >= 0, e.message);
      return e;
    }
    assert.fail(`not a Session nor a ParseError: ${e?.name}: ${e?.message}`);
  }
}

const parses = (text, format) => {
  const s = outcome(() => oewg.parse(text, format));
  assert.ok(!(s instanceof oewg.ParseError), `expected a Session, got ${s.message}`);
  return s;
};
const fails = (text, format) => {
  const e = outcome(() => oewg.parse(text, format));
  assert.ok(e instanceof oewg.ParseError, "expected a ParseError");
  return e;
};

after(() => {
  assert.equal(oewg.__panicCount(), 0, "a hostile input reached the panic hook");
});

test("empty and blank input is an error at 1:1", () => {
  for (const src of ["", "   ", "\n\n\u00a0\n", "\ufeff"]) {
    const e = fails(src);
    assert.deepEqual([e.kind, e.line, e.column], ["empty", 1, 1], JSON.stringify(src));
  }
});

test("only a header is a session without statements", () => {
  const s = parses("Session 1-9 Transcript\n(OEWG 2021-25)\n");
  assert.equal(s.statements.length, 0);
  assert.deepEqual([s.meta.session, s.meta.meeting, s.headers.length], [1, 9, 2]);
  const r = parses("A title\n\n21 Feb 2025\n\nSession transcript\n", "report");
  assert.deepEqual(r.headers.map((h) => h.kind), ["title", "date_time", "transcript_heading"]);
});

test("records cut mid-word, mid-line and mid-section", () => {
  const cut = verbatim.slice(0, verbatim.indexOf("Leave a Reply") - 500);
  const s = parses(cut);
  assert.equal(s.statements.length, 115);
  assert.equal(s.skipped.length, 0);
  const at = verbatim.indexOf("\nRussia\n") + 4;
  assert.equal(parses(verbatim.slice(0, at)).statements.at(-1).speaker.label, "Rus");
  const r = parses(report.slice(0, report.indexOf("\nAgreements\n") - 300));
  assert.equal(r.statements.length, 64);
  assert.equal(r.report.speakers.length, 33);
  assert.equal(r.report.agreements.viewpoints.length, 0);
});

test("every cut of both seeds, every 499 characters, in every layout", () => {
  let sessions = 0;
  let errors = 0;
  for (const text of [verbatim, report]) {
    for (let at = 0; at < text.length; at += 499) {
      const piece = text.slice(0, at);
      for (const format of [undefined, "verbatim", "report", "turns"]) {
        const r = outcome(() => oewg.parse(piece, format));
        if (r instanceof oewg.ParseError) errors++;
        else {
          sessions++;
          assert.equal(oewg.verify(r, piece), null);
        }
      }
    }
  }
  assert.ok(sessions > 0 && errors > 0, `${sessions} sessions, ${errors} errors`);
});

test("CRLF and lone CR line ends give the same statements", () => {
  const lf = parses(verbatim);
  for (const end of ["\r\n", "\r"]) {
    const s = parses(verbatim.replaceAll("\n", end));
    assert.equal(s.statements.length, lf.statements.length);
    s.statements.forEach((st, i) => {
      const o = lf.statements[i];
      assert.deepStrictEqual([st.speaker, st.text, st.span.line_start], [o.speaker, o.text, o.span.line_start]);
    });
  }
  const r = parses(report.replaceAll("\n", "\r\n"));
  assert.deepEqual([r.statements.length, r.report.speakers.length], [64, 33]);
});

test("a byte-order mark is reported and changes nothing else", () => {
  for (const text of [verbatim, report]) {
    const plain = parses(text);
    const s = parses(`\ufeff${text}`);
    assert.equal(s.skipped[0].reason, "byte_order_mark");
    assert.deepEqual([s.skipped[0].span.start, s.skipped[0].span.end], [0, 3]);
    assert.equal(s.statements.length, plain.statements.length);
  }
});

test("invalid UTF-8 through parseBytes names the byte", () => {
  const bytes = readFileSync(VERBATIM);
  bytes[1000] = 0xff;
  const e = outcome(() => oewg.parseBytes(new Uint8Array(bytes)));
  assert.ok(e instanceof oewg.ParseError);
  assert.deepEqual([e.kind, e.offset, e.line], ["invalid_utf8", 1000, 12]);
  assert.match(e.message, /invalid UTF-8 at byte 1000/);
});

test("NUL bytes are text", () => {
  const s = parses("Chair: a\0b\nPeru: \0\n");
  assert.equal(s.statements.length, 2);
  assert.equal(s.statements[0].text, "a\0b");
  assert.equal(s.statements[1].word_count, 1);
});

test("a 100 MB record with no newline", () => {
  const big = "word ".repeat(20 * 1024 * 1024);
  const e = fails(big);
  assert.deepEqual([e.line, e.column], [1, 1]);
  const s = parses(`Chile: ${big}`);
  assert.equal(s.statements.length, 1);
  assert.equal(s.statements[0].word_count, 20 * 1024 * 1024);
});

test("a million one-word turns", () => {
  const s = parses("Chile: yes\n".repeat(1_000_000));
  assert.equal(s.statements.length, 1_000_000);
  assert.equal(s.statements[999_999].span.line_start, 1_000_000);
});

test("ten thousand deep list markers", () => {
  const deep = `${"– ".repeat(10_000)}item`;
  const src = `Title\n\n1 Jan 2025\n\nSession at a glance\n\nSpeakers\n\n${deep}\n\nSession transcript\n\nChair: ${deep}\n`;
  const s = parses(src);
  assert.equal(s.report.speakers_list.length, 1);
  assert.equal(s.statements[0].word_count, 10_001);
  assert.equal(parses(`Chile\n\n${deep}\n`).statements.length, 1);
});

test("labels of 100 KB", () => {
  const label = "A".repeat(100 * 1024);
  assert.equal(fails(`${label}: hello\n`).line, 1);
  const s = parses(`Chair: hi\n${label}: hello\n`);
  assert.equal(s.statements.length, 1);
  assert.ok(s.statements[0].text.endsWith(": hello"));
  assert.equal(parses(`Chile\n\nHi.\n\n${label}\n\nThere.\n`).statements.length, 1);
});

test("HTML and script in labels and statements stay text, and renderings escape them", () => {
  const src = '<script>alert(1)</script>: hi\nChair: <b onclick="x()">bold</b> &amp; more\n';
  const s = parses(src);
  assert.equal(s.statements.length, 1);
  assert.equal(s.skipped[0].reason, "before_first_speaker");
  assert.equal(s.statements[0].text, '<b onclick="x()">bold</b> & more');
  assert.equal(parses("Chile\n\n<script>alert(1)</script>\n").statements[0].text, "<script>alert(1)</script>");
  const evil = parses("<img src=x onerror=alert(1)>\n\nChair\n\nok <script>alert(1)</script>\n");
  evil.meta.title = "<img src=x onerror=alert(1)>";
  evil.statements[0].speaker.label = "<script>alert(1)</script>";
  evil.statements[0].speaker.name = "<script>alert(1)</script>";
  const html = oewg.renderHtml(evil);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.doesNotMatch(html, /<script|<img/);
  // Markdown backslash-escapes every "<" of source text.
  const md = oewg.renderMarkdown(evil);
  assert.match(md, /\\<img src/);
  assert.doesNotMatch(md, /(?<!\\)<(script|img)/);
});

test("the fuzz crash: a meeting phrase after a combining mark", () => {
  const fixture = read(path.join(root, "oewg-core/tests/fixtures/report.txt"));
  const src = fixture.replace("the 3rd meeting", "the \u034dd meeting");
  assert.notEqual(src, fixture);
  const s = parses(src);
  assert.equal(oewg.verify(s, src), null);
  assert.equal(s.meta.meeting, null);
  assert.equal(parses(fixture.replace("the 3rd meeting", "the \u034d3rd meeting")).meta.meeting, 3);
});

test("thousands of generated inputs: every layout, every analysis", () => {
  // A small deterministic generator (xorshift) over pieces that matter to
  // the grammar: labels, colons, blank lines, CR, NBSP, BOM, entities,
  // report headings, multi-byte and combining characters, slices of seeds.
  let x = 0x9e3779b9;
  const rand = (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const pieces = [
    "Chair", "Chile", ": ", ">> ", "CHAIR: ", "\n", "\n\n", "\r", "\r\n", "\u00a0", "\ufeff", " ", "&amp;", "&#",
    "Session at a glance", "Speakers", "Session transcript", "Speech length", "1470", "– ", "Agreements",
    "Session 1-9 Transcript", "(OEWG 2021-25)", "21 Feb 2025 15:00h - 18:00h", "Leave a Reply", "\u034d", "é",
    "𝔘", "\0", "<script>", "Disclaimer:", "A", "Explanation", "Major discussion point", "Topics", "3rd meeting",
  ];
  for (let i = 0; i < 3000; i++) {
    let src = "";
    const n = 1 + rand(40);
    for (let j = 0; j < n; j++) {
      if (rand(10) === 0) {
        const seed = rand(2) ? verbatim : report;
        const at = rand(seed.length);
        src += seed.slice(at, at + rand(400));
      } else src += pieces[rand(pieces.length)];
    }
    const format = [undefined, "verbatim", "report", "turns"][rand(4)];
    const r = outcome(() => oewg.parse(src, format));
    if (!(r instanceof oewg.ParseError)) {
      assert.equal(oewg.verify(r, src), null, JSON.stringify(src));
      outcome(() => oewg.floor(r));
      outcome(() => oewg.renderHtml(r));
      outcome(() => oewg.renderMarkdown(r));
    }
    outcome(() => oewg.segment(src));
    outcome(() => oewg.detectFormat(src));
  }
});
