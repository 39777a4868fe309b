//! The floor audit: the Chair's sentences that give the floor ("X, to be
//! followed by Y", "I give the floor to X", "X, you have the floor", "I
//! now invite X"), thank ("Thank you, X"), correct the list ("Sorry, I
//! left out X") or close it, reconciled with who actually spoke.

use super::phrases::PhraseDfa;
use super::text::{paragraph_of, sentences_at, Excerpt};
use crate::model::{Role, Session, Statement};
use crate::speakers::{match_confidence, names_into, sound_key, sound_similarity, NameAt};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// A name the Chair said, as resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Named {
    /// Canonical name; empty when the words could not be resolved.
    pub name: String,
    /// The words as written ("Check here").
    pub as_written: String,
    /// 1 for a registry name; less for a name matched by sound to the
    /// speaker who took the floor next; 0 when unresolved.
    pub confidence: f64,
}

/// What a sentence of the Chair does to the speakers' list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FloorEventKind {
    /// Gives the floor, or says who follows, in order.
    Announced,
    /// Thanks the speaker who has just spoken.
    Thanked,
    /// Corrects the list ("Sorry, I left out Belarus").
    Corrected,
    /// Closes or exhausts the list of speakers.
    ListClosed,
}

/// One sentence of the Chair's, and what it does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FloorEvent {
    /// What it does.
    pub kind: FloorEventKind,
    /// The speakers named, in order.
    pub speakers: Vec<Named>,
    /// The sentence.
    pub excerpt: Excerpt,
}

/// What the reconciliation found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnomalyKind {
    /// Announced by the Chair, never heard and never thanked.
    AnnouncedNotHeard,
    /// Thanked by the Chair, but no statement of theirs is in the
    /// transcript since the Chair last spoke. Where the Chair's turn
    /// before went on after giving them the floor
    /// ([`AnomalyKind::UnlabelledChunk`]), that turn is the first of the
    /// anomaly's statements: their words are probably there, under the
    /// Chair's label.
    ThankedNotHeard,
    /// Spoke without being announced.
    HeardUnannounced,
    /// Spoke before others the Chair had announced first.
    OutOfOrder,
    /// A chunk with another label inside one speaker's statement: the
    /// same speaker before and after it, no Chair between.
    ForeignChunk,
    /// The Chair's turn goes on after giving the floor: the paragraphs
    /// after it are probably the next speaker's, unlabelled.
    UnlabelledChunk,
    /// The Chair corrects the list.
    ChairCorrection,
}

impl AnomalyKind {
    /// The name JSON writes.
    ///
    /// ```
    /// use oewg_core::analysis::AnomalyKind;
    /// assert_eq!(AnomalyKind::AnnouncedNotHeard.as_str(), "announced_not_heard");
    /// assert_eq!(AnomalyKind::OutOfOrder.to_string(), "out_of_order");
    /// assert_eq!("heard_unannounced".parse(), Ok(AnomalyKind::HeardUnannounced));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AnomalyKind::AnnouncedNotHeard => "announced_not_heard",
            AnomalyKind::ThankedNotHeard => "thanked_not_heard",
            AnomalyKind::HeardUnannounced => "heard_unannounced",
            AnomalyKind::OutOfOrder => "out_of_order",
            AnomalyKind::ForeignChunk => "foreign_chunk",
            AnomalyKind::UnlabelledChunk => "unlabelled_chunk",
            AnomalyKind::ChairCorrection => "chair_correction",
        }
    }
}

display_as_str!(AnomalyKind);
display_serde_name!(FloorEventKind);
from_serde_name!(AnomalyKind, FloorEventKind);

/// One anomaly, with the statements involved and the sentence that shows
/// it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Anomaly {
    /// What is wrong.
    pub kind: AnomalyKind,
    /// The speaker concerned, by canonical name.
    pub speaker: String,
    /// The statements involved, in order.
    pub statements: Vec<usize>,
    /// The Chair's sentence that shows it, when there is one.
    pub excerpt: Option<Excerpt>,
}

/// The speakers' list as the Chair ran it, and where the transcript
/// departs from it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FloorAudit {
    /// The Chair's sentences that give the floor, thank, correct or close
    /// the list, in order.
    pub events: Vec<FloorEvent>,
    /// Everyone announced, in the order first announced.
    pub announced: Vec<String>,
    /// Everyone thanked, in order (a speaker thanked twice is listed twice).
    pub thanked: Vec<String>,
    /// What departs from the list, in order of the statements.
    pub anomalies: Vec<Anomaly>,
}

/// Least sound similarity for a name the Chair said that is not in the
/// registry ("Check here") to be taken for the speaker who spoke next
/// ("Czechia", 0.85); and that speaker must sound the most alike of all
/// who spoke in the session.
const CONTEXT_MATCH: f64 = 0.75;

/// Most announced speakers kept ahead in the expected order.
const MAX_EXPECTED: usize = 32;

/// Phrases that give the floor.
const FLOOR_CUES: &[&str] = &[
    "followed by",
    "you have the floor",
    "have the floor",
    "give the floor",
    "give now the floor",
    "giving the floor",
    "floor now to",
    "floor to",
    "invite",
    "last speaker",
    "first speaker",
    "next speaker",
    "take the floor",
];

/// Phrases that correct the list.
const CORRECTION_CUES: &[&str] = &[
    "left out",
    "i forgot",
    "i missed",
    "i skipped",
    "i overlooked",
    "my apologies",
    "apologies to",
    "sorry",
    "correction",
];

/// Phrases that close the list.
const CLOSING_CUES: &[&str] = &[
    "list of speakers is closed",
    "list is closed",
    "close the list",
    "closed the list",
    "exhausted the list",
    "no further speakers",
    "no more speakers",
    "no other speakers",
];

/// Audits the floor of a session.
///
/// ```
/// let s = oewg_core::parse(
///     "Chair: Peru, to be followed by Chile and Egypt.\n\
///      Peru: Thank you.\n\
///      Chair: Thank you, Peru. Thank you, Secretariat. Chile, please.\n\
///      Chile: Thanks.\n").unwrap();
/// let audit = oewg_core::analysis::floor_audit(&s);
/// assert_eq!(audit.announced, ["Peru", "Chile", "Egypt"]);
/// assert_eq!(audit.thanked, ["Peru"]);
/// let egypt = &audit.anomalies[0];
/// assert_eq!(egypt.kind, oewg_core::analysis::AnomalyKind::AnnouncedNotHeard);
/// assert_eq!((egypt.speaker.as_str(), egypt.statements.as_slice()), ("Egypt", &[0][..]));
/// ```
pub fn floor_audit(session: &Session) -> FloorAudit {
    super::text::forget_paragraphs();
    Auditor::new(session).run()
}

