// Types of the oewg package. The Session shape mirrors oewg-core's model
// (oewg-core/src/model/) field for field, as `oewg json` prints it; the
// Node tests compile real parse output of every layout against these
// interfaces with `tsc --strict`, so a field added, renamed or removed in
// Rust fails the tests until this file follows.

/**
 * The layout of a record: A `verbatim` transcript, B AI session `report`,
 * C `Speaker: text` `turns` or captions, D official verbatim record of the
 * Security Council or General Assembly (`pv`), E UN speech-recognition
 * transcript (`asr`), F `markdown` transcript. The functions that take a
 * layout also read its name in any case, with spaces around it (`"PV"`,
 * `" Verbatim "`), as the core does; the type lists the names as
 * sessions give them.
 */
export type Format = "verbatim" | "report" | "turns" | "asr" | "markdown" | "pv";

/**
 * A byte range of the UTF-8 source with the 1-based numbers of its first
 * and last lines. Offsets count UTF-8 bytes, not JavaScript characters: use
 * the line numbers with {@link sourceLines} to show a span.
 */
export interface Span {
  /** Byte offset of the first byte. */
  start: number;
  /** Byte offset just past the last byte. */
  end: number;
  /** 1-based number of the first line. */
  line_start: number;
  /** 1-based number of the last line. */
  line_end: number;
}

/** What the record says about itself. */
export interface Meta {
  /** The layout the record was parsed as. */
  format: Format;
  /** The record's title line, as written. */
  title: string | null;
  /** The process, e.g. `OEWG 2021-25`. */
  process: string | null;
  /** Number of the substantive session. */
  session: number | null;
  /** Number of the meeting within the session. */
  meeting: number | null;
  /** Date of the meeting, ISO 8601 (`2025-02-21`). */
  date: string | null;
  /** Start of the time slot, `HH:MM`. */
  time_start: string | null;
  /** End of the time slot, `HH:MM`. */
  time_end: string | null;
  /** Agenda items named by the record. */
  agenda_items: string[];
  /** The body that met, when the record names it; absent otherwise. */
  body?: string;
  /** The language of the record, when it says; absent otherwise. */
  language?: string;
  /** Where the record was published, when it says; absent otherwise. */
  source_url?: string;
  /** The day of the session, when the record numbers it; absent otherwise. */
  day?: number;
  /** The room, when the record names it; absent otherwise. */
  room?: string;
  /** An official record's document symbol (`S/PV.9999`); absent otherwise. */
  symbol?: string;
  /** Where the meeting was held (`New York`); absent otherwise. */
  place?: string;
  /** The President, as the front matter names them; absent otherwise. */
  president?: string;
  /** An official record's members list, state by state; absent when there is none. */
  members?: Member[];
}

/** A member of the body, from an official record's front matter. */
export interface Member {
  /** The state, resolved. */
  state: Speaker;
  /** Its representative, as written. */
  representative: string;
}

/** A recorded vote of an official record (layout D). */
export interface Vote {
  /** States voting in favour. */
  in_favour: Speaker[];
  /** States voting against. */
  against: Speaker[];
  /** States abstaining. */
  abstaining: Speaker[];
  /** The sentence that gives the result, when the record has one. */
  result: string | null;
  /** The vote lists in the source. */
  span: Span;
  /** The numbers the result sentence gives; absent when it gives none. */
  counts?: VoteCounts;
}

/** The numbers of a vote as its result sentence states them (`none` is 0). */
export interface VoteCounts {
  /** Votes in favour, when the sentence gives them. */
  in_favour: number | null;
  /** Votes against. */
  against: number | null;
  /** Abstentions. */
  abstaining: number | null;
}

/** Who spoke. */
export type Role = "chair" | "delegation" | "group" | "observer" | "organization" | "stakeholder" | "unknown";

/** A speaker label and what it resolves to. */
export interface Speaker {
  /** The label as written, trimmed (HTML entities of a page's markup decoded; `label_span` keeps the bytes). */
  label: string;
  /** The kind of speaker. */
  role: Role;
  /** Canonical name when the label is recognised (`Czechia` for `Czech Republic`). */
  name: string | null;
  /** ISO 3166-1 alpha-3 code, for a state. */
  iso3: string | null;
  /** The group the speaker speaks for, when the label says so. */
  on_behalf_of: string | null;
  /**
   * How sure the resolution is, from 0 to 1: 1 for a name or an alias in
   * the registry, less for an approximate match, 0 when nothing matched.
   */
  confidence: number;
  /** The state's UN regional group. */
  regional_group: RegionalGroup | null;
  /** The person speaking, where the layout names them apart from whom they speak for (`Mr. Volkov`). */
  person?: string;
  /** The speaker's function, where the layout gives it (`President`, `Co-Chair`). */
  function?: string;
}

/** A UN regional group. */
export type RegionalGroup =
  | "african"
  | "asia_pacific"
  | "eastern_european"
  | "latin_american_caribbean"
  | "western_european_others";

/** Whether a statement runs the meeting or says something of substance. */
export type StatementKind = "procedural" | "substantive";

/** One turn at the floor. */
export interface Statement {
  /** 0-based position in the session. */
  index: number;
  /** Who spoke. */
  speaker: Speaker;
  /** The words, whitespace-normalised; paragraphs separated by `"\n\n"`. */
  text: string;
  /** Whitespace-separated words in `text`. */
  word_count: number;
  /** The raw turn in the source, label included. */
  span: Span;
  /** The raw speaker label in the source. */
  label_span: Span;
  /** The raw span of each paragraph, in order. */
  paragraphs: Span[];
  /** Procedural or substantive: procedural are the Chair's turns of at most 80 words and anyone else's of at most 40 that take no position (no "support", "oppose", "propose", "agree", "align", "endorse", "reject", "object" or "sponsor" starting a word). */
  kind: StatementKind;
  /** Seconds into the meeting, where the record stamps its turns (`Chile [1:15]:` is 75); absent otherwise. */
  time_offset_s?: number;
  /** The language the speaker spoke in, when an official record says (`spoke in French`); absent otherwise. */
  language?: string;
}

/** What a header line is. */
export type HeaderKind =
  | "title"
  | "process"
  | "date_time"
  | "note"
  | "transcript_heading"
  | "disclaimer"
  | "field"
  | "event"
  | "rule"
  | "procedural_event"
  | "agenda_item"
  | "vote";

