// The package against the native program and the seeds' known figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as oewg from "../pkg/node.js";
import { VERBATIM, REPORT, FIXTURES, read, cliOk, cli } from "./helpers.mjs";

const verbatim = read(VERBATIM);
const report = read(REPORT);

test("the verbatim seed gives the core's figures", () => {
  const s = oewg.parse(verbatim);
  assert.equal(s.meta.format, "verbatim");
  assert.equal(s.statements.length, 115);
  assert.equal(s.statements.filter((st) => st.speaker.role === "chair").length, 59);
  assert.equal(new Set(s.statements.map((st) => st.speaker.label)).size, 38);
  assert.equal(s.statements.reduce((n, st) => n + st.word_count, 0), 20631);
  assert.deepEqual([s.meta.session, s.meta.meeting], [1, 9]);
  assert.equal(oewg.verify(s, verbatim), null);
});

test("words the floor audit gives to someone else are theirs: Cuba's support in the Chair's turn", () => {
  const s = oewg.parse(verbatim);
  assert.ok(s.analysis.floor_audit.anomalies.some((a) => a.kind === "unlabelled_chunk" && a.speaker === "Cuba"));
  const nam = s.analysis.proposals.find((p) => p.id === "non-aligned-movement-proposal");
  assert.deepEqual(nam.mentions.map((m) => [m.statement, m.speaker, m.stance]), [[103, "Cuba", "support"]]);
  assert.equal(s.statements[103].speaker.name, "Chair");
  assert.deepEqual(oewg.proposals(s), s.analysis.proposals);
});

test("the report seed gives the core's figures: 64 turns, 33 speech lengths, 50 arguments", () => {
  const s = oewg.parse(report);
  assert.equal(s.meta.format, "report");
  assert.equal(s.statements.length, 64);
  assert.equal(s.statements.filter((st) => st.speaker.role === "chair").length, 29);
  const blocks = s.report.speakers;
  assert.equal(blocks.length, 33);
  assert.equal(blocks.reduce((n, b) => n + b.arguments.length, 0), 50);
  // Every speaker's transcript words equal the report's Speech length.
  const words = new Map();
  for (const st of s.statements) words.set(st.speaker.label, (words.get(st.speaker.label) ?? 0) + st.word_count);
  for (const b of blocks) {
    assert.equal(words.get(b.name), b.speech_length_words, b.name);
  }
  assert.equal(blocks.find((b) => b.name === "Canada").speech_length_words, 1470);
  assert.equal(words.get("Canada"), 1470);
  assert.equal(oewg.verify(s, report), null);
});

test("parse gives exactly what `oewg json` prints, for both seeds and every fixture", () => {
  for (const file of [VERBATIM, REPORT, ...FIXTURES]) {
    const expected = JSON.parse(cliOk("json", file));
    assert.deepStrictEqual(oewg.parse(read(file)), expected, file);
  }
});

test("parse with a forced format matches `oewg json --format`, errors included", () => {
  for (const format of ["verbatim", "report", "turns"]) {
    const native = cli("json", "--format", format, VERBATIM);
    if (native.status === 0) {
      assert.deepStrictEqual(oewg.parse(verbatim, format), JSON.parse(native.stdout), format);
    } else {
      const err = catching(() => oewg.parse(verbatim, format));
      assert.ok(err instanceof oewg.ParseError, format);
      assert.equal(native.stderr, `oewg: ${VERBATIM}:${err.message}\n`, format);
    }
  }
  // The speech-recognition reader on a verbatim record: an error where its
  // first turn is left unread, not an empty session.
  const err = catching(() => oewg.parse(verbatim, "asr"));
  assert.ok(err instanceof oewg.ParseError, String(err));
  assert.equal(err.line, 4);
});

test("parse with { analyses: false } gives the same statements and an empty analysis", () => {
  const full = oewg.parse(verbatim);
  const bare = oewg.parse(verbatim, { analyses: false });
  assert.deepStrictEqual(bare.statements, full.statements);
  assert.deepStrictEqual(bare.meta, full.meta);
  assert.ok(full.analysis.proposals.length > 0);
  assert.deepStrictEqual(bare.analysis.proposals, []);
  assert.deepStrictEqual(bare.analysis.alignments, []);
  // The analyses made afterwards are those the full parse stores.
  assert.deepStrictEqual(oewg.analyze(bare), full.analysis);
  assert.deepStrictEqual(oewg.parse(verbatim, { format: "verbatim", analyses: true }), full);
  assert.deepStrictEqual(oewg.parseBytes(new TextEncoder().encode(verbatim), { analyses: false }), bare);
  assert.throws(() => oewg.parse(verbatim, { analyses: "no" }), TypeError);
  assert.throws(() => oewg.parse(verbatim, 7), TypeError);
  // A misspelt option is an error, not ignored (TypeScript would catch it;
  // plain JavaScript would run the analyses it meant to skip).
  assert.throws(() => oewg.parse(verbatim, { analysis: false }), { name: "TypeError", message: /unknown option 'analysis'/ });
  assert.throws(() => oewg.parseBytes(new TextEncoder().encode(verbatim), { Format: "report" }), {
    name: "TypeError",
    message: /unknown option 'Format'/,
  });
  assert.throws(() => oewg.parse(verbatim, ["report"]), TypeError);
});