/// An announced speaker not yet heard: the name is read from the event
/// (`speakers[k]` of `audit.events[event]`), not copied for the list. A
/// pending name is never empty, and only empty names are resolved later,
/// so the name read is the one announced.
#[derive(Clone, Copy)]
struct Pending {
    event: usize,
    k: usize,
}

struct Auditor<'a> {
    session: &'a Session,
    audit: FloorAudit,
    /// Announced and not yet heard, with the announcing event.
    pending: Vec<Pending>,
    /// The current announced order: (event, position in its speakers).
    expected: VecDeque<(usize, usize)>,
    /// The sound keys of the names of everyone who spoke, made on the
    /// first name matched by sound ([`heard_sounds`]): most sessions match
    /// none, and make no list of who spoke.
    heard_sounds: std::cell::OnceCell<Vec<String>>,
    /// The cue hits of every turn of the Chair's, in order of turns, found
    /// at once ([`cue_hits_in_each`]), and where each turn's end.
    hits: Vec<(usize, Cue)>,
    hit_ends: Vec<usize>,
    /// The ASCII lower case of the sentence being read, kept between
    /// sentences: only the few sentences that may act on the list are
    /// lowered, not the whole turn.
    low: String,
    /// The names of the sentence being read, and room for its words.
    names: Vec<NameAt>,
    words: Vec<(usize, usize)>,
}

fn name_of(st: &Statement) -> &str {
    st.speaker.canonical_name()
}

fn is_chair(st: &Statement) -> bool {
    st.speaker.role == Role::Chair
}

impl<'a> Auditor<'a> {
    fn new(session: &'a Session) -> Self {
        Auditor {
            session,
            audit: FloorAudit::default(),
            pending: Vec::new(),
            expected: VecDeque::new(),
            heard_sounds: std::cell::OnceCell::new(),
            hits: Vec::new(),
            hit_ends: Vec::new(),
            low: String::new(),
            names: Vec::new(),
            words: Vec::new(),
        }
    }

    fn anomaly(
        &mut self,
        kind: AnomalyKind,
        speaker: &str,
        statements: Vec<usize>,
        excerpt: Option<Excerpt>,
    ) {
        self.audit.anomalies.push(Anomaly {
            kind,
            speaker: speaker.to_string(),
            statements,
            excerpt,
        });
    }

    fn run(mut self) -> FloorAudit {
        let statements = &self.session.statements;
        cue_hits_in_each(
            statements
                .iter()
                .filter(|s| is_chair(s))
                .map(|s| s.text.as_str()),
            &mut self.hits,
            &mut self.hit_ends,
        );
        // Room for the events at about two a turn of the Chair's (what the
        // seeds have), so the list is not grown through many copies.
        self.audit.events.reserve(2 * self.hit_ends.len());
        let mut chair_turns = 0usize;
        let mut last_chair: Option<usize> = None;
        // The last speaker heard (not the Chair, not a foreign chunk), and
        // whether the Chair has spoken since.
        let mut last_heard: Option<(&str, bool)> = None;
        for (i, st) in statements.iter().enumerate() {
            if is_chair(st) {
                let from = chair_turns.checked_sub(1).map_or(0, |t| self.hit_ends[t]);
                let to = self.hit_ends[chair_turns];
                chair_turns += 1;
                self.chair_turn(st, i, last_chair, from..to);
                last_chair = Some(i);
                if let Some(l) = &mut last_heard {
                    l.1 = true;
                }
                continue;
            }
            let name = name_of(st);
            // A, B, A with no Chair between: B is a chunk of A's statement
            // under another label.
            let prev = i.checked_sub(1).and_then(|p| statements.get(p));
            let next = statements.get(i + 1);
            if let (Some(p), Some(n)) = (prev, next) {
                if !is_chair(p) && !is_chair(n) && name_of(p) == name_of(n) && name_of(p) != name {
                    let owner = name_of(p).to_string();
                    self.anomaly(
                        AnomalyKind::ForeignChunk,
                        &owner,
                        vec![i - 1, i, i + 1],
                        None,
                    );
                    continue;
                }
            }
            if last_heard == Some((name, false)) {
                // The same speaker again, no Chair between: one statement.
                continue;
            }
            last_heard = Some((name, false));
            self.heard(i, st);
        }
        for p in std::mem::take(&mut self.pending) {
            let ev = &self.audit.events[p.event];
            let excerpt = ev.excerpt.clone();
            self.audit.anomalies.push(Anomaly {
                kind: AnomalyKind::AnnouncedNotHeard,
                speaker: ev.speakers[p.k].name.clone(),
                statements: vec![excerpt.statement],
                excerpt: Some(excerpt),
            });
        }
        self.audit
            .anomalies
            .sort_by_key(|a| a.statements.first().copied());
        // Kept with the session: no spare room from growing (peak memory).
        self.audit.events.shrink_to_fit();
        self.audit.announced.shrink_to_fit();
        self.audit.thanked.shrink_to_fit();
        self.audit.anomalies.shrink_to_fit();
        self.audit
    }

    /// Reconciles a statement with the announced order.
    fn heard(&mut self, i: usize, st: &Statement) {
        let name = name_of(st);
        if let Some(&(ev, k)) = self.expected.front() {
            if self.unresolved(ev, k) {
                // One try: words that do not sound like the speaker who took
                // the floor in their place name no one we can tell.
                self.resolve_by_sound(ev, k, name);
                if self.unresolved(ev, k) {
                    self.expected.pop_front();
                }
            }
        }
        let position = self
            .expected
            .iter()
            .position(|&(ev, k)| self.audit.events[ev].speakers[k].name == name);
        let was_pending = self.take_pending(name);
        match position {
            Some(0) => {
                self.expected.pop_front();
            }
            Some(p) => {
                let (ev, _) = self.expected[0];
                let excerpt = self.audit.events[ev].excerpt.clone();
                self.anomaly(AnomalyKind::OutOfOrder, name, vec![i], Some(excerpt));
                self.expected.drain(..=p);
            }
            None if was_pending && !self.expected.is_empty() => {
                self.anomaly(AnomalyKind::OutOfOrder, name, vec![i], None);
            }
            None if was_pending => {}
            None => self.anomaly(AnomalyKind::HeardUnannounced, name, vec![i], None),
        }
    }

    fn unresolved(&self, ev: usize, k: usize) -> bool {
        self.audit.events[ev].speakers[k].name.is_empty()
    }

    /// A name the registry does not know, in the place of the speaker who
    /// then spoke: theirs, when it sounds like theirs more than like
    /// anyone else's who spoke.
    fn resolve_by_sound(&mut self, ev: usize, k: usize, heard: &str) {
        let written = self.audit.events[ev].speakers[k].as_written.clone();
        // `similarity` against each name that spoke, each key made once.
        let key = sound_key(&written);
        let score = sound_similarity(&key, &name_sound_key(heard));
        // Most such words sound like no one ("Distinguished delegates"):
        // the names of all who spoke are compared only when these words
        // sound enough like the speaker's to be taken for them.
        let best = || {
            self.heard_sounds
                .get_or_init(|| heard_sounds(self.session))
                .iter()
                .map(|n| sound_similarity(&key, n))
                .fold(0.0, f64::max)
        };
        if score >= CONTEXT_MATCH && score >= best() {
            let named = &mut self.audit.events[ev].speakers[k];
            named.name = heard.to_string();
            named.confidence = match_confidence(&written, heard);
            if !self.audit.announced.iter().any(|a| a == heard) {
                self.audit.announced.push(heard.to_string());
            }
        }
    }