/** A header line understood outside statements and report sections. */
export interface Header {
  /** What the line is. */
  kind: HeaderKind;
  /** The line's text, whitespace-normalised. */
  text: string;
  /** Where it is. */
  span: Span;
}

/** Why a part of the input is not in the model. */
export type SkipReason =
  | "web_footer"
  | "before_first_speaker"
  | "byte_order_mark"
  | "unrecognized_report_block"
  | "malformed_value"
  | "page_furniture"
  | "unattributed_text";

/** A part of the input that is not in the model, with the reason. */
export interface Skipped {
  /** Where it is. */
  span: Span;
  /** Why it was skipped. */
  reason: SkipReason;
}

/** A parsed record: exactly what `oewg json` prints. */
export interface Session {
  /** What the record says about itself. */
  meta: Meta;
  /** The turns at the floor, in order. */
  statements: Statement[];
  /** Header lines understood outside statements and report sections. */
  headers: Header[];
  /** The typed report, for layout B. */
  report: Report | null;
  /** What could not be placed, with the reason. */
  skipped: Skipped[];
  /** Every analysis of the session, computed by {@link parse}. */
  analysis: Analysis;
  /** An official record's recorded votes; absent when there are none. */
  votes?: Vote[];
}

/** The sections of a report. */
export type SectionKind =
  | "at_a_glance"
  | "speakers"
  | "additional_speakers"
  | "full_report"
  | "speaker_analyses"
  | "agreements"
  | "differences"
  | "partial_agreements"
  | "takeaways"
  | "thought_provoking_comments"
  | "follow_up_questions"
  | "disclaimer"
  | "other";

/** A report section's kind and span, heading included. */
export interface Section {
  /** Which section. */
  kind: SectionKind;
  /** Heading through last line. */
  span: Span;
}

/** "Session at a glance": summary and keypoints. */
export interface AtAGlance {
  /** The summary's paragraphs. */
  summary: string[];
  /** "Major discussion points". */
  major_discussion_points: string[];
  /** "Overall purpose/goal". */
  overall_purpose: string | null;
  /** "Tone". */
  tone: string | null;
}

/** An entry of the "Speakers" or "Additional speakers" list. */
export interface ListedSpeaker {
  /** The name as written. */
  name: string;
  /** What follows the colon, if anything. */
  description: string | null;
}

/** What a block of the full report is. */
export type BlockKind = "heading" | "paragraph" | "list_item";

/** One block of the full session report. */
export interface ReportBlock {
  /** Heading, paragraph or list item. */
  kind: BlockKind;
  /** Whitespace-normalised text. */
  text: string;
}

/** One argument of a speaker, as the report analyses it. */
export interface Argument {
  /** The argument's title line. */
  title: string;
  /** "Explanation". */
  explanation: string | null;
  /** "Evidence". */
  evidence: string | null;
  /** "Major discussion point". */
  major_discussion_point: string | null;
  /** "Topics". */
  topics: string[];
  /** "Agreed with". */
  agreed_with: string[];
  /** "Agreed on". */
  agreed_on: string | null;
  /** "Differed with". */
  differed_with: string[];
  /** "Differed on". */
  differed_on: string | null;
}

/** A speaker's analysis block: speech statistics and arguments. */
export interface SpeakerAnalysis {
  /** The speaker's name as written. */
  name: string;
  /** "Speech speed", in words per minute. */
  speech_speed_wpm: number | null;
  /** "Speech length", in words. */
  speech_length_words: number | null;
  /** "Speech time", in seconds. */
  speech_time_s: number | null;
  /** The speaker's arguments, in order. */
  arguments: Argument[];
  /** Index letter line through last line. */
  span: Span;
}

/** The subsection a {@link Viewpoint} appears under. */
export type ViewpointCategory =
  | "agreement_point"
  | "similar_viewpoints"
  | "unexpected_consensus"
  | "different_viewpoints"
  | "unexpected_differences"
  | "partial_agreement";

/** A point on which speakers agree or differ. */
export interface Viewpoint {
  /** The subsection it appears under. */
  category: ViewpointCategory;
  /** The point: a topic line or a descriptive paragraph. */
  point: string;
  /** "Speakers". */
  speakers: string[];
  /** "Arguments". */
  arguments: string[];
  /** "Summary". */
  summary: string | null;
  /** "Explanation". */
  explanation: string | null;
}

/** An "Overall assessment" with its summary and level. */
export interface Assessment {
  /** "Summary". */
  summary: string | null;
  /** "Consensus level" or "difference_level". */
  level: string | null;
}

/** "Agreements". */
export interface Agreements {
  /** Agreement points, similar viewpoints and unexpected consensus. */
  viewpoints: Viewpoint[];
  /** "Overall assessment". */
  overall_assessment: Assessment | null;
}

/** "Differences". */
export interface Differences {
  /** Different viewpoints and unexpected differences. */
  viewpoints: Viewpoint[];
  /** "Overall assessment". */
  overall_assessment: Assessment | null;
}

/** "Takeaways": each list may be empty. */
export interface Takeaways {
  /** "Key takeaways". */
  key_takeaways: string[];
  /** "Resolutions and action items". */
  resolutions_and_action_items: string[];
  /** "Unresolved issues". */
  unresolved_issues: string[];
  /** "Suggested compromises". */
  suggested_compromises: string[];
}

/** A quoted comment with why it mattered. */
export interface ThoughtProvokingComment {
  /** The quote. */
  quote: string;
  /** "Speaker". */
  speaker: string | null;
  /** "Reason". */
  reason: string | null;
  /** "Impact". */
  impact: string | null;
}

/** "Thought provoking comments". */
export interface ThoughtProvoking {
  /** The comments. */
  comments: ThoughtProvokingComment[];
  /** "Overall assessment". */
  overall_assessment: string | null;
}

/** A follow-up question the report suggests. */
export interface FollowUpQuestion {
  /** The question. */
  question: string;
  /** "Speaker": who raised it, as written. */
  speakers: string | null;
  /** "Explanation". */
  explanation: string | null;
}