test("a value that is not a Session: the error says where in it, once, and an array's functions name the index", () => {
  const s = oewg.parse("Chair: Good morning.\n\nCuba: Thank you.\n\nChile: Yes.\n");
  const noParagraphs = { ...s, statements: s.statements.map(({ paragraphs, ...rest }, i) => (i === 2 ? rest : { ...rest, paragraphs })) };
  const e = catching(() => oewg.floor(noParagraphs));
  assert.ok(e instanceof Error && !(e instanceof oewg.ParseError) && !(e instanceof oewg.InternalError), String(e));
  assert.equal(e.message, "oewg: not a Session: at statements[2]: missing field `paragraphs`");
  // A wrong value deep down, and a missing top-level field.
  const badRole = structuredClone(s);
  badRole.statements[1].speaker.role = "Delegation";
  assert.match(catching(() => oewg.glance(badRole)).message, /^oewg: not a Session: at statements\[1\]\.speaker\.role: unknown variant `Delegation`/);
  const { meta, ...noMeta } = s;
  assert.equal(catching(() => oewg.floor(noMeta)).message, "oewg: not a Session: missing field `meta` (a Session is the object parse returns)");
  // A wrong argument after the session is named as itself.
  assert.throws(() => oewg.renderSummary(s, 5), { name: "TypeError", message: "name must be a string" });
  for (const call of [oewg.floor, oewg.analyze, oewg.toTei, (x) => oewg.renderSummary(x, "x")]) {
    assert.doesNotMatch(catching(() => call(noParagraphs)).message, /Error:/);
  }
  // corpus names the index as analyzeBatch does, with the same path.
  const inCorpus = catching(() => oewg.corpus([s, s, noParagraphs]));
  assert.equal(inCorpus.message, "oewg: sessions[2] is not a Session: at statements[2]: missing field `paragraphs`");
  assert.equal(
    catching(() => oewg.analyzeBatch([noParagraphs])).message,
    "oewg: sessions[0] is not a Session: at statements[2]: missing field `paragraphs`",
  );
  assert.match(catching(() => oewg.corpus([{}])).message, /^oewg: sessions\[0\] is not a Session: /);
  assert.throws(() => oewg.corpus([s, 7]), { name: "TypeError", message: /sessions\[1\]/ });
  const text = catching(() => oewg.corpus([s, "  \n"]));
  assert.ok(text instanceof oewg.ParseError, String(text));
  assert.match(text.message, /^sessions\[1\]: /);
  // A good session still reads back, and the module still works.
  assert.deepStrictEqual(oewg.floor(structuredClone(s)), oewg.floor(s));
});

test("bytes that are not UTF-8 (a Windows-1252 export): parseBytes says to save as UTF-8, and the decoded text parses", () => {
  // "Côte d'Ivoire" as Windows-1252 writes it: ô is the one byte 0xF4.
  const cp1252 = Uint8Array.from([..."Chair: Good morning.\n\nC\xf4te d'Ivoire: Thank you.\n"].map((c) => c.charCodeAt(0)));
  const e = catching(() => oewg.parseBytes(cp1252));
  assert.ok(e instanceof oewg.ParseError, String(e));
  assert.deepEqual([e.kind, e.line, e.offset], ["invalid_utf8", 3, 23]);
  assert.match(e.message, /save the file as UTF-8/);
  assert.match(e.message, /windows-1252/);
  // The trace a console prints opens with the message, note and all.
  assert.ok(e.stack.startsWith(`ParseError: ${e.message}\n`), e.stack);
  const s = oewg.parse(new TextDecoder("windows-1252").decode(cp1252));
  assert.equal(s.statements[1].speaker.label, "C\u00f4te d'Ivoire");
  // A lone surrogate in a string is no file to save again: no such advice.
  assert.doesNotMatch(catching(() => oewg.parse("Chair: caf\ud800\n")).message, /save the file/);
});

test("analyzeBatch gives each session what analyze gives, in order, and names a bad element's index", () => {
  const a = oewg.parse(verbatim, { analyses: false });
  const b = oewg.parse(report, { analyses: false });
  const batch = oewg.analyzeBatch([a, b]);
  assert.equal(batch.length, 2);
  assert.deepStrictEqual(batch, [oewg.analyze(a), oewg.analyze(b)]);
  assert.ok(batch[0].proposals.length > 0);
  // Texts, a repeat and the fixtures in one batch; the empty batch.
  const texts = [report, verbatim, report, ...FIXTURES.map(read)];
  assert.deepStrictEqual(
    oewg.analyzeBatch(texts),
    texts.map((t) => oewg.parse(t).analysis),
  );
  assert.deepStrictEqual(oewg.analyzeBatch([]), []);

  assert.throws(() => oewg.analyzeBatch(a), TypeError);
  assert.throws(() => oewg.analyzeBatch("Chair: hi\n"), TypeError);
  assert.throws(() => oewg.analyzeBatch([a, 7]), { name: "TypeError", message: /sessions\[1\]/ });
  assert.throws(() => oewg.analyzeBatch([a, b, null]), { name: "TypeError", message: /sessions\[2\]/ });
  const notSession = catching(() => oewg.analyzeBatch([a, { meta: {} }]));
  assert.ok(notSession instanceof Error && !(notSession instanceof oewg.InternalError), String(notSession));
  assert.match(notSession.message, /sessions\[1\] is not a Session/);
  const bad = catching(() => oewg.analyzeBatch([verbatim, ""]));
  assert.ok(bad instanceof oewg.ParseError, String(bad));
  assert.equal(bad.kind, "empty");
  assert.match(bad.message, /^sessions\[1\]: /);
  // The module still works after the errors.
  assert.deepStrictEqual(oewg.analyzeBatch([b]), [oewg.analyze(b)]);
});

