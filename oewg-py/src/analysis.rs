//! The analyses of `oewg_core::analysis`, as Python classes: the share of
//! the floor, and everything `Session.analysis` holds (floor audit,
//! alignments, agenda segments, topics, report check, statistics).

use crate::statement::PySpan;
use crate::wrap::{excerpt, or_none, serde_name, wrapper};
use oewg_core::analysis as core;

wrapper! {
    /// One speaker's share of the floor (``Session.floor()``).
    PyFloorShare(core::FloorShare) as "FloorShare";
    repr(|s| format!(
        "<FloorShare {:?} ({}): {} turns, {} words, {:.1}%>",
        s.speaker,
        s.role.as_str(),
        s.turns,
        s.words,
        100.0 * s.share
    ));
    fields {
        /// Canonical name when the label was recognised, else the label.
        speaker: String,
        /// The kind of speaker.
        role: String,
        /// ISO 3166-1 alpha-3 code, for a state.
        iso3: Option<String>,
        /// Turns taken.
        turns: usize,
        /// Of which substantive.
        substantive_turns: usize,
        /// Words spoken.
        words: usize,
        /// Fraction of all words in the session, 0 to 1.
        share: f64,
        /// Index of the speaker's first statement.
        first_statement: usize,
    }
}

wrapper! {
    /// Every analysis of a session (``Session.analysis``).
    PyAnalysis(core::Analysis) as "Analysis";
    repr(|s| format!(
        "<Analysis: {} anomalies, {} alignments, {} segments, {} tagged statements>",
        s.floor_audit.anomalies.len(),
        s.alignments.len(),
        s.segments.len(),
        s.topics.statements.len()
    ));
    fields {
        /// The speakers' list as the Chair ran it, and its anomalies.
        floor_audit: PyFloorAudit,
        /// Who aligned with whom, and who said they agree with whom (``kind``).
        alignments: Vec<PyAlignment>,
        /// The agenda segments.
        segments: Vec<PyAgendaSegment>,
        /// The topics of every statement.
        topics: PyTopics,
        /// For a report: the report against its own transcript.
        report_check: Option<PyReportCheck>,
        /// Turns, words and shares per speaker and group.
        statistics: PyStatistics,
        /// The proposals named in the session, with every mention and
        /// the speaker's stance.
        proposals: Vec<PyProposal>,
    }
}

wrapper! {
    /// A sentence of a statement that shows an analysis' finding.
    PyExcerpt(core::Excerpt) as "Excerpt";
    repr(|s| format!("<Excerpt statement {}: {:?}>", s.statement, excerpt(&s.text, 60)));
    fields {
        /// The statement it is in.
        statement: usize,
        /// Byte offset of its first byte in the statement's text (UTF-8),
        /// not in the source.
        start: usize,
        /// Byte offset just past its last byte in the statement's text.
        end: usize,
        /// The sentence, whitespace-normalised.
        text: String,
        /// The paragraph it is in.
        paragraph: Option<PySpan>,
    }
}

wrapper! {
    /// A speaker named by the Chair, resolved.
    PyNamed(core::Named) as "Named";
    repr(|s| format!("<Named {:?} as {:?}>", s.name, s.as_written));
    fields {
        /// Canonical name.
        name: String,
        /// As the Chair said it.
        as_written: String,
        /// How sure the resolution is, 0 to 1.
        confidence: f64,
    }
}