    /// The name of a pending speaker.
    fn pending_name(&self, p: Pending) -> &str {
        &self.audit.events[p.event].speakers[p.k].name
    }

    fn take_pending(&mut self, name: &str) -> bool {
        match self
            .pending
            .iter()
            .position(|&p| self.pending_name(p) == name)
        {
            Some(p) => {
                self.pending.remove(p);
                true
            }
            None => false,
        }
    }

    /// Reads a turn of the Chair's, whose cue hits are `self.hits[turn_hits]`.
    /// `at` is its position in the session, which `st.index` need not be
    /// (a caller may filter a session's statements).
    fn chair_turn(
        &mut self,
        st: &Statement,
        at: usize,
        last_chair: Option<usize>,
        turn_hits: std::ops::Range<usize>,
    ) {
        let statements = &self.session.statements;
        let since = last_chair.map_or(0, |c| c + 1);
        let spoke_since = &statements[since.min(at)..at];
        let mut announced_in_turn = false;
        let mut last_floor_sentence: Option<(usize, usize)> = None;
        let all_hits = std::mem::take(&mut self.hits);
        let hits = &all_hits[turn_hits];
        let mut low_text = std::mem::take(&mut self.low);
        let mut ms = std::mem::take(&mut self.names);
        let mut words = std::mem::take(&mut self.words);
        for (a, b) in sentences_at(&st.text, hits.iter().map(|h| h.0)) {
            let sentence = &st.text[a..b];
            // The hits inside this sentence, found by binary search.
            let from = hits.partition_point(|h| h.0 < a);
            let to = hits.partition_point(|h| h.0 < b);
            let inside = &hits[from..to];
            let here = |cue: Cue| inside.iter().any(|&(_, c)| c == cue);
            let (floor, correction, closing) =
                (here(Cue::Floor), here(Cue::Correction), here(Cue::Closing));
            let (thanks, please) = (here(Cue::Thanks), here(Cue::Please));
            // Without a cue of the floor, a correction or the list's close
            // (which every phrase of `unknown_lead` holds), a sentence can
            // only thank the last speaker ("Thank you, Peru.") or be a short
            // "Peru, please.": any other (most, "I thank the delegations
            // …") is passed over before its names are looked for.
            let thanked = thanks && !announced_in_turn && starts_with_thanks(sentence);
            let short_please = please && sentence.split_whitespace().nth(6).is_none();
            if !(floor || correction || closing || thanked || short_please) {
                continue;
            }
            // The sentence's `lower` copy: the bytes lowered one by one,
            // so the offsets are the same.
            low_text.clear();
            low_text.push_str(sentence);
            low_text.make_ascii_lowercase();
            let low = low_text.as_str();
            names_into(sentence, &mut words, &mut ms);
            ms.retain(|m| {
                let head = low[..m.start].trim_end();
                let head = head.strip_suffix("the").unwrap_or(head).trim_end();
                !head.ends_with("on behalf of") && m.role != Role::Organization
            });
            let mut rest = 0;
            // "Thank you (very much), X": X has just spoken. Only before the
            // Chair announces anyone: a later "thank you" answers a request.
            if let Some(after) = thanks.then(|| thanks_prefix(low)).flatten() {
                if let Some(m) = ms.first() {
                    let gap = &low[after..m.start];
                    if !announced_in_turn
                        && gap
                            .trim_matches([' ', ','])
                            .trim_end_matches("the")
                            .trim()
                            .is_empty()
                    {
                        rest = m.end;
                        self.thank(named(m, sentence), st, (a, b), spoke_since);
                    }
                } else if !announced_in_turn
                    && low[after..]
                        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | ','))
                        .is_empty()
                {
                    // "Thank you very much. Japan for your statement.": the
                    // name opens the next sentence, which has no cue.
                    if let Some((thanked, end)) = thanked_next(st, b) {
                        self.thank(thanked, st, (a, end), spoke_since);
                    }
                }
            }
            // The names after the one thanked (the names are in order).
            let names = &ms[ms.partition_point(|m| m.start < rest)..];
            if closing {
                self.event(FloorEventKind::ListClosed, Vec::new(), st, a, b);
            }
            let gives_floor = is_floor_sentence(floor, please, sentence, names);
            if !names.is_empty() && correction && !gives_floor {
                let speakers: Vec<Named> = names.iter().map(|m| named(m, sentence)).collect();
                let who = speakers[0].name.clone();
                let ev = self.event(FloorEventKind::Corrected, speakers, st, a, b);
                let excerpt = self.audit.events[ev].excerpt.clone();
                self.anomaly(
                    AnomalyKind::ChairCorrection,
                    &who,
                    vec![st.index],
                    Some(excerpt),
                );
                continue;
            }
            // Every phrase `unknown_lead` looks for holds a cue of the floor
            // that the cue search reports (a test checks): without one in
            // the sentence, there is no lead to look for.
            let lead = floor
                .then(|| unknown_lead(sentence, low, rest, names))
                .flatten();
            // The unresolved lead first, then the names, each once; the
            // list made at its size (none when empty), not grown.
            let size = usize::from(lead.is_some()) + if gives_floor { names.len() } else { 0 };
            let mut speakers: Vec<Named> = Vec::with_capacity(size);
            if let Some(phrase) = lead {
                speakers.push(Named {
                    name: String::new(),
                    as_written: phrase.to_string(),
                    confidence: 0.0,
                });
            }
            if gives_floor {
                for m in names {
                    // The lead's name is empty; a registry name never is.
                    if !speakers.iter().any(|s| s.name == m.name) {
                        speakers.push(named(m, sentence));
                    }
                }
            }
            if speakers.is_empty() {
                continue;
            }
            let append = low.trim_start().starts_with("to be followed by")
                || low.trim_start().starts_with("followed by");
            for s in speakers.iter().filter(|s| !s.name.is_empty()) {
                if !self.audit.announced.contains(&s.name) {
                    self.audit.announced.push(s.name.clone());
                }
            }
            let ev = self.event(FloorEventKind::Announced, speakers, st, a, b);
            announced_in_turn = true;
            last_floor_sentence = Some((a, b));
            self.announce(ev, append);
        }
        self.hits = all_hits;
        self.low = low_text;
        self.names = ms;
        self.words = words;
        // Paragraphs after the Chair gave the floor: someone else's words.
        if let Some((a, b)) = last_floor_sentence {
            let here = paragraph_of(st, a).unwrap_or(0);
            let paragraphs = paragraph_count(&st.text);
            if here + 1 < paragraphs {
                let ev = self.audit.events.len() - 1;
                let who = self.audit.events[ev]
                    .speakers
                    .first()
                    .map(|s| {
                        if s.name.is_empty() {
                            s.as_written.clone()
                        } else {
                            s.name.clone()
                        }
                    })
                    .unwrap_or_default();
                self.anomaly(
                    AnomalyKind::UnlabelledChunk,
                    &who,
                    vec![st.index],
                    Some(Excerpt::new(st, a, b)),
                );
            }
        }
    }

    /// The Chair thanks `who` in `st.text[range]`: they spoke, whether or
    /// not the transcript has them.
    fn thank(
        &mut self,
        who: Named,
        st: &Statement,
        (a, b): (usize, usize),
        spoke_since: &[Statement],
    ) {
        let name = who.name.clone();
        let ev = self.event(FloorEventKind::Thanked, vec![who], st, a, b);
        self.audit.thanked.push(name.clone());
        if !spoke_since.iter().any(|s| name_of(s) == name) {
            let excerpt = self.audit.events[ev].excerpt.clone();
            // Their words are probably the Chair's turn's last paragraphs,
            // found as an unlabelled chunk of theirs: that statement first.
            // It is the Chair's turn just before those who spoke since:
            // among the last few anomalies (others may come between).
            let before = spoke_since
                .first()
                .map_or(st.index, |s| s.index)
                .checked_sub(1);
            let chunk = self
                .audit
                .anomalies
                .iter()
                .rev()
                .take(4)
                .find(|a| {
                    a.kind == AnomalyKind::UnlabelledChunk
                        && a.speaker == name
                        && a.statements.first().copied() == before
                })
                .and_then(|a| a.statements.first().copied());
            self.anomaly(
                AnomalyKind::ThankedNotHeard,
                &name,
                chunk.into_iter().chain([st.index]).collect(),
                Some(excerpt),
            );
        }
        self.take_pending(&name);
        self.expected
            .retain(|&(e, k)| self.audit.events[e].speakers[k].name != name);
    }

    fn event(
        &mut self,
        kind: FloorEventKind,
        speakers: Vec<Named>,
        st: &Statement,
        a: usize,
        b: usize,
    ) -> usize {
        self.audit.events.push(FloorEvent {
            kind,
            speakers,
            excerpt: Excerpt::new(st, a, b),
        });
        self.audit.events.len() - 1
    }

    /// A new announced order: it replaces the current one unless it only
    /// repeats its start ("Cuba, to be followed by Czechia. Cuba,
    /// please."), or continues it ("To be followed by the United Kingdom").
    fn announce(&mut self, ev: usize, append: bool) {
        let count = self.audit.events[ev].speakers.len();
        // The new order is (ev, 0), (ev, 1), …: read from the range, not
        // collected for each announcement.
        let new = (0..count).map(|k| (ev, k));
        let name = |(e, k): (usize, usize)| self.audit.events[e].speakers[k].name.as_str();
        let prefix = count <= self.expected.len()
            && new
                .clone()
                .zip(self.expected.iter())
                .all(|(a, &b)| !name(a).is_empty() && name(a) == name(b));
        if append {
            self.expected.extend(new);
        } else if !prefix {
            self.expected.clear();
            self.expected.extend(new);
        }
        // The Chair announces a few speakers ahead; a longer list is noise,
        // and would make every statement's lookup cost more.
        while self.expected.len() > MAX_EXPECTED {
            self.expected.pop_back();
        }
        for k in 0..count {
            let n = &self.audit.events[ev].speakers[k].name;
            if !n.is_empty() && !self.pending.iter().any(|&p| self.pending_name(p) == n) {
                self.pending.push(Pending { event: ev, k });
            }
        }
    }
}