test("analyzeBatch and corpus name a bad element alike: the same ParseError for a text, the same Error for an object", () => {
  const s = oewg.parse("Chair: Good morning.\n\nCuba: Thank you.\n");
  const fields = (e) => ({
    class: e.constructor.name,
    ...Object.fromEntries(["name", "kind", "message", "line", "column", "offset", "expected", "found"].map((k) => [k, e[k]])),
  });
  const cases = [
    [s, "\n\n   just some words.\nand more\n"], // a text that does not parse, at line 3
    [s, s, ""], // an empty text
    [s, { meta: {} }], // an object that is not a session
  ];
  for (const batch of cases) {
    const inBatch = fields(catching(() => oewg.analyzeBatch(batch)));
    assert.deepEqual(fields(catching(() => oewg.corpus(batch))), inBatch);
    assert.match(inBatch.message, new RegExp(`sessions\\[${batch.length - 1}\\]`));
  }
  const text = fields(catching(() => oewg.analyzeBatch(cases[0])));
  const alone = fields(catching(() => oewg.parse(cases[0][1])));
  assert.deepEqual(text, { ...alone, message: `sessions[1]: ${alone.message}` });
  assert.deepEqual([text.class, text.line, text.column], ["ParseError", 3, 4]);
});

test("floor, glance and the renderings match `oewg render`", () => {
  for (const file of [VERBATIM, REPORT, ...FIXTURES]) {
    const text = read(file);
    const session = oewg.parse(text);
    const glance = JSON.parse(cliOk("render", "json", file));
    assert.deepStrictEqual(oewg.glance(session), glance, file);
    assert.deepStrictEqual(oewg.floor(session), glance.floor, file);
    assert.deepStrictEqual(oewg.floor(text), glance.floor, file);
    assert.equal(oewg.renderHtml(session), cliOk("render", "html", file), file);
    assert.equal(oewg.renderHtml(text), cliOk("render", "html", file), file);
    assert.equal(oewg.renderMarkdown(session), cliOk("render", "md", file), file);
    assert.equal(oewg.renderSummary(session, file), cliOk("summary", file), file);
    // Skip reasons by the names the JSON gives them.
    for (const k of session.skipped) assert.match(oewg.renderSummary(session, file), new RegExp(`: ${k.reason}\n`), file);
    // A report's glance carries its check against the transcript.
    assert.deepStrictEqual(glance.report?.check ?? null, session.report ? session.analysis.report_check : null, file);
  }
});

test("each analysis function gives what parse stores in session.analysis", () => {
  const fns = {
    floor_audit: oewg.floorAudit,
    alignments: oewg.alignments,
    segments: oewg.segments,
    topics: oewg.topics,
    report_check: oewg.reportCheck,
    statistics: oewg.statistics,
    proposals: oewg.proposals,
  };
  for (const file of [VERBATIM, REPORT, ...FIXTURES]) {
    const text = read(file);
    const session = oewg.parse(text);
    assert.deepStrictEqual(Object.keys(session.analysis).sort(), Object.keys(fns).sort(), "an analysis without a function");
    assert.deepStrictEqual(oewg.analyze(session), session.analysis, file);
    for (const [key, fn] of Object.entries(fns)) {
      assert.deepStrictEqual(fn(session), session.analysis[key], `${file}: ${key}`);
      assert.deepStrictEqual(fn(text), session.analysis[key], `${file}: ${key} of text`);
    }
    assert.deepStrictEqual(oewg.floor(session), session.analysis.statistics.speakers);
  }
  const report = oewg.parse(read(REPORT));
  assert.equal(report.analysis.report_check.blocks_checked, 33);
  assert.equal(report.analysis.report_check.length_mismatches.length, 0);
  // The header says 15:00 and "other matters"; the Chair opens with
  // "Good morning" on regular institutional dialogue.
  assert.equal(report.analysis.report_check.header_facts_checked, 4);
  assert.deepStrictEqual(
    report.analysis.report_check.header_disagreements.map((d) => [d.fact, d.header, d.transcript.text]),
    [
      ["time_of_day", "15:00", "Good morning"],
      ["agenda_item", "Agenda item 6: other matters", "agenda item relating to regular institutional dialogue"],
    ],
  );
  // Sides on the Chair's whole paper, not taken speaking of the claim's
  // subject, neither bear out nor contradict "agreed on the modalities".
  const claim = (a, b) =>
    report.analysis.report_check.stance_disagreements.find((d) => (d.speaker === a && d.other === b) || (d.speaker === b && d.other === a));
  assert.deepStrictEqual(
    [claim("Russian Federation", "Senegal").finding, claim("Russian Federation", "Senegal").evidence],
    ["no_evidence", []],
  );
  assert.deepStrictEqual(
    [claim("United Kingdom", "Canada").finding, claim("United Kingdom", "Canada").evidence.map((e) => e.proposal), claim("United Kingdom", "Canada").agreement],
    ["contradicted", ["canada-chile-proposal"], null],
  );
  // "Chile differed with El Salvador", yet Chile agrees with what El
  // Salvador said of consensus.
  const chile = claim("Chile", "El Salvador");
  assert.deepStrictEqual(
    [chile.claim, chile.finding, chile.evidence, chile.agreement.speaker, chile.agreement.kind, chile.agreement.aligned_with],
    ["differed", "contradicted", [], "Chile", "agrees", "El Salvador"],
  );
  // Agreements are alignments of their own kind.
  assert.deepStrictEqual(
    report.analysis.alignments.filter((x) => x.kind === "agrees").map((x) => [x.speaker, x.aligned_with]),
    [
      ["Republic of Moldova", "South Africa"],
      ["United Kingdom", "Pacific Islands Forum"],
      ["New Zealand", "Tonga"],
      ["Chile", "Mexico"],
      ["Chile", "El Salvador"],
      ["Israel", "United States"],
    ],
  );
  assert.deepStrictEqual(new Set(report.analysis.alignments.map((x) => x.kind)), new Set(["aligns", "agrees"]));
  // A group's paper made by a state: one alignment, the state on the group's behalf.
  assert.deepStrictEqual(
    report.analysis.alignments.filter((x) => x.speaker === "Russian Federation").map((x) => [x.aligned_with, x.on_behalf_of]),
    [
      ["Nicaragua", "Group of Like-Minded States"],
      ["China", null],
    ],
  );
  // Arguments with fewer than half of their key terms in the speaker's words.
  assert.deepStrictEqual(
    report.analysis.report_check.unsupported_arguments.map((u) => [u.speaker, u.missing_terms]),
    [
      ["Republic of Korea", ["guided", "voice", "vote", "principle"]],
      ["South Africa", ["cross", "cutting", "across", "areas"]],
    ],
  );
  assert.equal(oewg.reportCheck(oewg.parse(read(VERBATIM))), null);
});