wrapper! {
    /// One of the Chair's floor-giving sentences.
    PyFloorEvent(core::FloorEvent) as "FloorEvent";
    repr(|s| format!("<FloorEvent {}: {}>", serde_name(&s.kind), s.speakers.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")));
    fields {
        /// ``announced``, ``thanked``, ``corrected`` or ``list_closed``.
        kind: String,
        /// Who it names.
        speakers: Vec<PyNamed>,
        /// The sentence.
        excerpt: PyExcerpt,
    }
}

wrapper! {
    /// A departure from the speakers' list.
    PyAnomaly(core::Anomaly) as "Anomaly";
    repr(|s| format!("<Anomaly {}: {:?}, statements {:?}>", serde_name(&s.kind), s.speaker, s.statements));
    fields {
        /// ``announced_not_heard``, ``thanked_not_heard``,
        /// ``heard_unannounced``, ``out_of_order``, ``foreign_chunk``,
        /// ``unlabelled_chunk`` or ``chair_correction``.
        kind: String,
        /// Who it concerns.
        speaker: String,
        /// The statements involved, in order. For ``thanked_not_heard``
        /// after an ``unlabelled_chunk`` of the same speaker, the Chair's
        /// turn that holds their words comes first.
        statements: Vec<usize>,
        /// The sentence that shows it.
        excerpt: Option<PyExcerpt>,
    }
}

wrapper! {
    /// The speakers' list as the Chair ran it.
    PyFloorAudit(core::FloorAudit) as "FloorAudit";
    repr(|s| format!("<FloorAudit: {} events, {} announced, {} anomalies>", s.events.len(), s.announced.len(), s.anomalies.len()));
    fields {
        /// The Chair's floor-giving sentences, in order.
        events: Vec<PyFloorEvent>,
        /// Who was announced, in order.
        announced: Vec<String>,
        /// Who was thanked, in order.
        thanked: Vec<String>,
        /// What departs from the list.
        anomalies: Vec<PyAnomaly>,
    }
}

wrapper! {
    /// Words of a statement that carry a stance (``"cannot support"``).
    PyCue(core::Cue) as "Cue";
    repr(|s| format!("<Cue {:?} at {}..{}>", s.text, s.start, s.end));
    fields {
        /// The words as written.
        text: String,
        /// Byte offset of the first byte in the statement's text.
        start: usize,
        /// Byte offset just past the last byte.
        end: usize,
    }
}

wrapper! {
    /// A range of a statement's text: byte offsets in ``Statement.text``
    /// (UTF-8), so ``r.slice(text)`` (or ``text.encode()[r.start:r.end]``)
    /// is the range, where ``text[r.start:r.end]`` would cut elsewhere in
    /// text with accents or curly quotes.
    PyTextRange(core::TextRange) as "TextRange";
    repr(|s| format!("<TextRange {}..{}>", s.start, s.end));
    fields {
        /// Byte offset of the first byte.
        start: usize,
        /// Byte offset just past the last byte.
        end: usize,
    }
    methods {
        /// The part of ``text`` (the statement's) the range covers.
        ///
        /// Raises ``ValueError`` when the range does not fit ``text``: it
        /// is then another text than the statement's.
        fn slice<'a>(&self, text: &'a str) -> pyo3::PyResult<&'a str> {
            self.0.slice(text).ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "the range {}..{} (UTF-8 bytes) does not fit a text of {} bytes \
                     or cuts a character: pass the statement's text",
                    self.0.start,
                    self.0.end,
                    text.len()
                ))
            })
        }
    }
}

wrapper! {
    /// One naming of a proposal in a statement, with the speaker's stance.
    PyProposalMention(core::ProposalMention) as "ProposalMention";
    repr(|s| format!("<ProposalMention statement {} by {}: {}>", s.statement, s.speaker, s.stance.as_str()));
    fields {
        /// The statement it is in.
        statement: usize,
        /// The speaker, by canonical name (the label when not recognised):
        /// the statement's, except in a chunk the floor audit finds to be
        /// someone else's words (``unlabelled_chunk``, ``foreign_chunk``),
        /// where it is that someone.
        speaker: String,
        /// The words naming the proposal.
        words: PyExcerpt,
        /// The sentence holding them, as a range of the statement's text.
        sentence: PyTextRange,
        /// ``support``, ``oppose``, ``concern``, ``neutral`` or ``reference``.
        stance: String,
        /// The words that carry the stance (empty for ``reference``).
        cues: Vec<PyCue>,
    }
}

wrapper! {
    /// A proposal, paper or initiative of a session, with every mention.
    PyProposal(core::Proposal) as "Proposal";
    repr(|s| format!("<Proposal {:?} ({}): {} mentions>", s.name, serde_name(&s.kind), s.mentions.len()));
    fields {
        /// A stable key, the same for the same proposal in every session
        /// (``canada-chile-proposal``, ``programme-of-action``). The
        /// Chair's (``chairs-proposal``) is the sitting Chair's text of
        /// this session: the corpus views add the session to its id
        /// (``chairs-proposal@oewg-2021-25-session-1``).
        id: String,
        /// The canonical name.
        name: String,
        /// ``chairs_proposal``, ``working_paper``, ``non_paper``,
        /// ``initiative``, ``draft_text``, ``template``, ``fund``,
        /// ``portal`` or ``other``.
        kind: String,
        /// The sponsors, by canonical name.
        sponsors: Vec<String>,
        /// How many co-sponsors the record counts, when it does.
        cosponsors: Option<u32>,
        /// The co-sponsors the record names, by canonical name,
        /// alphabetical: a list after "namely" or "co-sponsored by", and
        /// a speaker that says it co-sponsors the proposal ("the working
        /// paper that we co-sponsored").
        cosponsor_names: Vec<String>,
        /// Every mention, in order of statements.
        mentions: Vec<PyProposalMention>,
    }
}