/// The sound keys of the names of everyone who spoke in `session` (not
/// the Chair), each name once, in order of first statement.
fn heard_sounds(session: &Session) -> Vec<String> {
    // Only asked whether a name was seen: a fast hasher cannot change the
    // order of the keys.
    let mut seen: std::collections::HashSet<&str, crate::speakers::FastHash> =
        std::collections::HashSet::default();
    session
        .statements
        .iter()
        .filter(|s| !is_chair(s))
        .map(name_of)
        .filter(|n| seen.insert(n))
        .map(name_sound_key)
        .collect()
}

/// [`sound_key`] of a speaker's name, kept from session to session (see
/// [`crate::speakers::kept_name_key`]).
fn name_sound_key(name: &str) -> String {
    thread_local! {
        static KEYS: crate::speakers::NameKeys = std::cell::RefCell::default();
    }
    crate::speakers::kept_name_key(&KEYS, name, sound_key)
}

/// A part of a statement that the audit finds to be someone else's
/// words: from byte `from` of statement `statement`'s text to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub statement: usize,
    pub from: usize,
    pub speaker: String,
}

impl FloorAudit {
    /// The parts of statements its anomalies give to someone else: the
    /// paragraphs after the Chair gave the floor, in the Chair's turn
    /// ([`AnomalyKind::UnlabelledChunk`]: the one given the floor), and a
    /// chunk under another label inside one speaker's statement
    /// ([`AnomalyKind::ForeignChunk`]: that speaker).
    /// In order of statement (a stable sort: those of one statement in
    /// the anomalies' order), so that [`chunks_of`] finds a statement's
    /// by a binary search, not a scan for each sentence asked of.
    pub(crate) fn chunks(&self, session: &Session) -> Vec<Chunk> {
        let mut chunks: Vec<Chunk> = self
            .anomalies
            .iter()
            .filter_map(|a| match a.kind {
                AnomalyKind::UnlabelledChunk => {
                    let st = session.statements.get(*a.statements.first()?)?;
                    let end = a.excerpt.as_ref()?.end;
                    let next = memchr::memmem::find(st.text.get(end..)?.as_bytes(), b"\n\n")?;
                    Some(Chunk {
                        statement: st.index,
                        from: end + next + 2,
                        speaker: a.speaker.clone(),
                    })
                }
                AnomalyKind::ForeignChunk => Some(Chunk {
                    statement: *a.statements.get(1)?,
                    from: 0,
                    speaker: a.speaker.clone(),
                }),
                _ => None,
            })
            .filter(|c| !c.speaker.is_empty())
            .collect();
        chunks.sort_by_key(|c| c.statement);
        chunks
    }
}

/// The chunks of statement `statement`, of `chunks` in order of statement
/// ([`FloorAudit::chunks`]).
pub(crate) fn chunks_of(chunks: &[Chunk], statement: usize) -> &[Chunk] {
    let from = chunks.partition_point(|c| c.statement < statement);
    let len = chunks[from..].partition_point(|c| c.statement == statement);
    &chunks[from..from + len]
}