/** A whole AI session report (layout B); its transcript's turns are the session's statements. */
export interface Report {
  /** "Session at a glance". */
  at_a_glance: AtAGlance;
  /** "Speakers": the speakers the report lists. */
  speakers_list: ListedSpeaker[];
  /** "Additional speakers": mentioned but not heard. */
  additional_speakers: ListedSpeaker[];
  /** "Full session report": prose with headings and lists. */
  full_report: ReportBlock[];
  /** One analysis block per speaker: statistics and arguments. */
  speakers: SpeakerAnalysis[];
  /** "Agreements". */
  agreements: Agreements;
  /** "Differences". */
  differences: Differences;
  /** "Partial agreements". */
  partial_agreements: Viewpoint[];
  /** "Takeaways". */
  takeaways: Takeaways;
  /** "Thought provoking comments". */
  thought_provoking_comments: ThoughtProvoking;
  /** "Follow-up questions". */
  follow_up_questions: FollowUpQuestion[];
  /** The closing disclaimer, without its `Disclaimer:` prefix. */
  disclaimer: string | null;
  /** Where each section is, in order. */
  sections: Section[];
  /** Sections the core does not type (`Event report`, …), kept with their title and text. */
  other_sections: TitledSection[];
}

/** A report section kept as written: its heading and its paragraphs. */
export interface TitledSection {
  /** The heading, as written. */
  title: string;
  /** The paragraphs under it, whitespace-normalised. */
  text: string[];
  /** Heading through last line. */
  span: Span;
}

/** A turn as {@link segment} finds it. */
export interface Turn {
  /** The speaker label as written, trimmed (HTML entities decoded). */
  label: string;
  /** The whole turn, label included. */
  span: Span;
  /** The label. */
  label_span: Span;
  /** Words in the turn's text. */
  word_count: number;
}

/** One speaker's part of a session. */
export interface FloorShare {
  /** The canonical name when the label was recognised, else the label. */
  speaker: string;
  /** The kind of speaker. */
  role: Role;
  /** ISO 3166-1 alpha-3 code, for a state. */
  iso3: string | null;
  /** Turns taken. */
  turns: number;
  /** Of which substantive. */
  substantive_turns: number;
  /** Words spoken. */
  words: number;
  /** Fraction of all words in the session, from 0 to 1. */
  share: number;
  /** Index of the speaker's first statement. */
  first_statement: number;
}

/**
 * A report's own figures for one speaker of the floor: the blocks of its
 * "Speakers" section filed under the labels that speaker spoke under (a
 * delegation may speak as "Pacific Islands Forum – Tonga" and as "Tonga",
 * each with its block).
 */
export interface ReportFigures {
  /** The speaker, as the floor names them ({@link FloorShare.speaker}). */
  speaker: string;
  /** The report's blocks found for them. */
  blocks: number;
  /** Words per minute: the block's own where there is one block, `null` where there are several. */
  speech_speed_wpm: number | null;
  /** Words, over the blocks; `null` where a block does not give it. */
  speech_length_words: number | null;
  /** Seconds, over the blocks; `null` where a block does not give it. */
  speech_time_s: number | null;
}

/** The report's part of a {@link Glance}. */
export interface ReportGlance {
  /** The "Session at a glance" summary paragraphs. */
  summary: string[];
  /** Speaker analysis blocks. */
  speaker_blocks: number;
  /** Arguments across all speaker blocks. */
  arguments: number;
  /** Agreement viewpoints. */
  agreements: number;
  /** Difference viewpoints. */
  differences: number;
  /** What the report says against what its transcript shows (the session's `analysis.report_check`). */
  check: ReportCheck | null;
}

/** A skipped part of the source, as a {@link Glance} shows it. */
export interface SkippedGlance {
  /** First line. */
  line_start: number;
  /** Last line. */
  line_end: number;
  /** Its size in bytes. */
  bytes: number;
  /** Why, as named in JSON (`web_footer`, …). */
  reason: string;
}

/** A session at a glance: what the Markdown and HTML renderings show. */
export interface Glance {
  /** The record's title, or "Untitled session". */
  title: string;
  /** Labelled facts from the meta, in a fixed order. */
  facts: [string, string][];
  /** Statements in all. */
  statements: number;
  /** Of which substantive. */
  substantive: number;
  /** Words in all statements. */
  words: number;
  /** Every speaker's share of the floor, most words first. */
  floor: FloorShare[];
  /** For a report: its own summary and counts. */
  report: ReportGlance | null;
  /** The floor audit's anomalies, in order of statements. */
  anomalies: Anomaly[];
  /** Who aligned with whom, and who said they agree with whom (`kind`). */
  alignments: Alignment[];
  /** The agenda segments. */
  segments: AgendaSegment[];
  /** Statements and terms per topic. */
  topics: TopicCount[];
  /** What the parser skipped. */
  skipped: SkippedGlance[];
  /** The proposals, with who backs and who resists each. */
  proposals: ProposalGlance[];
}

/** A sentence of a statement that an analysis rests on. */
export interface Excerpt {
  /** Index of the statement. */
  statement: number;
  /** Byte offset of the first byte in the statement's UTF-8 text. */
  start: number;
  /** Byte offset just past the last byte in the statement's text. */
  end: number;
  /** The words themselves. */
  text: string;
  /** The source span of the paragraph the words are in, when known. */
  paragraph: Span | null;
}

/** A speaker the Chair names, resolved. */
export interface Named {
  /** Canonical name; empty when the words could not be resolved. */
  name: string;
  /** The words as written ("Check here"). */
  as_written: string;
  /** 1 for a registry name; less for a name matched by sound; 0 when unresolved. */
  confidence: number;
}

/** What a Chair's sentence does to the speakers' list. */
export type FloorEventKind = "announced" | "thanked" | "corrected" | "list_closed";

/** A Chair's sentence that gives the floor, thanks, corrects or closes the list. */
export interface FloorEvent {
  /** What it does. */
  kind: FloorEventKind;
  /** The speakers named, in order. */
  speakers: Named[];
  /** The sentence. */
  excerpt: Excerpt;
}

/** What departs from the speakers' list. */
export type AnomalyKind =
  | "announced_not_heard"
  | "thanked_not_heard"
  | "heard_unannounced"
  | "out_of_order"
  | "foreign_chunk"
  | "unlabelled_chunk"
  | "chair_correction";

/** A departure from the speakers' list. */
export interface Anomaly {
  /** What is wrong. */
  kind: AnomalyKind;
  /** The speaker concerned, by canonical name. */
  speaker: string;
  /** The statements involved, in order. For `"thanked_not_heard"` after an `"unlabelled_chunk"` of the same speaker, the Chair's turn that holds their words comes first. */
  statements: number[];
  /** The Chair's sentence that shows it, when there is one. */
  excerpt: Excerpt | null;
}