wrapper! {
    /// "X aligns itself with the statement by Y on behalf of Z", or, of
    /// kind ``agrees``, "X agrees with Y", "X shares the view expressed by Y".
    PyAlignment(core::Alignment) as "Alignment";
    repr(|s| format!("<Alignment {} {} {}{}>", s.speaker, s.kind.as_str(), s.aligned_with, s.on_behalf_of.as_deref().map(|g| format!(" for {g}")).unwrap_or_default()));
    fields {
        /// The statement it is in.
        statement: usize,
        /// Who aligns, by canonical name: the statement's speaker, a state it
        /// names as aligning with its own statement ("The candidate
        /// countries … align themselves with this statement"), or, in a
        /// chunk the floor audit finds to be someone else's words, that
        /// someone.
        speaker: String,
        /// With whom.
        aligned_with: String,
        /// On behalf of which group, when said.
        on_behalf_of: Option<String>,
        /// The sentence.
        excerpt: PyExcerpt,
        /// What ``aligned_with`` is: ``delegation``, ``group``, ``chair``,
        /// or ``unknown`` for a person or anything the registry does not know.
        aligned_with_role: String,
        /// Whether ``aligned_with`` resolved through the registry (else it
        /// is the sentence's own words).
        resolved: bool,
        /// ``aligns`` (aligns itself with, subscribes to, joins or endorses
        /// the statement) or ``agrees`` (agrees or concurs with, shares the
        /// view expressed by, joins a delegation in: a point of agreement).
        kind: String,
    }
}

wrapper! {
    /// A stretch of the session under one agenda item.
    PyAgendaSegment(core::AgendaSegment) as "AgendaSegment";
    repr(|s| format!("<AgendaSegment item {}: statements {}-{}, {} words>", match (s.agenda_item, s.sub_item) {
        (a, Some(b)) => format!("{}.{b}", or_none(a)),
        (a, None) => or_none(a),
    }, s.first_statement, s.last_statement, s.words));
    fields {
        /// The agenda item's number.
        agenda_item: Option<u32>,
        /// The sub-item's number.
        sub_item: Option<u32>,
        /// Its title, as the Chair said it.
        title: Option<String>,
        /// Its first statement.
        first_statement: usize,
        /// Its last statement.
        last_statement: usize,
        /// Turns in it.
        turns: usize,
        /// Words in it.
        words: usize,
        /// The sentence that opens it.
        excerpt: Option<PyExcerpt>,
    }
}

wrapper! {
    /// A vocabulary term found in a statement: evidence for a topic.
    PyTermHit(core::TermHit) as "TermHit";
    repr(|s| format!("<TermHit {:?} at {}..{}>", s.term, s.start, s.end));
    fields {
        /// The vocabulary term.
        term: String,
        /// Byte offset of the match in the statement's text (UTF-8), not
        /// in the source.
        start: usize,
        /// Byte offset just past it in the statement's text.
        end: usize,
    }
}

wrapper! {
    /// A topic given to a statement, with its evidence.
    PyTopicTag(core::TopicTag) as "TopicTag";
    repr(|s| format!("<TopicTag {}: {} terms>", serde_name(&s.topic), s.evidence.len()));
    fields {
        /// ``threats``, ``norms``, ``international_law``,
        /// ``confidence_building``, ``capacity_building``,
        /// ``institutional_dialogue``, ``stakeholders`` or
        /// ``decision_making``.
        topic: String,
        /// The terms that gave it.
        evidence: Vec<PyTermHit>,
    }
}

wrapper! {
    /// The topics of one statement.
    PyStatementTopics(core::StatementTopics) as "StatementTopics";
    repr(|s| format!("<StatementTopics {}: {}>", s.statement, s.tags.iter().map(|t| serde_name(&t.topic)).collect::<Vec<_>>().join(", ")));
    fields {
        /// The statement.
        statement: usize,
        /// Its topics.
        tags: Vec<PyTopicTag>,
    }
}