/// Whose words byte `at` of statement `statement` is, when a [`Chunk`]
/// holds it.
pub(crate) fn chunk_speaker(chunks: &[Chunk], statement: usize, at: usize) -> Option<&str> {
    chunks_of(chunks, statement)
        .iter()
        .find(|c| at >= c.from)
        .map(|c| c.speaker.as_str())
}

/// `text.split("\n\n")` pieces that are not empty, counted with one
/// vectorised search instead of a splitter (its searcher built once, not
/// for each turn).
fn paragraph_count(text: &str) -> usize {
    static BREAK: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let mut count = 0;
    let mut from = 0;
    let finder = BREAK.get_or_init(|| memchr::memmem::Finder::new(b"\n\n"));
    for brk in finder.find_iter(text.as_bytes()) {
        count += usize::from(brk > from);
        from = brk + 2;
    }
    count + usize::from(text.len() > from)
}

/// What a cue phrase signals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Thanks,
    Please,
    Floor,
    Correction,
    Closing,
}

/// Every cue phrase, found in one case-blind pass over a Chair's
/// statement: the plain way [`cue_dfa`] is held to.
#[cfg(test)]
fn cues() -> &'static (aho_corasick::AhoCorasick, Vec<Cue>) {
    static CUES: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<Cue>)> =
        std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let phrases = cue_phrases();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases.iter().map(|(p, _)| p))
            .expect("a small fixed set of patterns");
        (ac, phrases.into_iter().map(|(_, c)| c).collect())
    })
}

/// The cue hits of each of `texts` (the Chair's turns), as
/// [`cue_sentences`] finds them, one text's after another's into `hits`
/// (cleared first), with where each text's end in `ends`: four searches
/// side by side over different turns go faster than one turn at a time
/// (most turns are a few hundred bytes).
fn cue_hits_in_each<'t>(
    texts: impl Iterator<Item = &'t str>,
    hits: &mut Vec<(usize, Cue)>,
    ends: &mut Vec<usize>,
) {
    let texts: Vec<&[u8]> = texts.map(str::as_bytes).collect();
    let (dfa, cues) = cue_dfa();
    if let [text] = texts[..] {
        // A lone turn: cut in pieces searched side by side, as the search
        // of many texts cuts only long ones.
        dfa.find_into(text, hits, |m| Some((m.start, cues[m.phrase])));
        ends.clear();
        ends.push(hits.len());
        return;
    }
    let mut found = Vec::new();
    dfa.find_in_each(&texts, &mut found, |_, m| Some((m.start, cues[m.phrase])));
    hits.clear();
    hits.reserve(found.len());
    ends.clear();
    ends.resize(texts.len(), 0);
    for (t, hit) in found {
        hits.push(hit);
        ends[t] = hits.len();
    }
    // A text with no hit ends where the one before does.
    for t in 1..ends.len() {
        ends[t] = ends[t].max(ends[t - 1]);
    }
}

/// The sentences of a Chair's turn that hold a cue phrase, in order, with
/// every cue hit of the turn in `hits`: the hits of a case-blind
/// `find_iter` of every phrase over the text, found by [`cue_dfa`], and the
/// sentences they fall in.
#[cfg(test)]
fn cue_sentences(text: &str, hits: &mut Vec<(usize, Cue)>) -> Vec<(usize, usize)> {
    let (dfa, cues) = cue_dfa();
    dfa.find_into(text.as_bytes(), hits, |m| Some((m.start, cues[m.phrase])));
    sentences_at(text, hits.iter().map(|h| h.0))
}

/// The searcher of every cue phrase, ASCII case ignored, standard match
/// semantics (each match reported where it ends first), with what each
/// phrase signals.
fn cue_dfa() -> &'static (PhraseDfa, Vec<Cue>) {
    static DFA: std::sync::OnceLock<(PhraseDfa, Vec<Cue>)> = std::sync::OnceLock::new();
    DFA.get_or_init(|| {
        let (phrases, cues): (Vec<&str>, Vec<Cue>) = cue_phrases().into_iter().unzip();
        (
            PhraseDfa::new(&phrases, aho_corasick::MatchKind::Standard),
            cues,
        )
    })
}

/// Every cue phrase and what it signals.
fn cue_phrases() -> Vec<(&'static str, Cue)> {
    let mut phrases: Vec<(&str, Cue)> = vec![("thank", Cue::Thanks), ("please", Cue::Please)];
    phrases.extend(FLOOR_CUES.iter().map(|p| (*p, Cue::Floor)));
    phrases.extend(CORRECTION_CUES.iter().map(|p| (*p, Cue::Correction)));
    phrases.extend(CLOSING_CUES.iter().map(|p| (*p, Cue::Closing)));
    phrases
}

fn named(m: &NameAt, sentence: &str) -> Named {
    Named {
        name: m.name.to_string(),
        as_written: sentence[m.start..m.end].to_string(),
        confidence: 1.0,
    }
}

/// The name that opens the sentence after byte `after` of the Chair's
/// turn, when that sentence is only the name ("Denmark.") or the name and
/// what it is thanked for ("Japan for your statement."), with where that
/// sentence ends.
fn thanked_next(st: &Statement, after: usize) -> Option<(Named, usize)> {
    let rest = st.text.get(after..)?;
    let start = after + (rest.len() - rest.trim_start().len());
    let &(a, b) = sentences_at(&st.text, [start]).first()?;
    let sentence = &st.text[a..b];
    let m = crate::speakers::names_in(sentence).into_iter().next()?;
    let tail = sentence[m.end..].trim_start();
    let opens = sentence[..m.start].trim().is_empty();
    let only_name = tail.trim_end_matches(['.', '!']).is_empty();
    let thanked_for = tail
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("for "));
    (opens && (only_name || thanked_for) && m.role != Role::Organization)
        .then(|| (named(&m, sentence), b))
}

/// Where the name after "Thank you (very much|so much)" would start.
fn thanks_prefix(low: &str) -> Option<usize> {
    let t = low.trim_start();
    let lead = low.len() - t.len();
    let t2 = t.strip_prefix("and ").unwrap_or(t);
    let skip = t.len() - t2.len();
    for p in [
        "thank you very much",
        "thank you so much",
        "thank you",
        "thanks",
    ] {
        if t2.starts_with(p) {
            return Some(lead + skip + p.len());
        }
    }
    None
}

/// [`thanks_prefix`] of the sentence's [`lower`] copy is some, without
/// making the copy: the phrases are ASCII, so ASCII case is all that
/// differs.
fn starts_with_thanks(sentence: &str) -> bool {
    let t = sentence.trim_start();
    let ci = |t: &str, p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let t = if ci(t, "and ") { &t[4..] } else { t };
    [
        "thank you very much",
        "thank you so much",
        "thank you",
        "thanks",
    ]
    .iter()
    .any(|p| ci(t, p))
}

