// Compiled with `tsc --strict` by types.test.mjs: the API's signatures as a
// TypeScript user meets them. Each @ts-expect-error line must be an error.
import {
  parse,
  parseBytes,
  detectFormat,
  resolve,
  notText,
  segment,
  floor,
  reportFigures,
  analyzeBatch,
  hasAnalyses,
  glance,
  renderHtml,
  renderMarkdown,
  renderSummary,
  verify,
  sourceLines,
  toTei,
  corpus,
  ParseError,
  InternalError,
  type Session,
  type Speaker,
  type Statement,
  type FloorShare,
  type ReportFigures,
  type Format,
  type Turn,
  type Glance,
  type Analysis,
  type AlignmentKind,
  type CorpusViews,
} from "../pkg/index.js";

const session: Session = parse("Chair: Good morning.\n");
const forced: Session = parse("Chair: Good morning.\n", "turns");
const bare: Session = parse("Chair: Good morning.\n", { format: "turns", analyses: false });
// @ts-expect-error analyses is a boolean
parse("Chair: Good morning.\n", { analyses: "no" });
const fromBytes: Session = parseBytes(new Uint8Array([67, 58, 32, 104, 10]));
const first: Statement | undefined = session.statements[0];
const iso3: string | null = first ? first.speaker.iso3 : null;
const format: Format | null = detectFormat("Chair: hi\n");
const looks: "utf-16le" | "utf-16be" | "pdf" | "zip" | null = notText(new Uint8Array([37, 80, 68, 70, 45]));
const russia: Speaker = resolve("Russia");
const russiaCode: string | null = russia.iso3;
// @ts-expect-error: resolve takes a label
resolve(7);
const turns: Turn[] = segment("Chair: hi\n");
const shares: FloorShare[] = floor(session);
const fromText: FloorShare[] = floor("Chair: hi\n");
const figures: ReportFigures[] = reportFigures(session);
const seconds: number | null = figures[0] ? figures[0].speech_time_s : null;
const analyses: Analysis[] = analyzeBatch([session, "Chair: hi\n"]);
const fromReadonly: Analysis[] = analyzeBatch([session] as const);
// @ts-expect-error: analyzeBatch takes an array
analyzeBatch(session);
const analysed: boolean = hasAnalyses(bare);
// @ts-expect-error: hasAnalyses takes a Session, not a text
hasAnalyses("Chair: hi\n");
const g: Glance = glance(session);
const html: string = renderHtml(session);
const md: string = renderMarkdown("Chair: hi\n");
const summaryText: string = renderSummary("Chair: hi\n", "record.txt");
// An absent name may be null as well as left out.
const summaryUnnamed: string = renderSummary("Chair: hi\n", null);
const teiUnnamed: string = toTei("Chair: hi\n", null);
const frozen: readonly string[] = Object.freeze(["Chair: hi\n"]);
const views: CorpusViews = corpus(frozen);
const ok: string | null = verify(session, "Chair: hi\n");
const lines: string[] = sourceLines("a\nb");
const title: string | null = session.meta.title;
const words: number = session.statements.reduce((n, s) => n + s.word_count, 0);
const reportSpeakers: number | undefined = session.report?.speakers.length;
const agreements: string[] = session.analysis.alignments.filter((a) => a.kind === "agrees").map((a) => a.aligned_with);
// @ts-expect-error: an alignment is of two kinds only
const disagrees: AlignmentKind = "disagrees";

// A test double: made from its fields, never from a message alone.
const made: ParseError = new ParseError({ message: "x", kind: "expected", line: 1, column: 1, offset: 0, expected: "a", found: "b" });
void made;
// @ts-expect-error: a ParseError has its kind and place
const fromMessage = () => new ParseError("x");
void fromMessage;

try {
  parse("");
} catch (e) {
  if (e instanceof ParseError) {
    const where: [number, number, number] = [e.line, e.column, e.offset];
    const what: [string | null, string | null] = [e.expected, e.found];
    const kind: "empty" | "invalid_utf8" | "expected" = e.kind;
    void where, what, kind;
  } else if (e instanceof InternalError) {
    const message: string = e.message;
    void message;
  }
}

// @ts-expect-error: text must be a string
parse(42);
// @ts-expect-error: no such layout
parse("x", "pdf");
// @ts-expect-error: floor takes a Session or text
floor({ meta: {} });
// @ts-expect-error: word_count is a number
const wrong: string = session.statements[0].word_count;
// @ts-expect-error: role is a union of names
const role: "president" = session.statements[0].speaker.role;

void [summaryUnnamed, teiUnnamed, views, analyses, analysed, fromReadonly, forced, fromBytes, iso3, format, turns, shares, fromText, g, html, md, ok, lines, title, words, reportSpeakers, agreements, disagrees, wrong, role];

// The test hooks are not in the types, so an editor does not offer them.
// @ts-expect-error: no such export in index.d.ts
import type { __panicForTests } from "../pkg/index.js";