wrapper! {
    /// How often a topic came up.
    PyTopicCount(core::TopicCount) as "TopicCount";
    repr(|s| format!("<TopicCount {}: {} statements, {} terms>", serde_name(&s.topic), s.statements, s.terms));
    fields {
        /// The topic.
        topic: String,
        /// Statements tagged with it.
        statements: usize,
        /// Vocabulary terms found for it.
        terms: usize,
    }
}

wrapper! {
    /// The topics of a session.
    PyTopics(core::Topics) as "Topics";
    repr(|s| format!("<Topics: {} tagged statements>", s.statements.len()));
    fields {
        /// Each tagged statement's topics.
        statements: Vec<PyStatementTopics>,
        /// Counts per topic.
        counts: Vec<PyTopicCount>,
    }
}

wrapper! {
    /// A speaker whose reported speech length differs from the transcript.
    PyLengthMismatch(core::LengthMismatch) as "LengthMismatch";
    repr(|s| format!("<LengthMismatch {:?}: report {}, transcript {}>", s.speaker, s.report_words, s.transcript_words));
    fields {
        /// The speaker.
        speaker: String,
        /// What the report states.
        report_words: u32,
        /// What the transcript holds.
        transcript_words: usize,
    }
}

wrapper! {
    /// A name the report uses that no transcript speaker answers to.
    PyUnmatchedName(core::UnmatchedName) as "UnmatchedName";
    repr(|s| format!("<UnmatchedName {:?} in {}>", s.name, s.places.join(", ")));
    fields {
        /// The name.
        name: String,
        /// Where the report uses it.
        places: Vec<String>,
    }
}

wrapper! {
    /// An argument the report gives a speaker who used fewer than half of its key terms.
    PyUnsupportedArgument(core::UnsupportedArgument) as "UnsupportedArgument";
    repr(|s| format!("<UnsupportedArgument {:?}: {:?}>", s.speaker, excerpt(&s.argument, 50)));
    fields {
        /// The speaker.
        speaker: String,
        /// The argument's title.
        argument: String,
        /// The title's key terms.
        key_terms: Vec<String>,
        /// The key terms the speaker never used, more than half of them.
        missing_terms: Vec<String>,
    }
}

wrapper! {
    /// A session report held against its own transcript.
    PyReportCheck(core::ReportCheck) as "ReportCheck";
    repr(|s| format!(
        "<ReportCheck: {} listed not heard, {} heard not listed, {} length mismatches of {} blocks>",
        s.listed_not_heard.len(),
        s.heard_not_listed.len(),
        s.length_mismatches.len(),
        s.blocks_checked
    ));
    fields {
        /// Listed as speakers, never heard.
        listed_not_heard: Vec<String>,
        /// Heard, not listed.
        heard_not_listed: Vec<String>,
        /// Speech lengths that differ from the transcript.
        length_mismatches: Vec<PyLengthMismatch>,
        /// Speaker blocks checked.
        blocks_checked: usize,
        /// Names that resolve to no speaker heard.
        names_not_heard: Vec<PyUnmatchedName>,
        /// Arguments the speaker's words do not support.
        unsupported_arguments: Vec<PyUnsupportedArgument>,
        /// Arguments checked.
        arguments_checked: usize,
        /// The report's claims that two speakers agreed or differed that
        /// the stances on proposals in its transcript do not bear out (an
        /// "agreed" claim is borne out too where either says it agrees
        /// or aligns with the other, of the claim's subject).
        stance_disagreements: Vec<PyStanceDisagreement>,
        /// Claims of agreement or difference checked against the stances.
        stance_claims_checked: usize,
        /// Facts of the report's header (session, meeting, time of day,
        /// agenda item) that the Chair's opening words contradict.
        header_disagreements: Vec<PyHeaderDisagreement>,
        /// Facts of the header the Chair's opening also states, checked.
        header_facts_checked: usize,
    }
}

wrapper! {
    /// A fact of a report's header that the Chair's opening words in its
    /// transcript contradict.
    PyHeaderDisagreement(core::HeaderDisagreement) as "HeaderDisagreement";
    repr(|s| format!("<HeaderDisagreement {}: header {:?}, transcript {:?}>", serde_name(&s.fact), s.header, excerpt(&s.transcript.text, 50)));
    fields {
        /// ``session``, ``meeting``, ``time_of_day`` or ``agenda_item``.
        fact: String,
        /// What the header says, as written (``"15:00"``).
        header: String,
        /// What the Chair says instead, and where (``"Good morning"``).
        transcript: PyExcerpt,
    }
}