/** The speakers' list as the Chair ran it, and its anomalies. */
export interface FloorAudit {
  /** The Chair's floor-giving, thanking, correcting and closing sentences, in order. */
  events: FloorEvent[];
  /** Everyone announced, in the order first announced. */
  announced: string[];
  /** Everyone thanked, in order (twice if thanked twice). */
  thanked: string[];
  /** What departs from the list, in order of the statements. */
  anomalies: Anomaly[];
}

/**
 * How a delegation sides with another: `aligns` (aligns itself with, subscribes to, joins or
 * endorses its statement) or `agrees` (agrees or concurs with it, shares the view it expressed, joins it in:
 * a point of agreement, not the whole statement).
 */
export type AlignmentKind = "aligns" | "agrees";

/**
 * "Senegal aligns itself with the statement by Nigeria on behalf of the African Group", or, of
 * kind `agrees`, "we agree with the speaker from the United Kingdom".
 *
 * @example
 * ```ts
 * const [a] = alignments(parse("Chile: We share the view expressed by Peru.\n"));
 * a.kind; // "agrees"
 * a.aligned_with; // "Peru"
 * ```
 */
export interface Alignment {
  /** Index of the statement that says it. */
  statement: number;
  /** Who aligns, by canonical name (the label when not recognised): the statement's speaker, or a state it names as aligning with its own statement ("The candidate countries North Macedonia, … align themselves with this statement"); in a chunk the floor audit finds to be someone else's words (`unlabelled_chunk`, `foreign_chunk`), that someone. */
  speaker: string;
  /** Whose statement or position they align with, by canonical name. */
  aligned_with: string;
  /** The group the aligned-with speaker spoke for, when the sentence says so. */
  on_behalf_of: string | null;
  /** The sentence. */
  excerpt: Excerpt;
  /** What `aligned_with` is: a delegation, a group, the Chair, or `unknown` for a person or anything the registry does not know. */
  aligned_with_role: Role;
  /** Whether `aligned_with` resolved through the registry (else it is the sentence's own words). */
  resolved: boolean;
  /** An alignment with the statement, or an agreement with a view. */
  kind: AlignmentKind;
}

/** A stretch of the session under one agenda item. */
export interface AgendaSegment {
  /** The agenda item's number, when the Chair says it. */
  agenda_item: number | null;
  /** The sub-item's number, when the Chair says it. */
  sub_item: number | null;
  /** What the item is about, as the Chair words it. */
  title: string | null;
  /** Index of the first statement. */
  first_statement: number;
  /** Index of the last statement. */
  last_statement: number;
  /** Statements in the segment. */
  turns: number;
  /** Words in them. */
  words: number;
  /** The Chair's sentence that opens the segment; null before any. */
  excerpt: Excerpt | null;
}

/** The OEWG pillars, stakeholder modalities and decision-making. */
export type Topic =
  | "threats"
  | "norms"
  | "international_law"
  | "confidence_building"
  | "capacity_building"
  | "institutional_dialogue"
  | "stakeholders"
  | "decision_making";

/** A vocabulary term found in a statement's text. */
export interface TermHit {
  /** The vocabulary term. */
  term: string;
  /** Byte offset in the statement's UTF-8 text. */
  start: number;
  /** Byte offset just past it. */
  end: number;
}

/** A topic of a statement with the terms that gave it. */
export interface TopicTag {
  /** The topic. */
  topic: Topic;
  /** The terms that gave it, in order. */
  evidence: TermHit[];
}

/** The topics of one statement. */
export interface StatementTopics {
  /** Index of the statement. */
  statement: number;
  /** Its topics. */
  tags: TopicTag[];
}

/** How much of a session is about a topic. */
export interface TopicCount {
  /** The topic. */
  topic: Topic;
  /** Statements tagged with it. */
  statements: number;
  /** Terms found for it across the session. */
  terms: number;
}

/** The topics of every statement, and per topic. */
export interface Topics {
  /** Every statement with at least one topic, in order. */
  statements: StatementTopics[];
  /** One row per topic. */
  counts: TopicCount[];
}

/** A report speaker block whose "Speech length" is not the transcript's count. */
export interface LengthMismatch {
  /** The speaker, as the block names them. */
  speaker: string;
  /** The block's "Speech length", in words. */
  report_words: number;
  /** Words of the speaker's transcript turns. */
  transcript_words: number;
}

/** A name the report uses that is no speaker of its transcript. */
export interface UnmatchedName {
  /** The name as the report writes it. */
  name: string;
  /** Where the report uses it (`speakers_list`, `speaker_block`, `agreements`, …). */
  places: string[];
}

/**
 * An argument the report gives a speaker who used fewer than half of its
 * title's key terms: the speakers of one meeting share its subject's words,
 * so one shared word is no support.
 */
export interface UnsupportedArgument {
  /** The speaker, as the block names them. */
  speaker: string;
  /** The argument's title. */
  argument: string;
  /** The title's key terms. */
  key_terms: string[];
  /** The key terms the speaker never used, more than half of them. */
  missing_terms: string[];
}

/** A report checked against its own transcript. */
export interface ReportCheck {
  /** In the "Speakers" list, never heard in the transcript. */
  listed_not_heard: string[];
  /** Heard in the transcript, in neither speakers list. */
  heard_not_listed: string[];
  /** Speaker blocks whose "Speech length" is not the transcript's count. */
  length_mismatches: LengthMismatch[];
  /** Speaker blocks checked for length. */
  blocks_checked: number;
  /** Names in the report that are no speaker of the transcript. */
  names_not_heard: UnmatchedName[];
  /** Arguments whose key terms the speaker mostly never used (fewer than half used). */
  unsupported_arguments: UnsupportedArgument[];
  /** Arguments checked for key terms. */
  arguments_checked: number;
  /** The report's claims that two speakers agreed or differed that the stances on proposals in its transcript do not bear out (an "agreed" claim is borne out too where either says it agrees or aligns with the other, or with the group the other spoke for, of the claim's subject: an {@link Alignment}). */
  stance_disagreements: StanceDisagreement[];
  /** Claims of agreement or difference checked against the stances. */
  stance_claims_checked: number;
  /** Facts of the report's header (session, meeting, time of day, agenda item) that the Chair's opening words in the transcript contradict. */
  header_disagreements: HeaderDisagreement[];
  /** Facts of the header that the Chair's opening also states, checked. */
  header_facts_checked: number;
}