test("a session survives JSON and structuredClone on its way back to floor", () => {
  const session = oewg.parse(report);
  const direct = oewg.floor(session);
  assert.deepStrictEqual(oewg.floor(JSON.parse(JSON.stringify(session))), direct);
  assert.deepStrictEqual(oewg.floor(structuredClone(session)), direct);
  const shares = direct.reduce((n, r) => n + r.share, 0);
  assert.ok(Math.abs(shares - 1) < 1e-9, `shares sum to ${shares}`);
});

test("segment finds the statements' spans, labels and word counts", () => {
  for (const text of [verbatim, report]) {
    const turns = oewg.segment(text);
    const session = oewg.parse(text);
    assert.equal(turns.length, session.statements.length);
    turns.forEach((t, i) => {
      const st = session.statements[i];
      assert.deepStrictEqual(
        [t.label, t.span, t.label_span, t.word_count],
        [st.speaker.label, st.span, st.label_span, st.word_count],
      );
    });
  }
});

test("a function that takes a session, given a file's bytes, says to parse them first", () => {
  const bytes = new TextEncoder().encode("Chair: Good morning.\n");
  for (const f of [oewg.floor, oewg.analyze, oewg.glance, oewg.proposals]) {
    assert.throws(() => f(bytes), { name: "TypeError", message: /use parseBytes\(bytes\) first/ });
  }
});

test("verify takes a file's bytes as parseBytes read them, a byte-order mark kept", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Chair: Good morning.\n\nCuba: Thank you, Chair.\n")]);
  const session = oewg.parseBytes(bytes);
  assert.equal(oewg.verify(session, bytes), null);
  // Decoded the default way, the mark is gone and the spans are 3 bytes off.
  assert.notEqual(oewg.verify(session, new TextDecoder().decode(bytes)), null);
  assert.throws(() => oewg.verify(session, new Uint8Array([0xff])), { name: "TypeError", message: /not UTF-8/ });
});