wrapper! {
    /// Where two speakers stand on one proposal in the transcript.
    PyStanceEvidence(core::StanceEvidence) as "StanceEvidence";
    repr(|s| format!("<StanceEvidence {}: {} vs {}>", s.proposal, s.speaker_stance.as_str(), s.other_stance.as_str()));
    fields {
        /// The proposal's id.
        proposal: String,
        /// The first speaker's stance on it.
        speaker_stance: String,
        /// The statements where the first speaker takes it.
        speaker_statements: Vec<usize>,
        /// The other speaker's stance.
        other_stance: String,
        /// The statements where the other takes it.
        other_statements: Vec<usize>,
    }
}

wrapper! {
    /// A claim of the report about two speakers (agreed, differed) that
    /// the stances extracted from its transcript do not bear out.
    PyStanceDisagreement(core::StanceDisagreement) as "StanceDisagreement";
    repr(|s| format!("<StanceDisagreement {} {} {}: {}>", s.speaker, serde_name(&s.claim), s.other, serde_name(&s.finding)));
    fields {
        /// One speaker, as the report names them.
        speaker: String,
        /// The other, as the report names them.
        other: String,
        /// ``agreed`` or ``differed``.
        claim: String,
        /// On what, as the report says.
        on: Option<String>,
        /// Where the report says it: ``agreed_with``, ``differed_with`` or
        /// ``agreements``.
        place: String,
        /// The argument the claim belongs to, when it is in one.
        argument: Option<String>,
        /// ``contradicted`` or ``no_evidence``.
        finding: String,
        /// The proposals that show it.
        evidence: Vec<PyStanceEvidence>,
        /// For a difference no side on a proposal shows: where one of the
        /// two says, of the claim's subject, that it agrees or aligns with
        /// the other, which contradicts it; else ``None``.
        agreement: Option<PyAlignment>,
    }
}

wrapper! {
    /// Turns, words and share of the floor of a group of speakers.
    PyGroupShare(core::GroupShare) as "GroupShare";
    repr(|s| format!("<GroupShare {:?}: {} speakers, {} words, {:.1}%>", s.group, s.speakers, s.words, 100.0 * s.share));
    fields {
        /// The group (a role, a regional group, a group spoken for).
        group: String,
        /// Speakers in it.
        speakers: usize,
        /// Their turns.
        turns: usize,
        /// Their words.
        words: usize,
        /// Their share of all words, 0 to 1.
        share: f64,
    }
}

wrapper! {
    /// A report's statistics for one speaker.
    PyReportSpeaker(core::ReportSpeaker) as "ReportSpeaker";
    repr(|s| format!("<ReportSpeaker {:?}: {} words>", s.speaker, or_none(s.length_words)));
    fields {
        /// The speaker.
        speaker: String,
        /// Speech speed, words per minute.
        speed_wpm: Option<u32>,
        /// Speech length, words.
        length_words: Option<u32>,
        /// Speech time, seconds.
        time_s: Option<u32>,
        /// Arguments the report gives them.
        arguments: usize,
    }
}

wrapper! {
    /// A report's own figures for one speaker of the floor
    /// (``Session.report_figures()``): the blocks filed under the labels
    /// that speaker spoke under.
    PyReportFigures(core::ReportFigures) as "ReportFigures";
    repr(|s| format!("<ReportFigures {:?}: {} blocks, {} s>", s.speaker, s.blocks, or_none(s.speech_time_s)));
    fields {
        /// The speaker, as the floor names them.
        speaker: String,
        /// The report's blocks found for them.
        blocks: usize,
        /// Words per minute: the block's own where there is one, none where several.
        speech_speed_wpm: Option<u32>,
        /// Words, over the blocks.
        speech_length_words: Option<u32>,
        /// Seconds, over the blocks.
        speech_time_s: Option<u32>,
    }
}

wrapper! {
    /// Turns, words and shares per speaker and per group.
    PyStatistics(core::Statistics) as "Statistics";
    repr(|s| format!("<Statistics: {} speakers, {} regional groups>", s.speakers.len(), s.regional_groups.len()));
    fields {
        /// Per speaker, most words first.
        speakers: Vec<PyFloorShare>,
        /// Per role.
        roles: Vec<PyGroupShare>,
        /// Per UN regional group.
        regional_groups: Vec<PyGroupShare>,
        /// Per group spoken for.
        on_behalf_of: Vec<PyGroupShare>,
        /// For a report: its statistics per speaker.
        report_speakers: Vec<PyReportSpeaker>,
    }
}