/**
 * A fact of a report's header that the Chair's opening words in its
 * transcript contradict.
 *
 * @example
 * const s = parse("Agenda item 6: other matters/OEWG 2025\n\n21 Feb 2025 15:00h - 18:00h\n\n" +
 *   "Session at a glance\n\nSession transcript\n\nChair: Good morning.\n");
 * const d = s.analysis.report_check!.header_disagreements[0];
 * // d.fact === "time_of_day", d.header === "15:00", d.transcript.text === "Good morning"
 */
export interface HeaderDisagreement {
  /** Which fact. */
  fact: "session" | "meeting" | "time_of_day" | "agenda_item";
  /** What the header says, as written: `"15:00"`, `"10"`, `"Agenda item 6: other matters"`. */
  header: string;
  /** What the Chair says instead, and where: `"Good morning"`. */
  transcript: Excerpt;
}

/** Turns, words and share of a group of speakers. */
export interface GroupShare {
  /** A role (`delegation`), a regional group (`african`) or a negotiating group. */
  group: string;
  /** Distinct speakers in it. */
  speakers: number;
  /** Turns taken. */
  turns: number;
  /** Words spoken. */
  words: number;
  /** Fraction of all words in the session, from 0 to 1. */
  share: number;
}

/** A report speaker block's speed, length and time. */
export interface ReportSpeaker {
  /** The speaker, as the block names them. */
  speaker: string;
  /** Words per minute. */
  speed_wpm: number | null;
  /** Words. */
  length_words: number | null;
  /** Seconds. */
  time_s: number | null;
  /** Arguments the report gives them. */
  arguments: number;
}

/** Turns, words and shares per speaker and group. */
export interface Statistics {
  /** Every speaker's share of the floor, most words first. */
  speakers: FloorShare[];
  /** By kind of speaker. */
  roles: GroupShare[];
  /** By UN regional group, for states. */
  regional_groups: GroupShare[];
  /** By the group a speaker spoke for. */
  on_behalf_of: GroupShare[];
  /** For a report: each speaker block's speed, length and time. */
  report_speakers: ReportSpeaker[];
}

/** Every analysis of a session: `session.analysis`, as `oewg json` prints it. */
export interface Analysis {
  /** The speakers' list as the Chair ran it, and its anomalies. */
  floor_audit: FloorAudit;
  /** Who aligned with whom, and who said they agree with whom (`kind`). */
  alignments: Alignment[];
  /** The agenda segments. */
  segments: AgendaSegment[];
  /** The topics of every statement. */
  topics: Topics;
  /** For a report: the report against its own transcript. */
  report_check: ReportCheck | null;
  /** Turns, words and shares per speaker and group. */
  statistics: Statistics;
  /** The proposals named in the session, with every mention and the speaker's stance. */
  proposals: Proposal[];
}

/** What kind of thing a proposal is. */
export type ProposalKind =
  | "chairs_proposal"
  | "working_paper"
  | "non_paper"
  | "initiative"
  | "draft_text"
  | "template"
  | "fund"
  | "portal"
  | "other";

/** Where the speaking delegation stands on a proposal it mentions. */
export type Stance = "support" | "oppose" | "concern" | "neutral" | "reference";

/** Words of a statement's text that carry a stance, by UTF-8 byte offsets in `Statement.text`. */
export interface Cue {
  /** The words as written (`cannot support`). */
  text: string;
  /** Byte offset of the first byte in the statement's text. */
  start: number;
  /** Byte offset just past the last byte. */
  end: number;
}

/** A range of a statement's text: UTF-8 byte offsets in `Statement.text`. */
export interface TextRange {
  /** Byte offset of the first byte. */
  start: number;
  /** Byte offset just past the last byte. */
  end: number;
}

/** One naming of a proposal in a statement. */
export interface ProposalMention {
  /** Index of the statement. */
  statement: number;
  /** The speaker, by canonical name (the label when not recognised): the statement's, except in a chunk the floor audit finds to be someone else's words (`unlabelled_chunk`, `foreign_chunk`), where it is that someone. */
  speaker: string;
  /** The words naming the proposal. */
  words: Excerpt;
  /** The sentence holding them, as a range of the statement's text. */
  sentence: TextRange;
  /** The speaker's stance on the proposal in this sentence. */
  stance: Stance;
  /** The words that carry the stance; empty for `reference`. */
  cues: Cue[];
}

/**
 * A proposal, paper or initiative of a session, with every mention.
 *
 * ```ts
 * const s = parse("Canada: We present our proposal, co-sponsored by 25 countries.\nPeru: We welcome the Canada proposal.\n");
 * const p = s.analysis.proposals[0];
 * p.id;          // "canada-proposal"
 * p.sponsors;    // ["Canada"]
 * p.cosponsors;  // 25
 * ```
 */
export interface Proposal {
  /**
   * A stable key, the same for the same proposal in every session
   * (`canada-chile-proposal`). The Chair's (`chairs-proposal`) is the
   * sitting Chair's text of this session: {@link corpus} adds the session to
   * its id (`chairs-proposal@oewg-2021-25-session-1`).
   */
  id: string;
  /** The canonical name. */
  name: string;
  /** What kind of proposal it is. */
  kind: ProposalKind;
  /** The sponsors, by canonical name, in alphabetical order. */
  sponsors: string[];
  /** How many co-sponsors the record counts, when it does. */
  cosponsors: number | null;
  /**
   * The co-sponsors the record names, by canonical name, alphabetical: a
   * list after "namely" or "co-sponsored by", and a speaker that says it
   * co-sponsors the proposal ("the working paper that we co-sponsored").
   */
  cosponsor_names: string[];
  /** Every mention, in order of statements. */
  mentions: ProposalMention[];
}

/** The kinds of {@link ParseError}. */
export type ParseErrorKind = "empty" | "invalid_utf8" | "expected";

/** The fields of a {@link ParseError}, which its constructor takes. */
export interface ParseErrorInit {
  message: string;
  kind: ParseErrorKind;
  line: number;
  column: number;
  offset: number;
  expected: string;
  found: string;
}