test("a PDF, a .docx or UTF-16 given as bytes is told what it is, not to read it as Windows-1252", () => {
  const pdf = new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n%"), 0xe2, 0xe3, 0xcf, 0xd3, 10]);
  const docx = new Uint8Array([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, 0xff, 0xa4]);
  const utf16 = new Uint8Array([0xff, 0xfe, 0x43, 0, 0x68, 0, 0x3a, 0, 0x20, 0]);
  assert.deepEqual([pdf, docx, utf16].map(oewg.notText), ["pdf", "zip", "utf-16le"]);
  assert.equal(oewg.notText(new TextEncoder().encode("Chair: Hi.\n")), null);
  for (const [bytes, hint] of [
    [pdf, /the file is a PDF, not text: extract its text first/],
    [docx, /the file is a zip archive \(a \.docx/],
    [utf16, /the bytes are UTF-16 .*TextDecoder\('utf-16le'\)/],
  ]) {
    const e = catching(() => oewg.parseBytes(bytes));
    assert.ok(e instanceof oewg.ParseError && e.kind === "invalid_utf8");
    assert.match(e.message, hint);
    assert.doesNotMatch(e.message, /windows-1252/);
  }
  // Windows-1252 shows nothing at its start: the advice stays.
  assert.match(catching(() => oewg.parseBytes(new Uint8Array([0x43, 0x3a, 0x20, 0xe9, 10]))).message, /windows-1252/);
  assert.throws(() => oewg.notText("x"), TypeError);
});

test("resolve gives a label's speaker, as a Speaker: text turn with that label gets it", () => {
  const r = oewg.resolve("Russia");
  assert.deepEqual([r.label, r.name, r.iso3, r.role], ["Russia", "Russian Federation", "RUS", "delegation"]);
  assert.equal(oewg.resolve("Czech Republic").name, "Czechia");
  assert.equal(oewg.resolve("Madam Chair").role, "chair");
  assert.equal(oewg.resolve("Co-Chair").role, "chair");
  const session = oewg.parse("Chair: Good morning.\nCuba: Thank you, Chair.\n");
  for (const st of session.statements) assert.deepEqual(oewg.resolve(st.speaker.label), st.speaker);
  assert.deepEqual([oewg.resolve("Someone Else").role, oewg.resolve("Someone Else").name], ["unknown", null]);
  assert.throws(() => oewg.resolve(undefined), { name: "TypeError", message: /label must be a string/ });
});

test("detectFormat names each layout, and null for none", () => {
  assert.equal(oewg.detectFormat(verbatim), "verbatim");
  assert.equal(oewg.detectFormat(report), "report");
  assert.equal(oewg.detectFormat("Chair: Good morning.\nCuba: Thank you.\n"), "turns");
  assert.equal(oewg.detectFormat("just some words.\n"), null);
});

test("an agreement said aloud bears out the report's claim that the two agreed", () => {
  // The fixture's report says Utopia agreed with the Chair on funding; its
  // transcript shows no side either took, until Utopia says so.
  const src = read(FIXTURES.find((f) => path.basename(f) === "report.txt"));
  const plain = oewg.parse(src).analysis.report_check;
  assert.deepStrictEqual(
    plain.stance_disagreements.map((d) => [d.speaker, d.other, d.claim, d.finding]),
    [["Utopia", "Chair", "agreed", "no_evidence"]],
  );
  const said = oewg.parse(src.replaceAll("We need funds.", "We need funds. On funding, we agree with the Chair.")).analysis;
  assert.deepStrictEqual(
    said.alignments.map((a) => [a.speaker, a.kind, a.aligned_with]),
    [["Utopia", "agrees", "Chair"]],
  );
  assert.deepStrictEqual([said.report_check.stance_claims_checked, said.report_check.stance_disagreements], [1, []]);
});

test("a parse error is a ParseError with line, column, offset, expected and found, as the CLI reports it", () => {
  const text = "\n\n   just some words.\nand more\n";
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-wasm-"));
  const file = path.join(dir, "bad.txt");
  writeFileSync(file, text);
  let err;
  try {
    oewg.parse(text);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof oewg.ParseError, String(err));
  assert.ok(err instanceof Error);
  assert.equal(err.name, "ParseError");
  assert.equal(err.kind, "expected");
  // The first non-blank character: line 3, column 4, byte 5.
  assert.deepEqual([err.line, err.column, err.offset], [3, 4, 5]);
  assert.match(err.expected, /meeting record/);
  assert.equal(err.found, '"just some words."');
  const native = cli("json", file);
  assert.equal(native.status, 1);
  assert.equal(native.stderr, `oewg: ${file}:${err.message}\n`);
  assert.ok(err.stack.includes("ParseError"));
});

test("a file's name or its bytes where the text belongs: the error says what to do", () => {
  const named = catching(() => oewg.parse(VERBATIM));
  assert.ok(named instanceof oewg.ParseError);
  assert.deepEqual([named.kind, named.line, named.column], ["expected", 1, 1]);
  assert.match(named.message, /looks like the name of a file: read the file first, e\.g\. readFileSync\(path, "utf8"\)/);
  assert.ok(named.stack.startsWith(`ParseError: ${named.message}\n`), named.stack);
  // A Windows path, or a relative one, is no record of one silent speaker.
  for (const name of ["C:\\records\\session.txt", "Records/session.txt"]) {
    const e = catching(() => oewg.parse(name));
    assert.ok(e instanceof oewg.ParseError, `${name}: ${e}`);
    assert.match(e.message, /looks like the name of a file/);
  }
  // Text that is no record and no file's name keeps the plain message.
  assert.doesNotMatch(catching(() => oewg.parse("nonsense")).message, /name of a file/);
  const buffer = catching(() => oewg.parse(readFileSync(VERBATIM)));
  assert.ok(buffer instanceof TypeError);
  assert.match(buffer.message, /^text must be a string: for bytes \(a Buffer or Uint8Array\) use parseBytes\(bytes\)$/);
});

test("a ParseError is made from its fields, and a message alone is a TypeError", () => {
  const fields = { message: "x", kind: "expected", line: 2, column: 3, offset: 4, expected: "a", found: "b" };
  const e = new oewg.ParseError(fields);
  assert.ok(e instanceof Error && e instanceof oewg.ParseError);
  assert.deepEqual([e.name, e.message, e.kind, e.line, e.column, e.offset, e.expected, e.found], ["ParseError", "x", "expected", 2, 3, 4, "a", "b"]);
  for (const bad of ["x", null, undefined, 3]) {
    assert.throws(() => new oewg.ParseError(bad), { name: "TypeError", message: /ParseError takes an object \{ message, kind, line/ });
  }
});

test("errors of every kind: empty, forced layout, invalid UTF-8, unknown format, not a session", () => {
  const empty = catching(() => oewg.parse(" \n\u00a0\n"));
  assert.ok(empty instanceof oewg.ParseError);
  assert.deepEqual([empty.kind, empty.line, empty.column, empty.expected, empty.found], ["empty", 1, 1, "a meeting record", "end of input"]);

  const forced = catching(() => oewg.parse("Chair: hello\n", "report"));
  assert.ok(forced instanceof oewg.ParseError);
  // No report heading before the end of input: the line after the last break.
  assert.deepEqual([forced.line, forced.column, forced.found], [2, 1, "end of input"]);

  const bytes = new TextEncoder().encode("Chair: hello\nCuba: caf\u00e9\n");
  bytes[bytes.length - 3] = 0xff; // the first byte of "é"
  const utf8 = catching(() => oewg.parseBytes(bytes));
  assert.ok(utf8 instanceof oewg.ParseError);
  assert.deepEqual([utf8.kind, utf8.offset, utf8.line, utf8.column], ["invalid_utf8", bytes.length - 3, 2, 10]);
  // A lone surrogate is not made U+FFFD: an error where it is, in every
  // function that reads a record's text (Python's parse gives the same).
  for (const call of [
    oewg.parse,
    oewg.segment,
    oewg.analyze,
    (t) => oewg.verify(oewg.parse("Chair: hi\n"), t),
    (t) => oewg.analyzeBatch(["Chair: hi\n", t]),
  ]) {
    const lone = catching(() => call("Chair: ok\nCuba: caf\ud800 and more\n"));
    assert.ok(lone instanceof oewg.ParseError, String(lone));
    assert.deepEqual([lone.kind, lone.line, lone.column, lone.offset], ["invalid_utf8", 2, 10, 19]);
    assert.match(lone.message, /^(sessions\[1\]: )?2:10: .*\(a lone surrogate, U\+D800, which is no character: /);
    // An element of an array is named before the place, as for any other error.
    assert.equal(lone.message.startsWith("sessions[1]: "), /analyzeBatch/.test(String(call)));
    assert.ok(lone.stack.startsWith(`ParseError: ${lone.message}\n`), lone.stack);
  }
  assert.match(catching(() => oewg.parse("Chair: \udc80\n")).message, /U\+DC80/);
  // Paired surrogates (an emoji) are text like any other.
  assert.equal(oewg.parse("Chair: ok \u{1F600}\n").statements[0].text, "ok \u{1F600}");
  // What Python's ParseError says too: the same words for every kind.
  assert.deepEqual([utf8.expected, utf8.found], ["UTF-8 text", "an invalid byte"]);
  assert.equal(oewg.parseBytes(new TextEncoder().encode(verbatim)).statements.length, 115);

  const format = catching(() => oewg.parse(verbatim, "pdf"));
  assert.ok(format instanceof Error && !(format instanceof oewg.ParseError));
  assert.match(format.message, /unknown format "pdf"/);
  // A form's "Detect" option, the empty value, says how to detect.
  assert.throws(() => oewg.parse("Chair: Hi.\n", ""), { message: /unknown format "": .*to detect the layout, give no format \(None, null\)/ });
  // A layout's name in any case, as people write it.
  assert.equal(oewg.parse(verbatim, { format: "Verbatim", analyses: false }).meta.format, "verbatim");

  for (const bad of [{}, { meta: 1 }, [], 42, null]) {
    const e = catching(() => oewg.floor(bad));
    assert.ok(e instanceof Error && !(e instanceof oewg.ParseError), String(e));
  }
  assert.match(catching(() => oewg.floor({})).message, /not a Session/);
  assert.ok(catching(() => oewg.parse(42)) instanceof TypeError);
});

test("a panic is an InternalError with its message, never 'unreachable', and the module starts afresh", () => {
  const before = oewg.parse(report);
  const panics = oewg.__panicCount();
  const e = catching(() => oewg.__panicForTests("deliberate test panic"));
  assert.ok(e instanceof oewg.InternalError, String(e));
  assert.ok(e instanceof Error);
  assert.match(e.message, /deliberate test panic/);
  assert.doesNotMatch(e.message, /unreachable/);
  assert.ok(e.cause instanceof WebAssembly.RuntimeError);
  assert.equal(oewg.__panicCount(), panics + 1);
  // A fresh instance, with the hook installed again, gives the same results.
  assert.deepStrictEqual(oewg.parse(report), before);
  assert.match(catching(() => oewg.__panicForTests("again")).message, /^oewg panicked: panicked at oewg-wasm\/src\/lib\.rs:\d+:\d+:\nagain$/);
  assert.equal(oewg.__panicCount(), panics + 2);
});

test("sourceLines numbers lines as the parser does, for LF, CRLF and lone CR", () => {
  for (const end of ["\n", "\r\n", "\r"]) {
    const text = verbatim.replaceAll("\n", end);
    const lines = oewg.sourceLines(text);
    for (const st of oewg.parse(text).statements) {
      assert.equal(lines[st.label_span.line_start - 1].trim(), st.speaker.label, JSON.stringify(end));
    }
  }
});

export function catching(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected a throw");
}

test("proposals: sponsors, co-sponsors, mentions with stances and cue offsets", () => {
  const s = oewg.parse("Canada: We present our proposal, co-sponsored by 25 countries.\nPeru: We cannot support the proposal by Canada.\n");
  const [p] = s.analysis.proposals;
  assert.deepStrictEqual([p.id, p.sponsors, p.cosponsors, p.cosponsor_names], ["canada-proposal", ["Canada"], 25, []]);
  // Co-sponsors by name: a list after "namely", a speaker saying it co-sponsored.
  const named = oewg.parse(
    "Canada: The proposal of Canada and Chile is co-sponsored by 5 states, namely Canada, Chile, Fiji, Peru and Japan.\n" +
      "Slovakia: Slovakia co-sponsored the non-paper presented by Canada and Chile.\n",
  ).analysis.proposals.find((x) => x.id === "canada-chile-proposal");
  assert.deepStrictEqual(named.cosponsor_names, ["Canada", "Chile", "Fiji", "Japan", "Peru", "Slovakia"]);
  const peru = p.mentions.at(-1);
  assert.deepStrictEqual([peru.statement, peru.speaker, peru.stance], [1, "Peru", "oppose"]);
  const bytes = new TextEncoder().encode(s.statements[1].text);
  const cue = peru.cues[0];
  assert.equal(new TextDecoder().decode(bytes.slice(cue.start, cue.end)), "cannot support");
  const cc = oewg.parse(report).analysis.proposals.find((x) => x.sponsors.join() === "Canada,Chile");
  assert.ok(cc && cc.mentions.length > 0, "the report seed's Canada–Chile proposal");
  // Canada names its 25 co-sponsors; the stance matrix marks them.
  assert.equal(cc.cosponsor_names.length, 25);
  const views = oewg.corpus([report]);
  assert.ok(views.stance_matrix.cells.find((x) => x.delegation === "Belgium" && x.proposal === "canada-chile-proposal").sponsor);
  assert.deepStrictEqual(views.proposals.find((x) => x.id === "canada-chile-proposal").sessions[0].cosponsor_names, cc.cosponsor_names);
});

test("official records: vote counts, and the person and function of a speaker", () => {
  const s = oewg.parse(read(FIXTURES.find((f) => f.endsWith("/pv.txt"))));
  assert.deepStrictEqual(s.votes[0].counts, { in_favour: 13, against: 0, abstaining: 1 });
  const people = s.statements.map((st) => st.speaker.person).filter(Boolean);
  assert.ok(people.includes("Mr. Volkov"));
  const functions = new Set(s.statements.map((st) => st.speaker.function).filter(Boolean));
  assert.ok(functions.has("President") && functions.has("Secretary-General"));
  const md = oewg.parse(read(FIXTURES.find((f) => f.endsWith("markdown.txt"))));
  assert.ok(md.statements.some((st) => st.speaker.person === "Ana Lopez" && st.speaker.function === "Representative"));
});

test("corpus: sessions parsed without the analyses are analysed for its views", () => {
  const texts = [report, verbatim];
  const parsedBare = oewg.parse(report, { analyses: false });
  assert.deepStrictEqual([oewg.hasAnalyses(parsedBare), oewg.hasAnalyses(oewg.parse(report))], [false, true]);
  assert.throws(() => oewg.hasAnalyses("Chair: hi\n"), TypeError);
  const bare = oewg.corpus(texts.map((t) => oewg.parse(t, { analyses: false })));
  const full = oewg.corpus(texts.map((t) => oewg.parse(t)));
  assert.ok(bare.stance_matrix.cells.length > 0);
  assert.deepStrictEqual(bare.stance_matrix, full.stance_matrix);
  assert.deepStrictEqual(bare.proposals, full.proposals);
});

test("corpus: a report with no turn is analysed; sessions are named session-1, session-2 … as in Python, twelve alike in the array's order", () => {
  const cut =
    "Agenda item 2: capacity building/OEWG 2030\n\n4 Apr 2030 10:00h - 13:00h\n\n" +
    "Agenda item 2: capacity building/OEWG 2030\n\nSession at a glance\n\nSummary\n\nThis covers the 3rd meeting.\n";
  const bare = oewg.parse(cut, { analyses: false });
  assert.deepStrictEqual([bare.statements.length, bare.report !== null, oewg.hasAnalyses(bare)], [0, true, false]);
  assert.deepStrictEqual(oewg.analyze(bare), oewg.parse(cut).analysis);
  assert.notEqual(oewg.parse(cut).analysis.report_check, null);

  const rec = (who) => `Chair: I present my proposal.\n${who}: We support the Chair's proposal.\n`;
  const sessions = Array.from({ length: 12 }, (_, i) => oewg.parse(rec(i % 2 ? "Peru" : "Chile")));
  const c = oewg.corpus(sessions);
  const peru = c.delegations.find((d) => d.delegation === "Peru");
  assert.deepStrictEqual(peru.sessions.map((s) => s.document), [1, 3, 5, 7, 9, 11]);
  const ids = c.proposals.map((p) => p.id);
  assert.ok(ids.includes("chairs-proposal@session-1") && ids.includes("chairs-proposal@session-12"), ids.join(" "));
  // The same ids in a second corpus of other sessions: the names go by
  // place, as Python's do, not by a counter of the calls.
  const again = oewg.corpus(sessions.slice(0, 2)).proposals.map((p) => p.id);
  assert.ok(again.includes("chairs-proposal@session-1"));
});

test("reportFigures: a report's own figures for each speaker of the floor, in its order; none for no report", () => {
  const session = oewg.parse(report);
  const figures = oewg.reportFigures(session);
  assert.deepStrictEqual(figures.map((f) => f.speaker), oewg.floor(session).map((r) => r.speaker));
  const canada = figures.find((f) => f.speaker === "Canada");
  assert.deepStrictEqual(
    [canada.blocks, canada.speech_speed_wpm, canada.speech_time_s],
    [1, 155, 567],
  );
  const block = session.report.speakers.find((b) => b.name === "Canada");
  assert.equal(canada.speech_length_words, block.speech_length_words);
  // Every block is someone's: the blocks found add up to the report's.
  const found = figures.reduce((n, f) => n + f.blocks, 0);
  assert.ok(found > 0 && found <= session.report.speakers.length);
  assert.deepStrictEqual(oewg.reportFigures(oewg.parse(verbatim)), []);
  assert.deepStrictEqual(oewg.reportFigures(report), figures);
});

test("corpus: delegations, proposals and the stance matrix, indices in the array's order", () => {
  const sessions = [oewg.parse(report), oewg.parse(verbatim)];
  const c = oewg.corpus(sessions);
  const m = c.stance_matrix;
  assert.ok(m.cells.length > 0);
  assert.deepStrictEqual(new Set(m.delegations), new Set(m.cells.map((x) => x.delegation)));
  for (const cell of m.cells) {
    for (const d of cell.documents) {
      // In the corpus the Chair's proposals carry their session after "@".
      const ps = sessions[d].analysis.proposals.filter((p) => p.id === cell.proposal.split("@")[0]);
      const marked = (p) => p.sponsors.includes(cell.delegation) || p.cosponsor_names.includes(cell.delegation);
      assert.ok(ps.some((p) => marked(p) || p.mentions.some((x) => x.speaker === cell.delegation)), `${cell.delegation} × ${cell.proposal} in session ${d}`);
    }
  }
  for (const p of c.proposals) {
    for (const ps of p.sessions) {
      const own = sessions[ps.document].analysis.proposals.find((q) => q.id === p.id.split("@")[0]);
      assert.equal(ps.mentions, own.mentions.length);
    }
  }
  // Each delegation's alignments and agreements, apart, in order of first saying so.
  for (const d of c.delegations) {
    for (const row of d.sessions) {
      const said = sessions[row.document].analysis.alignments.filter((a) => a.speaker === d.delegation);
      const firsts = (kind) => [...new Set(said.filter((a) => a.kind === kind).map((a) => a.aligned_with))];
      assert.deepStrictEqual([row.aligned_with, row.agreed_with], [firsts("aligns"), firsts("agrees")], d.delegation);
    }
  }
  const estonia = c.delegations.find((d) => d.delegation === "Estonia").sessions.find((r) => r.document === 1);
  assert.deepStrictEqual(estonia.agreed_with, ["Costa Rica", "United Kingdom", "Russian Federation"]);
  // The Chair's letter of 2021 and discussion paper of 2025: two texts.
  const chairs = c.proposals.filter((p) => p.id.startsWith("chairs-proposal")).map((p) => [p.id, p.name, p.sessions.length]);
  assert.deepStrictEqual(chairs.sort(), [
    ["chairs-proposal@oewg-2021-25-session-1", "Chair's proposal (OEWG 2021-25, session 1)", 1],
    ["chairs-proposal@oewg-2025-session-10", "Chair's proposal (OEWG 2025, session 10)", 1],
  ]);
  const czechia = (id) => m.cells.find((x) => x.delegation === "Czechia" && x.proposal === id)?.stance;
  assert.equal(czechia("chairs-proposal@oewg-2021-25-session-1"), "support");
  assert.equal(czechia("chairs-proposal@oewg-2025-session-10"), "concern");
  const key = (x) => `${x.delegation}|${x.proposal}|${x.stance}`;
  const again = oewg.corpus([verbatim, report]).stance_matrix.cells.map(key).sort();
  assert.deepStrictEqual(m.cells.map(key).sort(), again, "texts or objects, in any order: the same cells");
  assert.throws(() => oewg.corpus("not an array"), TypeError);
  assert.throws(() => oewg.corpus([""]), oewg.ParseError);
});

test("topics: consensus is decision-making as the rule decisions are taken by, not as an agreement sought", () => {
  const s = oewg.parse("Chile: Decisions are taken by consensus.\nPeru: We thank you for your efforts to find a consensus.\n");
  assert.deepStrictEqual(
    oewg.topics(s).statements.map((st) => [st.statement, st.tags.map((t) => [t.topic, t.evidence.map((h) => h.term)])]),
    [[0, [["decision_making", ["by consensus"]]]]],
  );
});

test("toTei and jsonSchema", () => {
  const s = oewg.parse(verbatim);
  const xml = oewg.toTei(s, "seed one");
  assert.ok(xml.startsWith("<?xml") && xml.includes('xml:id="seed_one"'));
  assert.equal(xml, oewg.toTei(verbatim, "seed one"), "stable ids, same from text or object");
  assert.equal((xml.match(/<u /g) ?? []).length, s.statements.length);
  // A docId that is no string: a TypeError, not a stopped module.
  assert.throws(() => oewg.toTei(s, 5), { name: "TypeError", message: /docId must be a string/ });
  assert.ok(oewg.toTei(s, null).startsWith("<?xml"));
  const schema = oewg.jsonSchema();
  assert.ok(String(schema.title).startsWith("oewg Session "));
  assert.ok(schema.required.every((k) => k in s));
  const native = readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../schema/session.schema.json"), "utf8");
  assert.deepStrictEqual(schema, JSON.parse(native), "the shipped schema file");
});

test("the glance, corpus proposals and the stance matrix put a delegation on the same side", () => {
  let mixed = 0;
  for (const text of [verbatim, report]) {
    const s = oewg.parse(text);
    const views = oewg.corpus([s]);
    const glance = oewg.glance(s);
    for (const cell of views.stance_matrix.cells) {
      const counts = cell.support + cell.oppose + cell.concern + cell.neutral + cell.reference;
      if (counts === 0) continue; // a sponsor that stated nothing
      if ([cell.support, cell.oppose, cell.concern].filter((n) => n > 0).length > 1) mixed++;
      const row = views.proposals.find((p) => p.id === cell.proposal).sessions[0];
      // The glance is the session's: ids without the corpus's "@session".
      const seen = glance.proposals.find((p) => p.id === cell.proposal.split("@")[0]);
      for (const [stance, side] of [["support", "supporters"], ["oppose", "opposers"], ["concern", "concerned"]]) {
        const here = cell.stance === stance;
        assert.equal(row[side].includes(cell.delegation), here, `${cell.delegation} ${cell.proposal} ${side}`);
        assert.equal(seen[side].includes(cell.delegation), here, `${cell.delegation} ${cell.proposal} glance ${side}`);
      }
    }
  }
  assert.ok(mixed >= 2, `delegations of mixed stances in the seeds: ${mixed}`);
});