/// True when the sentence gives the floor to the names in it: it holds a
/// floor phrase, or it is a short "X, please." that starts with a name.
fn is_floor_sentence(floor: bool, please: bool, sentence: &str, names: &[NameAt]) -> bool {
    if names.is_empty() {
        return false;
    }
    if floor {
        return true;
    }
    let short = sentence.split_whitespace().count() <= 6;
    let starts_with_name = sentence[..names[0].start]
        .trim_matches(|c: char| c.is_whitespace() || c == ',')
        .trim_end_matches(['t', 'T', 'h', 'e'])
        .is_empty();
    short && starts_with_name && please
}

/// The words before "to be followed by" or ", you have the floor" when
/// they name no one the registry knows ("Check here to be followed by the
/// Netherlands"): at most four words, the first capitalised.
fn unknown_lead<'s>(
    sentence: &'s str,
    low: &str,
    rest: usize,
    names: &[NameAt],
) -> Option<&'s str> {
    let cue = rest + first_lead_cue(low.get(rest..)?)?;
    if names.first().is_some_and(|m| m.start < cue) {
        return None;
    }
    let lead =
        sentence[rest..cue].trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.');
    let lead = lead.strip_suffix(" now").unwrap_or(lead);
    let words = lead.split_whitespace().count();
    let capital = lead.chars().next().is_some_and(char::is_uppercase);
    let chair_words = [
        "i ", "we ", "you", "and ", "so ", "the ", "thank", "it ", "this ", "that ",
    ];
    // The words are ASCII: the lead's lower case copy starts with one
    // when the lead does, ASCII case aside.
    let starts_with = |w: &str| {
        lead.as_bytes()
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    };
    (capital && (1..=4).contains(&words) && !chair_words.iter().any(|w| starts_with(w)))
        .then_some(lead)
}