/**
 * A record that could not be parsed, with where and why.
 *
 * ```js
 * import { parse, ParseError } from "oewg";
 * try { parse("  \n"); } catch (e) {
 *   if (e instanceof ParseError) console.log(e.kind, e.line, e.column); // "empty" 1 1
 * }
 * ```
 */
export class ParseError extends Error {
  /**
   * oewg throws these; a test double can make one from its fields. A
   * string alone is a `TypeError`: a ParseError always has its place.
   */
  constructor(init: ParseErrorInit);
  /** `"ParseError"`. */
  readonly name: "ParseError";
  /** What went wrong. */
  readonly kind: ParseErrorKind;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters. */
  readonly column: number;
  /** Byte offset in the UTF-8 text. */
  readonly offset: number;
  /**
   * What the parser needed there: the layout's requirement (kind
   * `expected`), `"a meeting record"` (`empty`) or `"UTF-8 text"`
   * (`invalid_utf8`).
   */
  readonly expected: string;
  /**
   * What is there instead, as the message says it: the line's first 40
   * characters in double quotes, with `…` when it goes on, or
   * `end of input` (`expected`); `end of input` (`empty`); `an invalid
   * byte` (`invalid_utf8`).
   */
  readonly found: string;
}

/** A bug in oewg: its WebAssembly code panicked or ran out of memory. The module restarts before this is thrown. */
export class InternalError extends Error {
  /** `"InternalError"`. */
  readonly name: "InternalError";
}

/**
 * Parses a record into a {@link Session}: a plain object of exactly the
 * shape `oewg json` prints.
 *
 * ```js
 * import { parse } from "oewg";
 * const session = parse("Chair: Good morning.\nCuba: Thank you.\n");
 * session.statements[1].speaker.iso3; // "CUB"
 * ```
 *
 * Without the analyses the parse costs a fraction, for work that needs the
 * statements only:
 *
 * ```js
 * const bare = parse(text, { analyses: false });
 * bare.analysis.proposals; // [] (not looked for)
 * ```
 *
 * @param text The record.
 * @param options A layout to force (detected when omitted), or
 *   {@link ParseOptions}.
 * @throws {ParseError} when the text shows no layout, or lacks what `format`
 *   requires; with kind `invalid_utf8` at its line and column when the
 *   string holds a lone surrogate (no Unicode text: it is not silently
 *   made U+FFFD).
 * @throws {Error} for an unknown `format`.
 * @throws {TypeError} for an option other than `format` and `analyses`
 *   (`{ analysis: false }` is not quietly ignored).
 */
export function parse(text: string, options?: Format | ParseOptions | null): Session;

/** How {@link parse} reads a record. */
export interface ParseOptions {
  /** Force a layout; detected when omitted. */
  format?: Format | null;
  /**
   * Run every analysis into `Session.analysis` (the default). `false`
   * leaves `analysis` empty, for a parse that costs a fraction.
   */
  analyses?: boolean;
}

/**
 * As {@link parse}, for the UTF-8 bytes of a record (e.g. a file's
 * contents); invalid UTF-8 is a {@link ParseError} (`kind`
 * `"invalid_utf8"`) naming its byte offset, whose message says to save the
 * file as UTF-8 or to decode it first (a Windows-1252 export:
 * `parse(new TextDecoder("windows-1252").decode(bytes))`).
 * For a file, the quicker way: it skips decoding the file into a string,
 * which in Node (`readFileSync(path, "utf8")`) took 20-40 % of the time
 * of `parse` of the text in `bench/wasm.mjs` on the seeds.
 *
 * ```js
 * const session = parseBytes(readFileSync("record.txt"));
 * ```
 */
export function parseBytes(bytes: Uint8Array, options?: Format | ParseOptions | null): Session;

/** The layout of a record, or `null` when it shows none. */
export function detectFormat(text: string): Format | null;

/**
 * What bytes that are not UTF-8 text are, where their first bytes show
 * it: UTF-16 with its byte-order mark, a PDF, a zip archive (a .docx or
 * .odt); `null` when they show nothing (Windows-1252 text shows nothing).
 * {@link parseBytes}'s error gives the advice that goes with each.
 *
 * ```js
 * notText(new Uint8Array(await file.arrayBuffer())); // "pdf"
 * ```
 * @throws {TypeError} when `bytes` is not a Uint8Array.
 */
export function notText(bytes: Uint8Array): "utf-16le" | "utf-16be" | "pdf" | "zip" | null;

/**
 * The speaker the registry makes of a label, as a `Speaker: text` turn with
 * that label gets it: role, canonical name, ISO code, group (a co-chair is
 * the Chair). Other layouts read more from a label first (a PV's state in
 * brackets, an ASR line's group after `·`). Match names given in any
 * spelling the registry knows through it.
 *
 * ```js
 * resolve("Russia").name; // "Russian Federation"
 * resolve("Czech Republic").iso3; // "CZE"
 * ```
 * @throws {TypeError} when `label` is not a string.
 */
export function resolve(label: string): Speaker;

/**
 * Finds the turns of a record only — labels, spans, word counts, the same
 * as {@link parse} gives its statements — without resolving speakers or
 * reading report sections.
 * @throws {ParseError} as {@link parse}.
 */
export function segment(text: string): Turn[];

/**
 * Every speaker's share of the floor, most words first.
 * @param session A session from {@link parse}, or the text of a record.
 * @throws {Error} when the object is not a Session, naming where in it
 * (``oewg: not a Session: at statements[3]: missing field `paragraphs` ``);
 * {@link ParseError} for unparsable text.
 */
export function floor(session: Session | string): FloorShare[];

/**
 * For a report, each speaker of the floor (in the order of {@link floor})
 * with the report's own figures for them; empty for a session that is no
 * report.
 *
 * ```ts
 * const figures = reportFigures(session);
 * const canada = figures.find((f) => f.speaker === "Canada");
 * console.log(canada?.speech_time_s); // 567
 * ```
 * @throws as {@link floor}.
 */
export function reportFigures(session: Session | string): ReportFigures[];

/**
 * Runs every analysis again on a session (e.g. one edited or read back
 * from JSON): what {@link parse} stores in `session.analysis`. The
 * analyses name statements by their `index`, not by their place in the
 * array: after filtering `statements`, look a statement up by `index`
 * (`statements.find((s) => s.index === a.statement)`).
 */
export function analyze(session: Session | string): Analysis;