/// Where the first of "to be followed by", "followed by" and "you have
/// the floor" starts in `low`: two vectorised searches with searchers
/// built once. A "to be followed by" holds a "followed by", which cannot
/// overlap itself, so the first "to be followed by" is the one just
/// before the first "followed by", if any.
fn first_lead_cue(low: &str) -> Option<usize> {
    use memchr::memmem::Finder;
    static FINDERS: std::sync::OnceLock<[Finder<'static>; 2]> = std::sync::OnceLock::new();
    let [followed, floor] = FINDERS.get_or_init(|| {
        [
            Finder::new(b"followed by"),
            Finder::new(b"you have the floor"),
        ]
    });
    let b = low.as_bytes();
    let followed = followed
        .find(b)
        .map(|q| q - if b[..q].ends_with(b"to be ") { 6 } else { 0 });
    match (followed, floor.find(b)) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::{lower, Phrases};

    /// The plain way [`cue_sentences`] stands for: the case-blind pass
    /// over the whole text, and the sentences its hits fall in.
    type Hits = Vec<(usize, Cue)>;

    fn cue_sentences_plain(text: &str) -> (Vec<(usize, usize)>, Hits) {
        let (ac, kinds) = cues();
        let mut hits: Vec<(usize, Cue)> = ac
            .find_iter(text)
            .map(|m| (m.start(), kinds[m.pattern().as_usize()]))
            .collect();
        hits.sort_unstable_by_key(|h| h.0);
        (sentences_at(text, hits.iter().map(|h| h.0)), hits)
    }

    fn same_cues(text: &str) {
        let mut hits = Vec::new();
        let fast = cue_sentences(text, &mut hits);
        let (plain, plain_hits) = cue_sentences_plain(text);
        assert_eq!(fast, plain, "{text:?}");
        assert!(hits == plain_hits, "{text:?}");
    }

    #[test]
    fn cue_sentences_as_the_whole_text_pass() {
        // Every phrase, in pieces and cases, glued to others and split by
        // every kind of sentence end.
        let mut pieces: Vec<&str> = cue_phrases().iter().map(|p| p.0).collect();
        pieces.extend([
            "Thank",
            "THANK YOU",
            "Please",
            "FLOOR",
            "Followed By",
            "you have",
            " the floor",
            "sorr",
            "y",
            "ou",
            "no ",
            "ext speaker",
            "i ",
            "I ",
            "list",
            "close",
            "d the list",
            "Mr. ",
            "J. ",
            ". ",
            "? ",
            "! ",
            ".\n",
            "\n\n",
            "\n\n\n",
            ".) ",
            ".” ",
            "’",
            "é",
            " ",
            ", ",
            "Peru",
            "the",
            "x",
            "\t",
            "\u{a0}",
        ]);
        for t in crate::text::pieced_texts(&pieces, 3000, 30, 0x2545_f491_4f6c_dd1d) {
            same_cues(&t);
        }
        same_cues("");
        same_cues("sorryou have the floor. Correctionext speaker! Invitexhausted the list");
    }

    #[test]
    fn cue_sentences_of_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(src) = std::fs::read_to_string(entry.path()) {
                let session = crate::parse(&src).unwrap();
                for st in session.statements.iter().filter(|s| is_chair(s)) {
                    same_cues(&st.text);
                }
                // The whole text too: far more phrases than the Chair's.
                same_cues(&src);
                read += 1;
            }
        }
        assert!(read >= 2, "seeds read: {read}");
    }

    /// The hits of many turns found at once, turn by turn, are each turn's
    /// as found alone: over generated turns of every length (empty, short,
    /// long enough to be cut in four) and the seeds' Chair turns.
    #[test]
    fn cue_hits_of_all_turns_as_of_each_alone() {
        let mut pieces: Vec<&str> = cue_phrases().iter().map(|p| p.0).collect();
        pieces.extend(["Peru", ". ", "\n\n", " ", "x", "é", "THANK", "sorr", "y"]);
        let mut texts: Vec<String> = Vec::new();
        for (k, t) in crate::text::pieced_texts(&pieces, 600, 20, 0x2545_f491_4f6c_dd1d).enumerate()
        {
            // Some empty, some long (cut in four among many).
            match k % 7 {
                0 => texts.push(String::new()),
                1 => texts.push(t.repeat(40)),
                _ => {}
            }
            texts.push(t);
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(src) = std::fs::read_to_string(entry.path()) {
                let session = crate::parse(&src).unwrap();
                texts.extend(
                    session
                        .statements
                        .iter()
                        .filter(|s| is_chair(s))
                        .map(|s| s.text.clone()),
                );
            }
        }
        let (mut all, mut ends, mut alone) = (Vec::new(), Vec::new(), Vec::new());
        // A lone turn too, searched apart.
        for t in texts.iter().take(50) {
            cue_hits_in_each(std::iter::once(t.as_str()), &mut all, &mut ends);
            cue_sentences(t, &mut alone);
            assert!(all == alone && ends == [all.len()], "{t:?}");
        }
        cue_hits_in_each(texts.iter().map(String::as_str), &mut all, &mut ends);
        assert_eq!(ends.len(), texts.len());
        let mut from = 0;
        for (t, &to) in texts.iter().zip(&ends) {
            cue_sentences(t, &mut alone);
            assert!(all[from..to] == alone[..], "{t:?}");
            from = to;
        }
        assert_eq!(from, all.len());
        assert!(all.len() > 10_000, "{}", all.len());
    }

    /// A sentence holding "followed by" or "you have the floor" holds a
    /// floor cue as the cue search reports them (what lets the audit pass
    /// over `unknown_lead` in a sentence without one), however the
    /// phrases are glued to others.
    #[test]
    fn a_lead_cue_is_a_floor_hit() {
        let mut pieces: Vec<&str> = cue_phrases().iter().map(|p| p.0).collect();
        pieces.extend([
            "to be ",
            "followed by",
            "you have the floor",
            "you have",
            " the floor",
            "sorr",
            "y",
            "ou",
            "f",
            "follow",
            "ed by",
            ". ",
            "\n\n",
            " ",
            "x",
            "Peru",
            "YOU HAVE THE FLOOR",
        ]);
        let mut hits = Vec::new();
        let mut leads = 0;
        for t in crate::text::pieced_texts(&pieces, 4000, 14, 0x9e37_79b9_7f4a_7c15) {
            for (a, b) in cue_sentences(&t, &mut hits) {
                if first_lead_cue(&lower(&t[a..b])).is_some() {
                    leads += 1;
                    let from = hits.partition_point(|h| h.0 < a);
                    let to = hits.partition_point(|h| h.0 < b);
                    assert!(
                        hits[from..to].iter().any(|h| h.1 == Cue::Floor),
                        "{:?}",
                        &t[a..b]
                    );
                }
            }
        }
        assert!(leads > 1000, "{leads}");
    }

    #[test]
    fn first_lead_cue_as_the_phrases() {
        static CUES: Phrases =
            Phrases::new(&["to be followed by", "followed by", "you have the floor"]);
        let pieces = [
            "to be ",
            "to be",
            "followed by",
            "followed",
            " by",
            "you have the floor",
            "you have",
            " the floor",
            "to ",
            "be ",
            "x",
            " ",
            "é",
        ];
        for t in crate::text::pieced_texts(&pieces, 3000, 8, 0x9e37_79b9_7f4a_7c15) {
            assert_eq!(first_lead_cue(&t), CUES.first(&t), "{t:?}");
        }
    }

    fn audit(src: &str) -> FloorAudit {
        floor_audit(&crate::parse(src).unwrap())
    }

    fn kinds(a: &FloorAudit) -> Vec<(AnomalyKind, String)> {
        a.anomalies
            .iter()
            .map(|x| (x.kind, x.speaker.clone()))
            .collect()
    }

    #[test]
    fn announcements_in_every_phrasing() {
        for (chair, next) in [
            ("I give the floor to Peru.", "Peru"),
            (
                "I give now the floor to the Czech Republic to be followed by Brazil.",
                "Czechia",
            ),
            ("Peru, you have the floor.", "Peru"),
            ("I now invite Peru.", "Peru"),
            (
                "I'd like to invite the delegation of Peru to make its intervention.",
                "Peru",
            ),
            ("Floor now to Peru, to be followed by Chile.", "Peru"),
            (
                "The last speaker on this item is Peru, you have the floor please.",
                "Peru",
            ),
            ("US please.", "United States"),
            ("Peru now, to be followed by Chile.", "Peru"),
        ] {
            let a = audit(&format!("Chair: {chair}\n{next}: Hello.\n"));
            assert_eq!(
                a.announced.first().map(String::as_str),
                Some(next),
                "{chair}"
            );
            // Who follows is announced and never heard here; nothing else.
            let others: Vec<_> = kinds(&a)
                .into_iter()
                .filter(|k| k.0 != AnomalyKind::AnnouncedNotHeard || k.1 == next)
                .collect();
            assert!(others.is_empty(), "{chair}: {others:?}");
        }
    }

    #[test]
    fn what_gives_no_floor() {
        for chair in [
            "Peru made a good point.",
            "I thank Peru for the proposal, and please note the time.",
            "We discussed the position of Peru at length and we noted the many points it made, please.",
            "The list of speakers is long.",
        ] {
            let a = audit(&format!("Chair: {chair}\n"));
            assert!(a.announced.is_empty(), "{chair}: {:?}", a.announced);
        }
    }

    #[test]
    fn thanks_name_the_last_speaker_only_at_the_start() {
        let a = audit("Chair: Peru, please.\nPeru: Hi.\nChair: Thank you very much, Peru, for your statement. Chile, please.\nChile: Hi.\n");
        assert_eq!(a.thanked, ["Peru"]);
        assert!(a.anomalies.is_empty(), "{:?}", kinds(&a));
        // The Secretariat is thanked, but is no speaker; a thanks after
        // the floor is given answers a request.
        let a = audit("Chair: Thank you, Secretariat. I give the floor to Peru. Thank you, Chile.\nPeru: Hi.\n");
        assert!(a.thanked.is_empty(), "{:?}", a.thanked);
        assert!(a.anomalies.is_empty(), "{:?}", kinds(&a));
        // "Thank you very much for your statement" names no one.
        let a = audit("Chair: Peru, please.\nPeru: Hi.\nChair: Thank you very much for your statement. Thank you.\n");
        assert!(a.thanked.is_empty());
    }

    #[test]
    fn thanked_but_missing_and_its_unlabelled_chunk() {
        let a = audit("Chair: I give the floor to Iraq. You have the floor.\n\nIraq's words, unlabelled.\n\nChair: Thank you, Iraq. Peru, please.\nPeru: Hi.\n");
        assert_eq!(
            kinds(&a),
            [
                (AnomalyKind::UnlabelledChunk, "Iraq".into()),
                (AnomalyKind::ThankedNotHeard, "Iraq".into())
            ]
        );
        // The thanks points back at the turn that holds their words.
        let at = |i: usize| a.anomalies[i].statements.clone();
        assert_eq!((at(0), at(1)), (vec![0], vec![0, 1]));
        // With no chunk, only the thanks; nor is another's chunk taken.
        let a = audit(
            "Chair: I give the floor to Iraq.
Chair: Thank you, Iraq. Peru, please.
Peru: Hi.
",
        );
        assert_eq!(kinds(&a), [(AnomalyKind::ThankedNotHeard, "Iraq".into())]);
        assert_eq!(a.anomalies[0].statements, [1]);
        let a = audit("Chair: I give the floor to Cuba. You have the floor.\n\nCuba's words.\n\nChair: Thank you, Iraq. Peru, please.\nPeru: Hi.\n");
        let thanked = a
            .anomalies
            .iter()
            .find(|x| x.kind == AnomalyKind::ThankedNotHeard);
        assert_eq!(
            thanked.map(|x| x.statements.clone()),
            Some(vec![1]),
            "{:?}",
            kinds(&a)
        );
        // Someone unannounced between: still that turn. A chunk of theirs
        // before another Chair's turn: not it.
        let thanks = |src: &str| {
            let a = audit(src);
            a.anomalies
                .iter()
                .find(|x| x.kind == AnomalyKind::ThankedNotHeard)
                .map(|x| x.statements.clone())
        };
        assert_eq!(
            thanks("Chair: I give the floor to Iraq. You have the floor.\n\nIraq's words.\n\nPeru: Hi.\nChair: Thank you, Iraq. Chile, please.\nChile: Hi.\n"),
            Some(vec![0, 2])
        );
        assert_eq!(
            thanks("Chair: I give the floor to Iraq. You have the floor.\n\nIraq's words.\n\nChair: Peru, please.\nPeru: Hi.\nChair: Thank you, Iraq.\n"),
            Some(vec![3])
        );
    }

    #[test]
    fn thanks_with_the_name_in_the_next_sentence() {
        let a = audit("Chair: Japan, please.\nJapan: Hi.\nChair: Thank you very much. Japan for your statement. Peru, please.\nPeru: Hi.\nChair: Thank you very much. Peru. Chile, please.\nChile: Hi.\nChair: Thank you.\n");
        assert_eq!(a.thanked, ["Japan", "Peru"]);
        assert!(a.anomalies.is_empty(), "{:?}", a.anomalies);
        let thanks = a
            .events
            .iter()
            .find(|e| e.kind == FloorEventKind::Thanked)
            .unwrap();
        assert_eq!(
            thanks.excerpt.text,
            "Thank you very much. Japan for your statement."
        );
        // A name that only opens a sentence is no thanks: "Thank you. Peru
        // believes …" is the Chair's own sentence.
        let b =
            audit("Chair: Peru, please.\nPeru: Hi.\nChair: Thank you. Peru believes in this.\n");
        assert!(b.thanked.is_empty(), "{:?}", b.thanked);
    }

    #[test]
    fn chunks_and_what_is_credited_to_whom() {
        let src = "Chair: I give the floor to Iraq. You have the floor.\n\nWe support the Programme of Action. We align with the EU.\n\nChair: Thank you, Iraq. Chile, please.\nChile: One.\nCuba: We support the Programme of Action.\nChile: Three.\nChair: Thank you.\n";
        let s = crate::parse(src).unwrap();
        let chunks = floor_audit(&s).chunks(&s);
        let chair = &s.statements[0].text;
        let iraq_from = chair.find("We support").unwrap();
        let want = |statement, from, speaker: &str| Chunk {
            statement,
            from,
            speaker: speaker.into(),
        };
        assert_eq!(chunks, [want(0, iraq_from, "Iraq"), want(3, 0, "Chile")]);
        assert_eq!(chunk_speaker(&chunks, 0, iraq_from - 1), None);
        assert_eq!(chunk_speaker(&chunks, 0, iraq_from), Some("Iraq"));
        // Every analysis reads the chunks the same way.
        let who: Vec<(usize, &str)> = s.analysis.proposals[0]
            .mentions
            .iter()
            .map(|m| (m.statement, m.speaker.as_str()))
            .collect();
        assert_eq!(who, [(0, "Iraq"), (3, "Chile")]);
        let a = &s.analysis.alignments;
        assert_eq!(
            (a[0].speaker.as_str(), a[0].aligned_with.as_str()),
            ("Iraq", "European Union")
        );
    }

    #[test]
    fn announced_never_heard_unannounced_and_out_of_order() {
        let a = audit("Chair: Peru, to be followed by Egypt.\nPeru: Hi.\nChair: Thank you, Peru. Cuba, to be followed by Chile.\nChile: Hi.\nCuba: Hi.\nChair: Thank you. Brazil, please.\nBrazil: Hi.\nMexico: Hi.\n");
        assert_eq!(
            kinds(&a),
            [
                (AnomalyKind::AnnouncedNotHeard, "Egypt".into()),
                (AnomalyKind::OutOfOrder, "Chile".into()),
                (AnomalyKind::HeardUnannounced, "Mexico".into()),
            ]
        );
        assert_eq!(
            a.anomalies[0].excerpt.as_ref().unwrap().text,
            "Peru, to be followed by Egypt."
        );
    }

    #[test]
    fn foreign_chunk_and_correction() {
        let a = audit("Chair: Chile, please.\nChile: One.\nCuba: Two.\nChile: Three.\nChair: Thank you, Chile. Peru to be followed by Brazil. Sorry, I left out Belarus. Belarus, you have the floor.\nBelarus: Hi.\nChair: Peru.\nPeru: Hi.\nBrazil: Hi.\n");
        assert_eq!(
            kinds(&a),
            [
                (AnomalyKind::ForeignChunk, "Chile".into()),
                (AnomalyKind::ChairCorrection, "Belarus".into())
            ]
        );
        assert_eq!(a.anomalies[0].statements, [1, 2, 3]);
    }

    #[test]
    fn a_misheard_name_is_matched_to_who_spoke() {
        let a = audit("Chair: Check here to be followed by Peru.\nCzechia: Hi.\nPeru: Hi.\nChile: Hi.\nChair: Thanks.\n");
        let named = &a.events[0].speakers[0];
        assert_eq!(
            (named.name.as_str(), named.as_written.as_str()),
            ("Czechia", "Check here")
        );
        assert!(named.confidence > 0.5 && named.confidence < 1.0);
        assert_eq!(kinds(&a), [(AnomalyKind::HeardUnannounced, "Chile".into())]);
        // Words that sound like no one who spoke stay unresolved.
        let a = audit("Chair: Distinguished delegates to be followed by Peru.\nPeru: Hi.\n");
        assert!(a.events[0].speakers.iter().all(|s| s.name != "Czechia"));
    }

    #[test]
    fn thanks_found_without_the_lower_case_copy() {
        for s in [
            "Thank you, Peru.",
            "  AND THANK YOU VERY MUCH",
            "and thanks",
            "Thanks",
            "I thank Peru.",
            "Thankful",
            "and",
            "",
            "é thank you",
            "And thank you so much, Chile.",
        ] {
            assert_eq!(
                starts_with_thanks(s),
                thanks_prefix(&lower(s)).is_some(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn kept_sound_keys_are_the_keys() {
        let names: Vec<String> = (0..crate::speakers::KEPT_NAME_KEYS + 100)
            .map(|i| format!("Name{} Check-here é{}", i % 977, i))
            .chain(["Czechia", "Check here", "", "Côte d'Ivoire"].map(String::from))
            .collect();
        for _ in 0..2 {
            for n in &names {
                assert_eq!(name_sound_key(n), sound_key(n), "{n:?}");
            }
        }
    }

    #[test]
    fn the_list_closed() {
        let a = audit("Chair: The list of speakers is closed.\n");
        assert_eq!(a.events[0].kind, FloorEventKind::ListClosed);
    }
}