/**
 * Whether a session has its analyses, or was parsed with `{ analyses: false }`
 * (its `analysis` then holds nothing at all, as a session where nothing was
 * found might). {@link corpus} analyses such sessions itself.
 *
 * ```ts
 * const bare = parse(text, { analyses: false });
 * if (!hasAnalyses(bare)) bare.analysis = analyze(bare);
 * ```
 * @throws {TypeError} when `session` is not an object.
 * @throws {Error} when the object is not a Session, naming where in it.
 */
export function hasAnalyses(session: Session): boolean;

/**
 * Runs every analysis on many sessions at once: `analyzeBatch(sessions)[i]`
 * equals `analyze(sessions[i])`, about 12 % faster over many records, as
 * each analysis runs over the whole batch in turn.
 *
 * ```ts
 * const [a, b] = analyzeBatch([parse(text1, { analyses: false }), text2]);
 * a.proposals.length;
 * ```
 * @param sessions Sessions from {@link parse}, or texts of records.
 * @throws {TypeError} when `sessions` is not an array, or an element is neither object nor string (naming its index).
 * @throws {Error} when an object is not a Session (naming its index); {@link ParseError} for a text that does not parse (its message names the index).
 */
export function analyzeBatch(sessions: readonly (Session | string)[]): Analysis[];

/** The speakers' list as the Chair ran it — announced, thanked, heard — and its anomalies. */
export function floorAudit(session: Session | string): FloorAudit;

/** Who aligned with whom ("aligns itself with the statement by …"), and who said they agree with whom ("we agree with the speaker from …": `kind` `agrees`). */
export function alignments(session: Session | string): Alignment[];

/**
 * The proposals, papers and initiatives named in the session, each with
 * its sponsors and every mention with the speaker's stance.
 *
 * ```ts
 * const [p] = proposals("Peru: We cannot support the proposal by Canada and Chile.\n");
 * p.sponsors;              // ["Canada", "Chile"]
 * p.mentions[0].stance;    // "oppose"
 * ```
 */
export function proposals(session: Session | string): Proposal[];

/** The agenda segments, as the Chair opens them. */
export function segments(session: Session | string): AgendaSegment[];

/** The topics of every statement, with the terms that gave them, and per topic. */
export function topics(session: Session | string): Topics;

/** For a report: the report against its own transcript (lengths, names, arguments); `null` for other layouts. */
export function reportCheck(session: Session | string): ReportCheck | null;

/** Turns, words and shares per speaker, role, regional group and group spoken for. */
export function statistics(session: Session | string): Statistics;

/** The session at a glance as data: what {@link renderHtml} and {@link renderMarkdown} show. */
export function glance(session: Session | string): Glance;

/** The session at a glance as an HTML fragment (an `<article>`); every piece of source text is escaped. */
export function renderHtml(session: Session | string): string;

/** The session at a glance in Markdown; source text is escaped, so it can open no raw HTML or Markdown syntax. */
export function renderMarkdown(session: Session | string): string;

/**
 * The plain-text summary `oewg summary` prints: title, facts, counts, the
 * share of the floor as a table, what was skipped.
 * @param name stands in for the title when the record has none (default `"session"`).
 */
export function renderSummary(session: Session | string, name?: string | null): string;

/**
 * Checks that a session accounts for every byte of `text`, its source:
 * its spans against the text's length and whitespace. It does not compare
 * the words, so another text of the same shape passes. Give a file read
 * with {@link parseBytes} as the same bytes: decoded here with its
 * byte-order mark kept, as the spans count it.
 * @returns `null` when it does, else the first violation.
 */
export function verify(session: Session | string, text: string | Uint8Array): string | null;

/** The lines of a record numbered as the parser numbers them: `lines[span.line_start - 1]` is a span's first line. */
export function sourceLines(text: string): string[];

/** A delegation's stance on one proposal in one session. */
export interface ProposalStance {
  /** The proposal's id in the corpus ({@link ProposalSeries.id}). */
  proposal: string;
  /** The stance. */
  stance: Stance;
}

/** What a delegation did in one session of a corpus. */
export interface DelegationSession {
  /** Index of the session in the array given to {@link corpus}. */
  document: number;
  /** Statements made. */
  statements: number;
  /** Words spoken. */
  words: number;
  /** Whom it aligned with, in order of first saying so. */
  aligned_with: string[];
  /** Whom it agreed with (an {@link Alignment} of kind `agrees`), in order of first saying so. */
  agreed_with: string[];
  /** Its stance on each proposal it mentioned. */
  stances: ProposalStance[];
}

/** One delegation across a corpus, session by session. */
export interface DelegationSeries {
  /** Its canonical name (the label when the registry does not know it). */
  delegation: string;
  /** The kind of speaker, as first seen. */
  role: Role;
  /** ISO 3166-1 alpha-3 code, for a state. */
  iso3: string | null;
  /** The sessions it spoke in. */
  sessions: DelegationSession[];
}

/** A proposal in one session of a corpus: who sponsors, supports and opposes it. */
export interface ProposalSession {
  /** Index of the session in the array given to {@link corpus}. */
  document: number;
  /** Its sponsors, as the session gives them. */
  sponsors: string[];
  /** The co-sponsor count the session gives, if any. */
  cosponsors: number | null;
  /** The co-sponsors the session names ({@link Proposal.cosponsor_names}). */
  cosponsor_names: string[];
  /**
   * Delegations that support it. Each is on one side at most: the side
   * most of its mentions in the session take (opposition and concern counted together
   * against support), a tie going to the latest
   * said (as in the glance and the stance matrix).
   */
  supporters: string[];
  /** Delegations that oppose it. */
  opposers: string[];
  /** Delegations that voice concerns or reservations. */
  concerned: string[];
  /** Mentions in the session, by anyone. */
  mentions: number;
}

/** One proposal across a corpus, session by session. */
export interface ProposalSeries {
  /**
   * Its id, the same in every session; a Chair's proposal's with its
   * session after `@` (`chairs-proposal@oewg-2021-25-session-1`), as the
   * Chair's texts of two sessions are different texts. A session whose
   * header gives no session number is named by its place in the array
   * given to {@link corpus}: `chairs-proposal@session-1` for the first,
   * as Python's `Corpus` names a session held in memory.
   */
  id: string;
  /** Its canonical name, as first found; a Chair's proposal's with its session in brackets. */
  name: string;
  /** Its kind, as first found. */
  kind: ProposalKind;
  /** Each session that mentions it. */
  sessions: ProposalSession[];
}

/** Where a delegation stands on a proposal across a corpus: a cell of the stance matrix. */
export interface Position {
  /** The delegation, by canonical name. */
  delegation: string;
  /** The proposal's id in the corpus ({@link ProposalSeries.id}). */
  proposal: string;
  /**
   * Where it stands: its side in the latest session where it took one (in
   * a session, the side most of its mentions take (opposition and concern counted together
   * against support), a tie going to the
   * latest said), else `neutral` if it said something neutral, else
   * `reference` (a sponsor that stated none).
   */
  stance: Stance;
  /** Whether it sponsors the proposal in some session, or is named as a co-sponsor ({@link Proposal.cosponsor_names}). */
  sponsor: boolean;
  /** Mentions in support. */
  support: number;
  /** Mentions against. */
  oppose: number;
  /** Mentions with concerns. */
  concern: number;
  /** Neutral mentions. */
  neutral: number;
  /** Mentions without a position. */
  reference: number;
  /** The sessions (indices in the array given) it sponsored or mentioned the proposal in. */
  documents: number[];
}

/** The delegation × proposal stance matrix, kept sparse: one {@link Position} per delegation and proposal that meet. */
export interface StanceMatrix {
  /** The rows: delegations, in order of their first cell. */
  delegations: string[];
  /** The columns: proposal ids, in order of first mention. */
  proposals: string[];
  /** The cells that are not empty. */
  cells: Position[];
}

/** What {@link corpus} gives. */
export interface CorpusViews {
  /** Every delegation, session by session. */
  delegations: DelegationSeries[];
  /**
   * Every proposal, session by session (one id for the same proposal in
   * every session; the Chair's proposals one a session).
   */
  proposals: ProposalSeries[];
  /** The delegation × proposal stance matrix. */
  stance_matrix: StanceMatrix;
}

/**
 * Many sessions across each other: every delegation and every proposal
 * session by session, and the stance matrix. `document` indices are
 * positions in `sessions`.
 * @throws {Error} when an object is not a Session (naming its index and
 * where in it); {@link ParseError} for a text that does not parse (its
 * message names the index).
 *
 * ```ts
 * const { stance_matrix } = corpus([parse(text1), text2]);
 * stance_matrix.cells.filter((c) => c.stance === "oppose");
 * ```
 */
export function corpus(sessions: readonly (Session | string)[]): CorpusViews;

/**
 * The session as TEI following Parla-CLARIN (the ParlaMint schema): a
 * `teiHeader` with the meeting, one `u` per statement whose `who` points
 * to a `person` or `org`, `note`s for what is procedural. `docId`
 * (default `"session"`) made an `xml:id` (letters and digits kept,
 * anything else `_`, a `d` in front when it would not start with a letter)
 * is the document's `xml:id` and the prefix of every other id, so ids are
 * the same on every run: `"oewg-2024-s8"` gives `xml:id="oewg_2024_s8"`
 * and `oewg_2024_s8.u1` for the first statement.
 *
 * ```ts
 * const xml = toTei(parse(text), "oewg-2024-s8");
 * xml.includes('xml:id="oewg_2024_s8"'); // true
 * ```
 */
export function toTei(session: Session | string, docId?: string | null): string;

/**
 * The JSON Schema (draft 2020-12) of a session as {@link parse} gives it,
 * generated from the Rust types; its `$id` and `title` carry the version.
 *
 * ```ts
 * jsonSchema().title; // "oewg Session 0.1.0"
 * ```
 */
export function jsonSchema(): Record<string, unknown>;

/** Where two speakers stand on one proposal in the transcript. */
export interface StanceEvidence {
  /** The proposal's id. */
  proposal: string;
  /** The first speaker's stance on it. */
  speaker_stance: Stance;
  /** The statements where the first speaker takes it. */
  speaker_statements: number[];
  /** The other speaker's stance. */
  other_stance: Stance;
  /** The statements where the other takes it. */
  other_statements: number[];
}

/** A claim of the report about two speakers that the stances extracted from its transcript do not bear out. */
export interface StanceDisagreement {
  /** One speaker, as the report names them. */
  speaker: string;
  /** The other, as the report names them. */
  other: string;
  /** What the report says of them. */
  claim: "agreed" | "differed";
  /** On what, as the report says. */
  on: string | null;
  /** Where the report says it: `agreed_with`, `differed_with` or `agreements`. */
  place: string;
  /** The argument the claim belongs to, when it is in one. */
  argument: string | null;
  /**
   * What the transcript shows: `contradicted` when the two took opposite
   * sides on a proposal (for "agreed") or the same side (for "differed"),
   * each in a sentence that speaks of the claim's subject, or (for
   * "differed") one says there that it agrees or aligns with the other;
   * `no_evidence` when they took no side on a shared proposal speaking of
   * it.
   */
  finding: "contradicted" | "no_evidence";
  /** The proposals that show it. */
  evidence: StanceEvidence[];
  /**
   * For a difference no side on a proposal shows: where one of the two
   * says, of the claim's subject, that it agrees or aligns with the other
   * ("in a vein to what was said by Mexico and El Salvador"), which
   * contradicts it; else `null`.
   */
  agreement: Alignment | null;
}

/** A proposal in the session at a glance. */
export interface ProposalGlance {
  /** Its stable id. */
  id: string;
  /** Its canonical name. */
  name: string;
  /** Its kind. */
  kind: ProposalKind;
  /** Its sponsors. */
  sponsors: string[];
  /** The co-sponsor count the record gives. */
  cosponsors: number | null;
  /** The co-sponsors the record names ({@link Proposal.cosponsor_names}). */
  cosponsor_names: string[];
  /** Its mentions. */
  mentions: number;
  /**
   * Speakers who support it. Each speaker is on one side at most: the
   * side most of its mentions take (opposition and concern counted together
   * against support), a tie going to the latest said (as in
   * `corpus().proposals` and the stance matrix).
   */
  supporters: string[];
  /** Speakers who oppose it. */
  opposers: string[];
  /** Speakers who raise concerns. */
  concerned: string[];
}

// The package also exports test hooks (`__panicForTests`, `__panicCount`,
// `__memoryBytes`, `__parseCount`, `__parseCountBatch`) for its own tests and
// benchmarks. They are not API and are left out of these types, so that an
// editor does not offer them.
