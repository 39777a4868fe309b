//! Speaker resolution: from a label as written ("Czech Republic",
//! "Ambassador Gafoor", "Pacific Islands Forum – Tonga") to a role, a
//! canonical name, an ISO code, a UN regional group and the group spoken
//! for, with a confidence. The same registry finds the states and groups
//! named inside a text ([`mentions`]) and matches names mis-heard by a
//! transcriber ([`similarity`]).

mod registry;

use crate::model::{RegionalGroup, Role, Speaker};
use registry::{
    Entry, AFRICAN, CHAIR_NAMES, CHAIR_WORDS, DEMONYMS, DEMONYM_NOUNS, EASTERN_EUROPEAN, GROUPS,
    LATIN_AMERICAN_CARIBBEAN, MEMBER_STATES, NO_GROUP, OBSERVER_STATES, ORGANIZATIONS,
    STAKEHOLDER_WORDS, WESTERN_EUROPEAN_OTHERS,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Confidence given to a stakeholder recognised by a word of its label
/// ("University", "Foundation") rather than by name: the role is likely,
/// the name unknown.
const STAKEHOLDER_CONFIDENCE: f64 = 0.5;

/// Least similarity for an approximate match against the whole registry.
/// Set so that "Saudia Arabia" finds Saudi Arabia while "Microsoft" does
/// not find Micronesia (0.85): a wrong confident match is worse than none.
const REGISTRY_MATCH: f64 = 0.92;

/// How far the best approximate match must lead the next entry.
const MATCH_MARGIN: f64 = 0.03;

/// Longest registry name in words ("United Kingdom of Great Britain and
/// Northern Ireland"): no lookup needs more.
const MAX_NAME_WORDS: usize = 8;

/// Labels longer than this are not matched approximately: a speaker's
/// name is short, and the cost must stay bounded on hostile input.
const MAX_APPROXIMATE_BYTES: usize = 60;

/// Resolves a speaker label.
///
/// ```
/// use oewg_core::{speakers::resolve, RegionalGroup, Role};
/// let s = resolve("Czech Republic\u{a0}");
/// assert_eq!((s.label.as_str(), s.role, s.name.as_deref(), s.iso3.as_deref()),
///            ("Czech Republic", Role::Delegation, Some("Czechia"), Some("CZE")));
/// assert_eq!((s.confidence, s.regional_group), (1.0, Some(RegionalGroup::EasternEuropean)));
/// assert_eq!(resolve("Ambassador Gafoor").role, Role::Chair);
/// // A member state speaking for its group is a delegation.
/// let pif = resolve("Pacific Islands Forum – Tonga");
/// assert_eq!((pif.role, pif.iso3.as_deref(), pif.on_behalf_of.as_deref()),
///            (Role::Delegation, Some("TON"), Some("Pacific Islands Forum")));
/// // A transcription error is matched, with less than full confidence.
/// let sa = resolve("Saudia Arabia");
/// assert_eq!(sa.name.as_deref(), Some("Saudi Arabia"));
/// assert!(sa.confidence < 1.0 && sa.confidence > 0.9);
/// assert_eq!(resolve("Ambassador Smith").confidence, 0.0);
/// ```
pub fn resolve(label: &str) -> Speaker {
    resolve_with(label, true)
}

/// Whether [`resolve`] makes `label` the Chair or a stakeholder, without
/// the matching by sound of names not in the registry: that matching
/// yields a delegation, observer, group or organisation only, and is most
/// of the cost of resolving such a name.
pub(crate) fn chair_or_stakeholder(label: &str) -> Option<Role> {
    Some(resolve_with(label, false).role).filter(|r| matches!(r, Role::Chair | Role::Stakeholder))
}

fn resolve_with(label: &str, by_sound: bool) -> Speaker {
    let label = label.trim();
    // "Kenya (spoke in French)", "Chair (in French)": how the speaker
    // spoke is not who speaks. Only a label with a bracket pays the look.
    if label.contains('(') {
        if let Some(bare) = without_annotations(label) {
            let mut speaker = resolve_with(&bare, by_sound);
            speaker.label = label.to_string();
            return speaker;
        }
    }
    let mut speaker = Speaker {
        label: label.to_string(),
        role: Role::Unknown,
        name: None,
        iso3: None,
        on_behalf_of: None,
        confidence: 0.0,
        regional_group: None,
        person: None,
        function: None,
    };
    let key = normalize_key(label);
    if is_chair(&key) {
        fill_chair(&mut speaker);
        return speaker;
    }
    if let Some((role, entry)) = lookup(&key)
        .or_else(|| inverted(&key))
        .or_else(|| label_only(&key))
    {
        fill(&mut speaker, role, entry, 1.0);
        return speaker;
    }
    // "Chinese delegation", "Delegation of Chile", "Representative of the
    // United Kingdom": the state the words name.
    let of = [
        "delegation of ",
        "representative of ",
        "permanent mission of ",
    ]
    .iter()
    .find_map(|p| key.strip_prefix(p));
    if let Some((role, entry)) = demonym_index()
        .get(key.as_str())
        .copied()
        .or_else(|| of.and_then(lookup))
    {
        fill(&mut speaker, role, entry, 1.0);
        return speaker;
    }
    // "Group – Member" and "Member on behalf of Group": the delegation of a
    // member speaking for its group; the group itself when the member is
    // not a state we know.
    if let Some((group, member, behalf)) = split_group_label(&key) {
        match lookup(group) {
            Some((Role::Group, g)) => {
                match lookup(member)
                    .map(|(r, m)| (r, m, 1.0))
                    .or_else(|| by_sound.then(|| approximate(member)).flatten())
                {
                    Some((role @ (Role::Delegation | Role::Observer), m, c)) => {
                        fill(&mut speaker, role, m, c)
                    }
                    _ => fill(&mut speaker, Role::Group, g, 1.0),
                }
                speaker.on_behalf_of = Some(g.name.to_string());
                return speaker;
            }
            // "Brazil, also on behalf of Argentina": a state speaking for
            // another state as well, which is then whom it speaks for (as
            // a group is). Only when the words say so: "Chile - Peru" is
            // no state speaking for the other. Both names exact, as
            // nothing else tells the two states apart.
            Some((Role::Delegation | Role::Observer, other)) if behalf => {
                if let Some((role @ (Role::Delegation | Role::Observer), m)) = lookup(member) {
                    fill(&mut speaker, role, m, 1.0);
                    speaker.on_behalf_of = Some(other.name.to_string());
                    return speaker;
                }
            }
            _ => {}
        }
    }
    // "Ms. Lopez (Chile)", "H.E. Mr. John Kamau, Kenya", "The Chair
    // (Singapore)": a person or the Chair, and whom they speak for.
    if person_and_party(label, &mut speaker) {
        return speaker;
    }
    // "UNIDIR Giacomo Persi Pauli", "Canada Ms. Smith": a known name
    // followed by a person.
    let words: Vec<&str> = key.split(' ').collect();
    for n in (1..words.len().min(MAX_NAME_WORDS + 1)).rev() {
        let prefix = words[..n].join(" ");
        if let Some((role, entry)) = lookup(&prefix) {
            fill(&mut speaker, role, entry, 1.0);
            return speaker;
        }
    }
    if STAKEHOLDER_WORDS
        .iter()
        .any(|w| words.iter().any(|x| x == w) || (w.contains(' ') && key.contains(w)))
    {
        speaker.role = Role::Stakeholder;
        speaker.confidence = STAKEHOLDER_CONFIDENCE;
        return speaker;
    }
    if let Some((role, entry, score)) = by_sound
        .then(|| misspelt(&key).or_else(|| approximate(&key)))
        .flatten()
    {
        fill(&mut speaker, role, entry, score);
    }
    speaker
}

fn fill_chair(speaker: &mut Speaker) {
    speaker.role = Role::Chair;
    speaker.name = Some("Chair".into());
    speaker.confidence = 1.0;
}

/// Brackets that say how the speaker spoke, not who speaks: "(spoke in
/// French)", "(in French)", "(interpretation from Spanish)", "(in its
/// national capacity)". Compared ignoring ASCII case; at most
/// [`ANNOTATION_WORDS`] words, so a bracket holding a sentence is kept.
const ANNOTATIONS: &[&str] = &[
    "spoke in ",
    "speaking in ",
    "in ",
    "interpretation from ",
    "interpreted from ",
    "translated from ",
];

/// Most words in an annotation bracket.
const ANNOTATION_WORDS: usize = 4;

fn is_annotation(inside: &str) -> bool {
    let inside = inside.trim();
    ANNOTATIONS.iter().any(|a| {
        inside
            .get(..a.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(a))
    }) && inside.split_whitespace().count() <= ANNOTATION_WORDS
}

/// The label without its annotation brackets ([`ANNOTATIONS`]); `None`
/// when it has none, or nothing else. A bracket left open at the end (a
/// label cut where it wrapped: "Kenya (spoke in") is read to the end.
fn without_annotations(label: &str) -> Option<String> {
    let mut kept = String::with_capacity(label.len());
    let mut rest = label;
    let mut dropped = false;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let (inside, next) = after
            .find(')')
            .map_or((after, ""), |close| (&after[..close], &after[close + 1..]));
        let end = rest.len() - next.len();
        if is_annotation(inside) {
            kept.push_str(&rest[..open]);
            dropped = true;
        } else {
            kept.push_str(&rest[..end]);
        }
        rest = next;
    }
    kept.push_str(rest);
    let kept = kept.trim();
    (dropped && !kept.is_empty()).then(|| kept.to_string())
}

/// "Korea, Republic of", "Congo (Democratic Republic of the)": an official
/// name with its head put first, as alphabetical lists write it, read as
/// "Republic of Korea". Exact names only, and only a key whose second
/// part ends in "of" or "of the" is rebuilt.
fn inverted(key: &str) -> Option<(Role, &'static Entry)> {
    let (head, rest) = match key.strip_suffix(')') {
        Some(inner) => inner.split_once(" (")?,
        None => key.split_once(", ")?,
    };
    if !(rest.ends_with(" of") || rest.ends_with(" of the")) || rest.contains([',', '(']) {
        return None;
    }
    lookup(&format!("{rest} {head}"))
}

/// What a label names that is no registry alias, as the word in running
/// text is not the name: "Secretariat" as a speaker is the United
/// Nations Secretariat (as the Secretary-General is the United Nations in
/// an official record), but "the secretariat" of a text may be anyone's,
/// and [`mentions`] must not find the UN in it.
const LABEL_ONLY: &[(&str, &str)] = &[
    ("secretariat", "United Nations"),
    ("secretary-general", "United Nations"),
];

fn label_only(key: &str) -> Option<(Role, &'static Entry)> {
    LABEL_ONLY
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, name)| lookup(&normalize_key(name)))
}

/// Misspellings of a name common in labels that matching by sound
/// misses, with the name meant. "Lichtenstein" sounds unlike
/// "Liechtenstein" to [`sound_key`], whose "ech" is the "ek" of Czech.
/// Not registry aliases: "Lichtenstein" in running text may be a
/// person's name, and [`mentions`] must not find a state in it.
const MISSPELT: &[(&str, &str)] = &[("lichtenstein", "Liechtenstein")];

/// [`MISSPELT`]'s name for a label, with the confidence of an approximate
/// match ([`match_confidence`]): below 1, as a misspelling is a guess.
fn misspelt(key: &str) -> Option<(Role, &'static Entry, f64)> {
    let &(_, name) = MISSPELT.iter().find(|(k, _)| *k == key)?;
    let (role, entry) = lookup(&normalize_key(name))?;
    Some((role, entry, match_confidence(key, entry.name)))
}

/// Honorifics that open a person's name in a label, in key form without
/// a final stop ("H.E." is "h.e").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "m",
    "mme",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "madam",
    "madame",
    "h.e",
    "s.e",
    "amb",
    "ambassador",
    "excellency",
    "minister",
];

/// Lower-case words inside a name ("Ana de la Cruz").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den",
    "bin", "ibn", "al", "el",
];

/// Most words of a person's name in a label, titles included.
const MAX_PERSON_WORDS: usize = 7;

/// Whether `who` (as written) reads as a person's name: opened by a title
/// with a name after it ("Ms. Lopez", "H.E. Mr. John Kamau", "His
/// Excellency Mr. Kamau"), or, when `untitled` is allowed, two to four
/// capitalised words ("Ana Lopez"). Letters, stops, hyphens and
/// apostrophes only: a sentence ("I thank you") is no name.
fn is_person(who: &str, untitled: bool) -> bool {
    let words: Vec<&str> = who.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_PERSON_WORDS
        || !words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        })
    {
        return false;
    }
    let key = |w: &str| w.trim_end_matches('.').to_lowercase();
    let titles = words
        .iter()
        .take_while(|w| {
            let k = key(w);
            TITLES.contains(&k.as_str()) || k == "his" || k == "her"
        })
        .count();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || NAME_PARTICLES.contains(&key(w).as_str())
    };
    let name = &words[titles..];
    if titles > 0 {
        return !name.is_empty() && name.first().is_some_and(capitalised);
    }
    untitled
        && (2..=4).contains(&name.len())
        && name[0].chars().next().is_some_and(char::is_uppercase)
        && name.iter().all(capitalised)
}

/// A person or the Chair, and in a bracket or after a comma whom they
/// speak for: "Ms. Lopez (Chile)", "Ana Lopez (Chile)", "H.E. Mr. John
/// Kamau, Kenya", "The Chair (Singapore)", "Vice-Chair (Brazil)". The
/// person is kept as written; the Chair stays the Chair whatever state
/// it comes from. What the bracket holds is resolved without matching by
/// sound (what [`chair_or_stakeholder`] and [`resolve`] give must agree);
/// after a comma it must be a registry name exactly ("Mr. Chair, I thank
/// Chile" is a sentence, not a speaker).
fn person_and_party(label: &str, speaker: &mut Speaker) -> bool {
    let bracket = label.strip_suffix(')').and_then(|inner| {
        let open = inner.rfind('(')?;
        Some((inner[..open].trim(), inner[open + 1..].trim()))
    });
    if let Some((who, party)) = bracket {
        if who.is_empty() || party.is_empty() {
            return false;
        }
        let found = resolve_with(party, false);
        if is_chair(&normalize_key(who)) {
            // "Chair (Mr. Smith)": the Chair, and who holds the chair.
            let person = (found.role == Role::Unknown && is_person(party, false))
                .then(|| crate::text::normalize(party));
            if found.role == Role::Unknown && person.is_none() {
                return false;
            }
            fill_chair(speaker);
            speaker.person = person;
            return true;
        }
        // What is itself a speaker ("African Group (Nigeria)", "Chatham
        // House (UK)") is no person's name: left to the rules below.
        if found.role == Role::Unknown
            || !is_person(who, true)
            || resolve_with(who, false).role != Role::Unknown
        {
            return false;
        }
        *speaker = Speaker {
            label: std::mem::take(&mut speaker.label),
            person: Some(crate::text::normalize(who)),
            ..found
        };
        return true;
    }
    let Some((who, party)) = label.rsplit_once(',') else {
        return false;
    };
    let (who, party) = (who.trim(), party.trim());
    if !is_person(who, false) || resolve_with(who, false).role != Role::Unknown {
        return false;
    }
    let key = normalize_key(party);
    let Some((role, entry)) = lookup(&key).or_else(|| inverted(&key)) else {
        return false;
    };
    fill(speaker, role, entry, 1.0);
    speaker.person = Some(crate::text::normalize(who));
    true
}

fn fill(speaker: &mut Speaker, role: Role, entry: &Entry, confidence: f64) {
    speaker.role = role;
    // Borrowed: a statement's speaker is cloned from a cache of labels,
    // and the registry's strings need no copy per statement.
    speaker.name = Some(entry.name.into());
    speaker.iso3 = entry.iso3.map(Into::into);
    speaker.regional_group = entry.iso3.and_then(regional_group);
    speaker.confidence = confidence;
}

/// The UN regional group of a state, by its ISO 3166-1 alpha-3 code.
///
/// ```
/// use oewg_core::{speakers::regional_group, RegionalGroup};
/// assert_eq!(regional_group("SEN"), Some(RegionalGroup::African));
/// assert_eq!(regional_group("CHN"), Some(RegionalGroup::AsiaPacific));
/// assert_eq!(regional_group("KIR"), None); // in no group
/// assert_eq!(regional_group("XXX"), None);
/// ```
pub fn regional_group(iso3: &str) -> Option<RegionalGroup> {
    static GROUPS_BY_CODE: OnceLock<HashMap<&'static str, RegionalGroup, FastHash>> =
        OnceLock::new();
    let map = GROUPS_BY_CODE.get_or_init(|| {
        let mut map = HashMap::default();
        // Asia-Pacific is every member state not listed elsewhere, but
        // those in no group; the State of Palestine is a full member too.
        for e in MEMBER_STATES.iter().chain(OBSERVER_STATES) {
            if let Some(code) = e.iso3 {
                if !NO_GROUP.contains(&code) && code != "VAT" {
                    map.insert(code, RegionalGroup::AsiaPacific);
                }
            }
        }
        let tables: [(RegionalGroup, &[&'static str]); 4] = [
            (RegionalGroup::African, AFRICAN),
            (RegionalGroup::EasternEuropean, EASTERN_EUROPEAN),
            (
                RegionalGroup::LatinAmericanCaribbean,
                LATIN_AMERICAN_CARIBBEAN,
            ),
            (
                RegionalGroup::WesternEuropeanOthers,
                WESTERN_EUROPEAN_OTHERS,
            ),
        ];
        for (group, codes) in tables {
            for code in codes {
                map.insert(*code, group);
            }
        }
        map
    });
    map.get(iso3).copied()
}

/// Lower case, typographic apostrophes and dashes made plain, whitespace
/// collapsed, a leading "the" and trailing punctuation dropped.
fn normalize_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        push_key_word(&mut key, word);
    }
    // Trimmed in place: the key is made once, not copied again.
    let kept = key.trim_end_matches([':', ',', ';']).len();
    key.truncate(kept);
    if key.starts_with("the ") {
        key.drain(.."the ".len());
    }
    key
}

/// [`push_key_word`]'s key of an ASCII word of at most 64 bytes, made in
/// `buf`; `None` for any other word.
fn ascii_key<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    if !bytes.iter().all(|&b| b.is_ascii() && b != b'`') {
        return None;
    }
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(out)
}

fn push_key_word(key: &mut String, word: &str) {
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        let from = key.len();
        key.push_str(word);
        key[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => key.push('\''),
            '\u{2013}' | '\u{2014}' => key.push('-'),
            c => key.extend(c.to_lowercase()),
        }
    }
}

fn is_chair(key: &str) -> bool {
    // "Chair", "Mr. Chair", "Vice-Chair", but not "Chile" or "Chairs of the
    // Arab Group": besides the chair word only titles may stand in the label.
    let words = key.split([' ', '-', '.', ',']).filter(|w| !w.is_empty());
    if words.clone().any(|w| CHAIR_NAMES.contains(&w)) {
        return true;
    }
    let mut chair = false;
    for w in words {
        if CHAIR_WORDS.contains(&w) {
            chair = true;
        } else if !matches!(
            w,
            "mr" | "madam" | "madame" | "mrs" | "ms" | "vice" | "acting" | "the" | "ambassador"
        ) {
            return false;
        }
    }
    chair
}

/// A label's group and member: "Group - Member", "Member on behalf of
/// Group". The flag tells the second, where the words say who speaks for
/// whom.
fn split_group_label(key: &str) -> Option<(&str, &str, bool)> {
    if let Some((a, b)) = key.split_once(" - ") {
        return Some((a.trim(), b.trim(), false));
    }
    const BEHALF: &str = "on behalf of ";
    // After a space or an opening bracket: "Nigeria (on behalf of the
    // African Group)".
    let (at, _) = key
        .match_indices(BEHALF)
        .find(|&(i, _)| i > 0 && matches!(key.as_bytes()[i - 1], b' ' | b'('))?;
    // "Brazil, also on behalf of Argentina": the bracket, the comma and
    // "also" belong to neither name.
    const AROUND: [char; 3] = [' ', '(', ','];
    let member = key[..at].trim_end_matches(AROUND);
    let member = member
        .strip_suffix("also")
        .filter(|m| m.is_empty() || m.ends_with(AROUND))
        .unwrap_or(member)
        .trim_end_matches(AROUND);
    let group = key[at + BEHALF.len()..].trim_end_matches([')', ' ']);
    Some((group.trim(), member.trim(), true))
}

fn lookup(key: &str) -> Option<(Role, &'static Entry)> {
    let key = key.strip_prefix("the ").unwrap_or(key);
    index().get(key).copied()
}

/// FNV-1a: registry keys are short, and the analyses look up every
/// capitalised word of the Chair's sentences; SipHash's guard against
/// chosen keys buys nothing on a fixed table and costs most of a lookup.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap` hasher for short keys of fixed tables ([`Fnv`]).
pub(crate) type FastHash = std::hash::BuildHasherDefault<Fnv>;

/// The hasher of [`key_table`], asked a few times for each sentence the
/// analyses read: eight bytes of the key mixed in at a time, where
/// [`Fnv`]'s loop over each byte was a third of a lookup. The table is
/// only looked up, never listed, so the order it keeps reaches no output.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl KeyHasher {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn mix(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // The table's buckets are chosen by the low bits: the product's
        // well-mixed high bits are folded into them.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let (eights, rest) = bytes.as_chunks::<8>();
        for eight in eights {
            self.mix(u64::from_le_bytes(*eight));
        }
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(last));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
}

type KeyTable = HashMap<&'static [u8], KeyInfo, std::hash::BuildHasherDefault<KeyHasher>>;

type Index = HashMap<String, (Role, &'static Entry), FastHash>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = Index::default();
        let tables: [(Role, &'static [Entry]); 4] = [
            (Role::Delegation, MEMBER_STATES),
            (Role::Observer, OBSERVER_STATES),
            (Role::Group, GROUPS),
            (Role::Organization, ORGANIZATIONS),
        ];
        for (role, table) in tables {
            for entry in table {
                map.insert(normalize_key(entry.name), (role, entry));
                for alias in entry.aliases {
                    let key = normalize_key(alias);
                    // "U.S.", "E.U." in running text: the name search
                    // splits words at the stops, so it looks for "u s".
                    if key.contains('.') {
                        map.insert(spelled_out(&key), (role, entry));
                    }
                    map.insert(key, (role, entry));
                }
            }
        }
        map
    })
}

/// A dotted abbreviation's key as the name search sees its words: "u.s."
/// is "u s".
fn spelled_out(key: &str) -> String {
    key.split('.')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "chinese delegation", "russian proposal": a demonym and one of the
/// nouns after which it names its state, for every state of
/// [`DEMONYMS`].
fn demonym_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Every demonym and noun is already a key (lower case ASCII, one
        // word or single-spaced, no punctuation around it: a test checks),
        // so the keys are joined as they are rather than formatted and
        // normalised: this map has thousands of keys, built on the first
        // label no name matches.
        let count: usize = DEMONYMS.iter().map(|(_, d)| d.len()).sum();
        let mut map =
            Index::with_capacity_and_hasher(count * DEMONYM_NOUNS.len(), FastHash::default());
        let states = MEMBER_STATES
            .iter()
            .map(|e| (Role::Delegation, e))
            .chain(OBSERVER_STATES.iter().map(|e| (Role::Observer, e)));
        for (role, entry) in states {
            let Some((_, demonyms)) = DEMONYMS.iter().find(|(n, _)| *n == entry.name) else {
                continue;
            };
            for d in *demonyms {
                for noun in DEMONYM_NOUNS {
                    let mut key = String::with_capacity(d.len() + 1 + noun.len());
                    key.push_str(d);
                    key.push(' ');
                    key.push_str(noun);
                    map.insert(key, (role, entry));
                }
            }
        }
        map
    })
}

/// A costly key of a name (its sound key, its canonical name), kept per
/// thread from session to session: the same few hundred names come back
/// in every record, and making a key costs far more than a look-up. The
/// memo is cleared when it reaches [`KEPT_NAME_KEYS`], a bound on what a
/// long run over records of many unknown speakers holds.
pub(crate) type NameKeys = std::cell::RefCell<HashMap<String, String, FastHash>>;

/// The key `make` gives `name`, from `memo` when it was made before.
pub(crate) fn kept_name_key(
    memo: &'static std::thread::LocalKey<NameKeys>,
    name: &str,
    make: impl FnOnce(&str) -> String,
) -> String {
    memo.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(k) = keys.get(name) {
            return k.clone();
        }
        let k = make(name);
        if keys.len() >= KEPT_NAME_KEYS {
            keys.clear();
        }
        keys.insert(name.to_string(), k.clone());
        k
    })
}

/// Most keys a [`kept_name_key`] memo holds: the registry's names and a
/// few sessions' worth of others.
pub(crate) const KEPT_NAME_KEYS: usize = 2048;

/// A rough English sound key, for names a speech recogniser or a
/// transcriber mis-heard: letters only, lower case, spellings of one sound
/// made one ("cz" and "tch" as "ch", "ck" and "q" as "k", "ph" as "f",
/// "ech" as "ek" as in Czech), silent or aspirated "h" dropped, doubled
/// letters single.
pub(crate) fn sound_key(text: &str) -> String {
    let mut s: String = if text.is_ascii() {
        // An ASCII letter lowers into one ASCII letter, and no other ASCII
        // character is alphabetic: the same letters as below, without
        // the per-character case tables.
        text.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        text.chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphabetic())
            .collect()
    };
    // The ASCII lower-case letters the key may hold, a bit each: a
    // spelling with a letter the key lacks is not in it, and most of the
    // nine are passed over without reading the key.
    let letters = |t: &str| {
        t.bytes()
            .filter(u8::is_ascii_lowercase)
            .fold(0u32, |m, b| m | 1 << (b - b'a'))
    };
    let mut present = letters(&s);
    for (from, to) in [
        ("tch", "ch"),
        ("cz", "ch"),
        ("ech", "ek"),
        ("ck", "k"),
        ("ph", "f"),
        ("q", "k"),
        ("x", "ks"),
        ("y", "i"),
        ("ee", "i"),
    ] {
        let need = letters(from);
        if present & need != need {
            continue;
        }
        // A window test of a short key, where `contains` would build a
        // substring searcher for each of the nine spellings; the first
        // byte compared before the window.
        let f = from.as_bytes();
        if s.as_bytes()
            .windows(f.len())
            .any(|w| w[0] == f[0] && w == f)
        {
            s = s.replace(from, to);
            present |= letters(to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        let keep_h = matches!(prev, None | Some('c') | Some('s'));
        if (c == 'h' && !keep_h) || Some(c) == prev {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// How alike two names sound, from 0 to 1: the Jaro-Winkler similarity of
/// their sound keys (letters only, spellings of one sound made one).
///
/// ```
/// use oewg_core::speakers::similarity;
/// assert_eq!(similarity("Saudia Arabia", "Saudi Arabia"), 1.0);
/// assert!(similarity("Check here", "Czechia") > similarity("Check here", "Chile"));
/// assert!(similarity("Microsoft", "Micronesia") < 0.9);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    sound_similarity(&sound_key(a), &sound_key(b))
}

/// [`similarity`] of two names by their sound keys ([`sound_key`]), for a
/// caller that compares one name with many and makes each key once.
pub(crate) fn sound_similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

type Bucket = Vec<(String, Role, &'static Entry)>;

/// Registry keys by the first letter of their sound key.
fn sound_index() -> &'static HashMap<char, Bucket> {
    static INDEX: OnceLock<HashMap<char, Bucket>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<char, Bucket> = HashMap::new();
        for (key, &(role, entry)) in index() {
            let sound = sound_key(key);
            if let Some(c) = sound.chars().next() {
                map.entry(c).or_default().push((sound, role, entry));
            }
        }
        for bucket in map.values_mut() {
            // A fixed order, so ties resolve the same way on every run.
            bucket.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.name.cmp(b.2.name)));
        }
        map
    })
}

/// The registry entry a mis-spelled or mis-heard name most likely means,
/// with the similarity as confidence; `None` unless one entry clearly
/// leads. Only names of the same first sound are compared: transcription
/// errors keep the start of a name, and the cost stays a few dozen
/// comparisons whatever the input.
fn approximate(key: &str) -> Option<(Role, &'static Entry, f64)> {
    if key.len() > MAX_APPROXIMATE_BYTES || key.split(' ').count() > 5 {
        return None;
    }
    let sound = sound_key(key);
    let first = sound.chars().next()?;
    if sound.len() < 5 {
        return None;
    }
    let mut best: Option<(f64, Role, &'static Entry)> = None;
    let mut second = 0.0f64;
    for (cand, role, entry) in sound_index().get(&first)? {
        let score = strsim::jaro_winkler(&sound, cand);
        match best {
            Some((b, _, e)) if score <= b => {
                if !std::ptr::eq(e, *entry) {
                    second = second.max(score);
                }
            }
            Some((b, _, e)) => {
                if !std::ptr::eq(e, *entry) {
                    second = second.max(b);
                }
                best = Some((score, *role, entry));
            }
            None => best = Some((score, *role, entry)),
        }
    }
    let (score, role, entry) = best?;
    (score >= REGISTRY_MATCH && score - second >= MATCH_MARGIN).then(|| {
        // The entry's own spelling closest to the key gives the confidence.
        let spelled = std::iter::once(entry.name)
            .chain(entry.aliases.iter().copied())
            .map(|name| match_confidence(key, name))
            .fold(0.0, f64::max);
        (role, entry, spelled)
    })
}

/// The confidence of an approximate match of `heard` for `name`: the mean
/// of how alike they sound ([`similarity`]) and how alike they are spelled
/// (Jaro-Winkler over their letters), so only an exact spelling reaches 1.
///
/// ```
/// use oewg_core::speakers::match_confidence;
/// assert_eq!(match_confidence("Czech Republic", "czech republic"), 1.0);
/// let c = match_confidence("Saudia Arabia", "Saudi Arabia");
/// assert!(c > 0.9 && c < 1.0);
/// ```
pub fn match_confidence(heard: &str, name: &str) -> f64 {
    let letters = |t: &str| -> String {
        t.chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphabetic())
            .collect()
    };
    let spelled = strsim::jaro_winkler(&letters(heard), &letters(name));
    (similarity(heard, name) + spelled) / 2.0
}

/// A state, group or organisation named in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Mention {
    /// Byte offset of the name in the text.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
    /// Canonical name.
    pub name: String,
    /// What it names: a delegation (member state), observer, group or
    /// organisation.
    pub role: Role,
    /// ISO 3166-1 alpha-3 code, for a state.
    pub iso3: Option<String>,
}

/// Every state, group and organisation of the registry named in `text`,
/// in order, by the longest name that fits ("Republic of Korea", not
/// "Korea"). A single word must be capitalised as a name is (and a short
/// alias such as "US" or "EU" written in capitals, or with its stops:
/// "U.S."), so "give us" names no state; names of two words or more may
/// be in any case ("the African group"). Linear in the text.
///
/// ```
/// let m = oewg_core::speakers::mentions(
///     "We align with the EU and the African group; thank us, Czech Republic.");
/// let names: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
/// assert_eq!(names, ["European Union", "African Group", "Czechia"]);
/// assert_eq!((m[2].start, m[2].end), (54, 68));
/// let us = oewg_core::speakers::mentions("We join the U.S. in this.");
/// assert_eq!((us[0].name.as_str(), us[0].start, us[0].end), ("United States", 12, 15));
/// ```
pub fn mentions(text: &str) -> Vec<Mention> {
    names_in(text)
        .into_iter()
        .map(|m| Mention {
            start: m.start,
            end: m.end,
            name: m.name.to_string(),
            role: m.role,
            iso3: m.iso3.map(str::to_string),
        })
        .collect()
}

/// A [`Mention`] by the registry's own strings: the analyses that only
/// compare or keep a few of the names found make no copy of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameAt {
    pub start: usize,
    pub end: usize,
    pub name: &'static str,
    pub role: Role,
    pub iso3: Option<&'static str>,
}

/// [`mentions`], without allocating a string per name.
pub(crate) fn names_in(text: &str) -> Vec<NameAt> {
    let mut out = Vec::new();
    // The room for the words is kept from call to call: the analyses ask
    // for the names of many short texts.
    thread_local! {
        static WORDS: std::cell::RefCell<Vec<(usize, usize)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    WORDS.with(|w| match w.try_borrow_mut() {
        Ok(mut words) => names_into(text, &mut words, &mut out),
        Err(_) => names_into(text, &mut Vec::new(), &mut out),
    });
    out
}

/// What the name finder needs to know of one key: the registry name and
/// the demonym phrase it is, whether some longer key goes on from it, and
/// whether it is the first word of some key. One lookup answers what took
/// up to five in four tables.
#[derive(Default, Clone, Copy)]
struct KeyInfo {
    /// `index()`'s entry for the key.
    name: Option<(Role, &'static Entry)>,
    /// `demonym_index()`'s entry for the key.
    demonym: Option<(Role, &'static Entry)>,
    /// The key is in [`name_prefixes`].
    prefix: bool,
    /// The key is in [`first_words`].
    first: bool,
}

/// Every key of [`index`], [`demonym_index`], [`name_prefixes`] and
/// [`first_words`], with what each table says of it.
fn key_table() -> &'static KeyTable {
    static TABLE: OnceLock<KeyTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (names, demonyms) = (index(), demonym_index());
        let mut t =
            KeyTable::with_capacity_and_hasher(names.len() + demonyms.len(), Default::default());
        for (k, v) in names {
            t.entry(k.as_bytes()).or_default().name = Some(*v);
        }
        for (k, v) in demonyms {
            t.entry(k.as_bytes()).or_default().demonym = Some(*v);
        }
        for k in name_prefixes() {
            t.entry(k.as_bytes()).or_default().prefix = true;
        }
        for k in first_words() {
            t.entry(k.as_bytes()).or_default().first = true;
        }
        t
    })
}

/// Every key of the registry's names, aliases and demonym phrases.
#[cfg(test)]
pub(crate) fn registry_keys() -> Vec<&'static str> {
    index()
        .keys()
        .chain(demonym_index().keys())
        .map(String::as_str)
        .collect()
}

/// [`names_in`] into `out` (cleared first), with `words` as room for the
/// text's words: a caller reading many sentences keeps both lists, rather
/// than allocating two for each.
pub(crate) fn names_into(text: &str, words: &mut Vec<(usize, usize)>, out: &mut Vec<NameAt>) {
    // The room for the keys is kept from call to call too: most texts
    // hold a name, and a key made in a new string cost an allocation.
    thread_local! {
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    KEY.with(|k| match k.try_borrow_mut() {
        Ok(mut key) => names_with_key(text, words, out, &mut key),
        Err(_) => names_with_key(text, words, out, &mut String::new()),
    });
}

/// [`names_into`], making the keys in `key`.
fn names_with_key(
    text: &str,
    words: &mut Vec<(usize, usize)>,
    out: &mut Vec<NameAt>,
    key: &mut String,
) {
    out.clear();
    words.clear();
    // Of a text's words, those that could start a name are found first
    // (one in twenty of prose), from each word's first bytes and without
    // listing every word; the few words after one that a name may go on
    // into are read only when asked for. Most texts are ASCII (five in six
    // of the seeds' sentences), read by a simpler mask.
    let ascii = text.is_ascii();
    if ascii {
        ascii_candidates(text.as_bytes(), words);
    } else {
        mixed_candidates(text, words);
    }
    let mut run_words = Vec::new();
    // The words a name found has taken in start no other.
    let mut taken = 0;
    for &(ws, we) in words.iter() {
        if ws < taken {
            continue;
        }
        let next = |(_, end): (usize, usize)| {
            if ascii {
                next_ascii_word(text.as_bytes(), end)
            } else {
                next_word(text, end, &mut run_words)
            }
        };
        if let Some((_, last, m)) = name_at(text, (ws, we), ascii, next, key) {
            out.push(m);
            taken = last;
        }
    }
}

/// [`ascii_candidates`] of any text: a run of name bytes with a byte of a
/// multi-byte character, with an apostrophe or hyphen at an end, or going
/// on into the next block, is split into its words as [`name_words`]
/// splits it, each word tested alone.
fn mixed_candidates(text: &str, out: &mut Vec<(usize, usize)>) {
    let bits = first_word_bits();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut carry = 0u64;
    let mut tail = [0u8; 64];
    let mut run_words = Vec::new();
    let mut block = 0;
    while block < n {
        let (mask, high, edge) = block_masks(bytes, block, &mut tail);
        let mut starts = mask & !((mask << 1) | carry);
        carry = mask >> 63;
        while starts != 0 {
            let bit = starts.trailing_zeros();
            starts &= starts - 1;
            let s = block + bit as usize;
            let len = (!(mask >> bit)).trailing_zeros();
            let run = (u64::MAX >> (64 - len)) << bit;
            let ends = 1 | 1 << (len - 1);
            if bit + len < 64 && high & run == 0 && (edge >> bit) & ends == 0 {
                let word = (s, s + len as usize);
                if bits.may_start_ascii(bytes, word) {
                    out.push(word);
                }
                continue;
            }
            run_words.clear();
            name_words_of_run(text, s, run_end(bytes, s), &mut run_words);
            out.extend(
                run_words
                    .iter()
                    .filter(|w| bits.may_start(&bytes[w.0..w.1])),
            );
        }
        block += 64;
    }
}

/// Where the run of [`NAME_BYTES`] going on at `at` ends (`at` itself
/// when none does).
fn run_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && NAME_BYTES[usize::from(bytes[at])] {
        at += 1;
    }
    at
}

/// The word [`name_words`] lists after the one ending at `end`, if any,
/// with `buf` as room for the words of a run. The rest of the word's own
/// run may hold more words (a run with a multi-byte character is split at
/// a character no name holds: "Forum–Tonga"): those start where the
/// word's piece of the run ends, and what is left of the piece is
/// apostrophes and hyphens, which make no word; then come the runs after.
fn next_word(text: &str, end: usize, buf: &mut Vec<(usize, usize)>) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = end;
    loop {
        let to = run_end(bytes, from);
        if to > from {
            buf.clear();
            name_words_of_run(text, from, to, buf);
            if let Some(&word) = buf.first() {
                return Some(word);
            }
        }
        from = to;
        while from < bytes.len() && !NAME_BYTES[usize::from(bytes[from])] {
            from += 1;
        }
        if from >= bytes.len() {
            return None;
        }
    }
}

/// The name that starts with word `first` of `text`, if any, by the
/// longest key that fits: how many words it takes, where the last of
/// them ends, and the name. `next` gives the word after a word, as
/// [`name_words`] lists them. The word has passed [`FirstWordBits`].
/// `plain`: the word is known to hold only ASCII letters, digits,
/// apostrophes and hyphens (every word of an ASCII text does), so its
/// bytes need no test.
fn name_at(
    text: &str,
    first: (usize, usize),
    plain: bool,
    mut next: impl FnMut((usize, usize)) -> Option<(usize, usize)>,
    key: &mut String,
) -> Option<(usize, usize, NameAt)> {
    let table = key_table();
    let (ws, we) = first;
    let w0 = &text[ws..we];
    // "the" opens registry names ("the Netherlands") but is not one
    // alone: the commonest word, turned away before building its key.
    if w0.eq_ignore_ascii_case("the") {
        return None;
    }
    // An ASCII word's case is read from its bytes, not its decoded
    // characters: for an ASCII character `char::is_uppercase` and
    // `is_lowercase` are the ASCII tests.
    let ascii_word = plain || w0.is_ascii();
    let upper = if ascii_word {
        w0.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
    } else {
        w0.chars().next().is_some_and(char::is_uppercase)
    };
    // Most words that pass the filter start no name: an ASCII word's
    // key (its lower case) is checked from a copy on the stack, and the
    // key itself built only for a first word. What the table says of
    // the key of one word is kept for its first lookup below.
    let mut first_info: Option<&KeyInfo> = None;
    if w0.len() <= 64 && ascii_word && (plain || !w0.as_bytes().contains(&b'`')) {
        // The key of a word [`ascii_key`] takes: its lower case, made
        // where the key is kept, and looked up from there.
        if key.capacity() == 0 {
            key.reserve(64);
        }
        key.clear();
        key.push_str(w0);
        key.make_ascii_lowercase();
        let low = key.as_bytes();
        let stem = low.strip_suffix(b"'s").unwrap_or(low);
        let info = table.get(stem).filter(|x| x.first);
        if low == b"the" || info.is_none() {
            return None;
        }
        if stem.len() == low.len() {
            first_info = info;
        }
    } else {
        key.clear();
        push_key_word(key, w0);
        if key.as_str() == "the"
            || !table
                .get(strip_possessive(key).as_bytes())
                .is_some_and(|x| x.first)
        {
            return None;
        }
    }
    // A single word is a name when capitalised and longer than three
    // characters or written in capitals ("US", "EU").
    let single_ok = upper
        && if ascii_word {
            w0.len() > 3 || !w0.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            w0.chars().nth(3).is_some() || w0.chars().all(|c| !c.is_lowercase())
        };
    let mut found: Option<(usize, usize, usize, Role, &'static Entry)> = None;
    let mut n = 1;
    let mut last = first;
    loop {
        let info = match first_info.take() {
            Some(x) if n == 1 => Some(x),
            _ => table.get(key.as_bytes()),
        };
        if n > 1 || single_ok {
            let end = last.1;
            let stripped = strip_possessive(key);
            if let Some((role, entry)) = info.and_then(|x| x.name) {
                found = Some((n, end, end, role, entry));
            } else if let Some((role, entry)) = info.and_then(|x| x.demonym).filter(|_| upper) {
                // "the Chinese delegation": a capitalised demonym and
                // its noun.
                found = Some((n, end, end, role, entry));
            } else if let Some((role, entry)) = (stripped.len() < key.len())
                .then(|| table.get(stripped.as_bytes()))
                .flatten()
                .and_then(|x| x.name.or(x.demonym.filter(|_| upper)))
            {
                // "Germany's": the name without the possessive. (A key
                // without one was looked up just above.)
                let cut = if text[last.0..end].ends_with("\u{2019}s") {
                    4
                } else {
                    2
                };
                found = Some((n, end, end - cut, role, entry));
            }
        }
        // Only a key some name goes on from can grow into a match
        // (most first words are whole names: "Chile"), so stop there
        // rather than build and look up every longer key.
        if n == MAX_NAME_WORDS || !info.is_some_and(|x| x.prefix) {
            break;
        }
        let Some(word) = next(last) else {
            break;
        };
        let gap = &text[last.1..word.0];
        // "U.S.": an initialism's letters, a stop between each.
        let initial =
            |w: (usize, usize)| w.1 == w.0 + 1 && text.as_bytes()[w.0].is_ascii_uppercase();
        if !(gap.chars().all(char::is_whitespace) || gap == "." && initial(last) && initial(word)) {
            break;
        }
        key.push(' ');
        push_key_word(key, &text[word.0..word.1]);
        last = word;
        n += 1;
    }
    // "U.S.S.R.", "P.U.S.": a longer initialism, not the name inside it.
    let found =
        found.filter(|&(_, last_end, ..)| !inside_initialism(text.as_bytes(), ws, last_end));
    found.map(|(n, last_end, end, role, entry)| {
        (
            n,
            last_end,
            NameAt {
                start: ws,
                end,
                name: entry.name,
                role,
                iso3: entry.iso3,
            },
        )
    })
}

/// Whether the name at `start..end` of `text` is part of a longer
/// initialism: a capital and a stop just before it ("P.U.S."), or a stop
/// and a capital that ends a word just after it ("U.S.S.R.").
fn inside_initialism(text: &[u8], start: usize, end: usize) -> bool {
    let letter = |i: usize| text.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let before = start >= 2
        && text[start - 1] == b'.'
        && text[start - 2].is_ascii_uppercase()
        && !(start >= 3 && letter(start - 3));
    let after = text.get(end) == Some(&b'.')
        && text.get(end + 1).is_some_and(u8::is_ascii_uppercase)
        && !letter(end + 2);
    before || after
}

/// What an ASCII byte is to a name's word: [`NAME_BYTES`] split into
/// letters and digits, and the apostrophes and hyphens trimmed from a
/// word's ends.
const OTHER: u8 = 0;
const ALNUM: u8 = 1;
const EDGE: u8 = 2;
const CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if b == b'\'' || b == b'-' {
            EDGE
        } else {
            OTHER
        };
        i += 1;
    }
    t
};

/// The class of byte `at` of an ASCII text: OTHER past its end.
fn class_at(bytes: &[u8], at: usize) -> u8 {
    bytes
        .get(at)
        .map_or(OTHER, |&b| CLASS[usize::from(b & 0x7f)])
}

/// The words of an ASCII text that [`name_words`] lists and that pass
/// [`FirstWordBits`], pushed onto `out` in order: a superset of those
/// that start a name, about one word in twenty of prose. Each run of
/// letters, digits, apostrophes and hyphens is one word, trimmed of
/// apostrophes and hyphens; a run inside a block that starts and ends
/// with a letter or digit is its word, as long as the mask says, and is
/// tested from its bytes where they lie, without finding its end byte by
/// byte. Any other run is trimmed first.
fn ascii_candidates(bytes: &[u8], out: &mut Vec<(usize, usize)>) {
    let bits = first_word_bits();
    let n = bytes.len();
    let mut carry = 0u64;
    let mut tail = [b' '; 64];
    let mut block = 0;
    while block < n {
        let chunk = &bytes[block..n.min(block + 64)];
        let (mask, edge) = match <&[u8; 64]>::try_from(chunk) {
            Ok(full) => ascii_name_mask(full),
            Err(_) => {
                // The last, short block, padded with bytes of no name.
                tail[..chunk.len()].copy_from_slice(chunk);
                tail[chunk.len()..].fill(b' ');
                ascii_name_mask(&tail)
            }
        };
        let mut starts = mask & !((mask << 1) | carry);
        carry = mask >> 63;
        while starts != 0 {
            let bit = starts.trailing_zeros();
            starts &= starts - 1;
            let s = block + bit as usize;
            // The run's length in this block: the ones from its start.
            let len = (!(mask >> bit)).trailing_zeros();
            let ends = 1 | 1 << (len - 1);
            let whole = bit + len < 64 && (edge >> bit) & ends == 0;
            let len = len as usize;
            let word = if whole {
                (s, s + len)
            } else {
                // It may go on into the next block, or have apostrophes
                // or hyphens to trim.
                match ascii_word_of_run(bytes, s) {
                    Some(word) => word,
                    None => continue,
                }
            };
            if bits.may_start_ascii(bytes, word) {
                out.push(word);
            }
        }
        block += 64;
    }
}

/// The word of the run of name bytes starting at `start` of an ASCII
/// text: the run without the apostrophes and hyphens at its ends, if
/// anything is left.
fn ascii_word_of_run(bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let len = bytes[start..]
        .iter()
        .take_while(|&&b| CLASS[usize::from(b & 0x7f)] != OTHER)
        .count();
    let run = &bytes[start..start + len];
    let lead = run
        .iter()
        .take_while(|&&b| CLASS[usize::from(b)] == EDGE)
        .count();
    let trail = run[lead..]
        .iter()
        .rev()
        .take_while(|&&b| CLASS[usize::from(b)] == EDGE)
        .count();
    (lead + trail < len).then_some((start + lead, start + len - trail))
}

/// The word [`name_words`] lists after the one ending at `end` of an ASCII
/// text, if any: the next run of name bytes that is not all apostrophes
/// and hyphens.
fn next_ascii_word(bytes: &[u8], end: usize) -> Option<(usize, usize)> {
    // What is left of the word's own run is apostrophes and hyphens, which
    // make no word: read on from there as from any run.
    let mut at = end;
    loop {
        while at < bytes.len() && class_at(bytes, at) == OTHER {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        if let Some(word) = ascii_word_of_run(bytes, at) {
            return Some(word);
        }
        while class_at(bytes, at) != OTHER {
            at += 1;
        }
    }
}

/// Bits per byte of a block of ASCII text: set for the bytes a name's
/// word may hold ([`name_masks`]'s first mask), and for the apostrophes
/// and hyphens among them.
fn ascii_name_mask(chunk: &[u8; 64]) -> (u64, u64) {
    use crate::text::swar::{gather, HIGH};
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(chunk) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let marks = (b == b'-') | (b == b'\'');
        let word = letter | (b.wrapping_sub(b'0') < 10) | marks;
        *f = (u8::from(word) << 7) | (u8::from(marks) << 6);
    }
    let (mut mask, mut edge) = (0u64, 0u64);
    for (k, eight) in flags.as_chunks::<8>().0.iter().enumerate() {
        let x = u64::from_le_bytes(*eight);
        mask |= gather(x & HIGH) << (8 * k);
        edge |= gather((x << 1) & HIGH) << (8 * k);
    }
    (mask, edge)
}

/// How many ASCII letters and digits end `bytes`: the run a name's key and
/// the text before a possible name end are compared by.
fn alnum_run_at_end(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// Whether some name [`names_in`] finds could end where `head` ends: false
/// when `head` ends in a run of ASCII letters and digits, after an ASCII
/// byte or nothing, that is not the run ending any registry name, alias or
/// demonym key (a name's key ends in its last word's run, lower-cased), so a
/// caller looking for a name ending there can skip the pass over its text.
pub(crate) fn could_end_name(head: &str) -> bool {
    let bytes = head.as_bytes();
    let run = alnum_run_at_end(bytes);
    // A multi-byte character before the run may lower-case into letters
    // of the key's run: not settled here.
    if run == 0 || bytes.len() > run && bytes[bytes.len() - run - 1] >= 0x80 {
        return true;
    }
    let mut low = [0u8; 64];
    let Some(low) = ascii_key(&head[head.len() - run..], &mut low) else {
        return true;
    };
    last_word_runs().contains(low)
}

/// Whether [`names_in`] could find a name starting at byte `at` of `text`:
/// false when an ASCII word starts there that is "the" or the first word
/// of no registry name (possessive or not), or when no word starts there.
pub(crate) fn could_start_name_at(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    let Some(&b) = rest.first() else {
        return false;
    };
    if b >= 0x80 {
        return true;
    }
    // A name's word starts at a letter or digit (apostrophes and hyphens
    // before it are trimmed).
    if !b.is_ascii_alphanumeric() {
        return false;
    }
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-')
        .count();
    // The word goes on into a multi-byte character: not settled here.
    if rest.get(len).is_some_and(|&b| b >= 0x80) {
        return true;
    }
    let word = rest[..len]
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(&rest[..0], |last| &rest[..=last]);
    let mut low = [0u8; 64];
    let Some(low) = ascii_key(std::str::from_utf8(word).unwrap_or_default(), &mut low) else {
        return true;
    };
    let stem = low.strip_suffix(b"'s").unwrap_or(low);
    low != b"the" && first_word_bytes().contains(stem)
}

/// The run of ASCII letters and digits ending every registry name, alias
/// and demonym key ("ivoire" of "côte d'ivoire").
fn last_word_runs() -> &'static HashSet<&'static [u8], FastHash> {
    static RUNS: OnceLock<HashSet<&'static [u8], FastHash>> = OnceLock::new();
    RUNS.get_or_init(|| {
        index()
            .keys()
            .chain(demonym_index().keys())
            .map(|k| {
                let k = k.as_bytes();
                &k[k.len() - alnum_run_at_end(k)..]
            })
            .collect()
    })
}

/// A key without a final possessive "'s".
fn strip_possessive(key: &str) -> &str {
    key.strip_suffix("'s").unwrap_or(key)
}

/// The words a name can be made of, as byte ranges: letters, digits,
/// apostrophes and inner hyphens.
#[cfg(test)]
fn name_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    name_words_into(text, &mut out);
    out
}

/// [`name_words`], pushed onto `out`.
#[cfg(test)]
fn name_words_into(text: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // Room for the words of ordinary prose (one in six bytes or more),
    // rather than growing by doubling from nothing.
    out.reserve(n / 6 + 1);
    // The bytes are classified 64 at a time into bit masks
    // ([`name_masks`]) and the runs of name bytes found from their edges:
    // a table load and a branch per byte made finding words most of
    // [`mentions`]. A run inside one block and all ASCII is trimmed by the
    // masks too; any other is read by [`name_words_of_run`].
    let mut open: Option<usize> = None;
    let mut tail = [0u8; 64];
    let mut block = 0;
    while block < n {
        let (mask, high, edge) = block_masks(bytes, block, &mut tail);
        let carry = u64::from(open.is_some());
        let mut starts = mask & !((mask << 1) | carry);
        let mut ends = !mask & ((mask << 1) | carry);
        // Starts and ends alternate; take them in order.
        while starts | ends != 0 {
            let s = starts.trailing_zeros();
            let e = ends.trailing_zeros();
            if s < e {
                starts &= starts - 1;
                if e < 64 {
                    // The run is s..e, in this block.
                    let run = (u64::MAX >> (64 - (e - s))) << s;
                    if high & run == 0 {
                        // ASCII: one word, without the apostrophes and
                        // hyphens at its ends.
                        let core = run & !edge;
                        if core != 0 {
                            out.push((
                                block + core.trailing_zeros() as usize,
                                block + 64 - core.leading_zeros() as usize,
                            ));
                        }
                        ends &= ends - 1;
                        continue;
                    }
                }
                open = Some(block + s as usize);
            } else {
                if let Some(from) = open.take() {
                    name_words_of_run(text, from, block + e as usize, out);
                }
                ends &= ends - 1;
            }
        }
        block += 64;
    }
    if let Some(from) = open {
        name_words_of_run(text, from, n, out);
    }
}

/// The words of one run of [`NAME_BYTES`], `text[start..at]`.
fn name_words_of_run(text: &str, start: usize, at: usize, out: &mut Vec<(usize, usize)>) {
    // Bytes of any multi-byte character were taken in: keep letters,
    // digits, apostrophes and hyphens inside, trim anything else
    // ("“Tonga”") and split at it ("Forum–Tonga").
    let run = &text.as_bytes()[start..at];
    if run.iter().all(|&b| b < 0x80) {
        // Every ASCII byte taken in is a letter, digit, apostrophe or
        // hyphen: the piece is one word, trimmed of apostrophes and
        // hyphens (byte by byte, as they are ASCII), and the walk over
        // its characters below would find just that.
        let edge = |b: &u8| matches!(b, b'-' | b'\'');
        let lead = run.iter().take_while(|b| edge(b)).count();
        let trail = run[lead..].iter().rev().take_while(|b| edge(b)).count();
        if lead + trail < run.len() {
            out.push((start + lead, at - trail));
        }
        return;
    }
    let piece = &text[start..at];
    let mut s = None;
    for (i, c) in piece
        .char_indices()
        .chain(std::iter::once((piece.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
        match (s, inside) {
            (None, true) => s = Some(i),
            (Some(from), false) => {
                let raw = piece[from..i].trim_end_matches(['-', '\'', '\u{2019}']);
                let trimmed = raw.trim_start_matches(['-', '\'', '\u{2019}']);
                if !trimmed.is_empty() {
                    let ws = start + from + (raw.len() - trimmed.len());
                    out.push((ws, start + from + raw.len()));
                }
                s = None;
            }
            _ => {}
        }
    }
}

/// [`name_masks`] of the 64 bytes of `bytes` from `block`; the last,
/// short block is read from `tail`, padded with bytes of no name.
fn block_masks(bytes: &[u8], block: usize, tail: &mut [u8; 64]) -> (u64, u64, u64) {
    let chunk = &bytes[block..bytes.len().min(block + 64)];
    match <&[u8; 64]>::try_from(chunk) {
        Ok(full) => name_masks(full),
        Err(_) => {
            tail[..chunk.len()].copy_from_slice(chunk);
            tail[chunk.len()..].fill(0);
            name_masks(tail)
        }
    }
}

/// Bits per byte of `chunk`: set for [`NAME_BYTES`], for bytes of
/// multi-byte characters, and for apostrophes and hyphens. Each byte is
/// classified into a flag byte by plain comparisons, which the compiler
/// turns into vector instructions, and each flag's bits gathered eight
/// bytes at a time by one multiplication: a third of the instructions of
/// classifying in 64-bit lanes.
fn name_masks(chunk: &[u8; 64]) -> (u64, u64, u64) {
    use crate::text::swar::{gather, HIGH};
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(chunk) {
        let hi = b >= 0x80;
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let marks = (b == b'-') | (b == b'\'');
        // Bytes of multi-byte characters (top bit set) are taken in.
        let word = hi | letter | (b.wrapping_sub(b'0') < 10) | marks;
        *f = (u8::from(word) << 7) | (u8::from(hi) << 6) | (u8::from(marks) << 5);
    }
    let (mut mask, mut high, mut edge) = (0u64, 0u64, 0u64);
    for (k, eight) in flags.as_chunks::<8>().0.iter().enumerate() {
        let x = u64::from_le_bytes(*eight);
        mask |= gather(x & HIGH) << (8 * k);
        high |= gather((x << 1) & HIGH) << (8 * k);
        edge |= gather((x << 2) & HIGH) << (8 * k);
    }
    (mask, high, edge)
}

/// Bytes a name's word may hold, as a table; bytes of multi-byte
/// characters are taken in and sorted out by [`name_words`].
/// The scan itself reads them by [`name_masks`]; this is what the masks are
/// tested against.
const NAME_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b >= 0x80;
        i += 1;
    }
    t
};

/// A cheap test before building a word's key: its first two bytes (ASCII
/// case ignored) and its length are those of the first word of some
/// registry name (a possessive "'s" may follow). The filter
/// [`names_into`] used before [`FirstWordBits`]; its old finder, which
/// the tests hold the new one to, still does.
#[cfg(test)]
fn could_start_name(word: &[u8]) -> bool {
    static FILTER: OnceLock<Vec<u64>> = OnceLock::new();
    let slot = |w: &[u8]| -> Option<usize> {
        let a = usize::from(w.first()?.to_ascii_lowercase());
        let b = usize::from(w.get(1).copied().unwrap_or(0).to_ascii_lowercase());
        Some((a * 256 + b) * 64 + w.len().min(63))
    };
    let filter = FILTER.get_or_init(|| {
        let mut f = vec![0u64; 256 * 256];
        for k in first_words() {
            let k = k.as_bytes();
            for extra in [0, 2, 4] {
                // With "'s" or "’s" after it, the word is longer.
                let mut w = k.to_vec();
                w.resize(k.len() + extra, b's');
                if let Some(i) = slot(&w) {
                    f[i / 64] |= 1 << (i % 64);
                }
            }
        }
        f
    });
    slot(word).is_some_and(|i| filter[i / 64] & (1 << (i % 64)) != 0)
}

/// A looser [`could_start_name`] and first-word test in one table
/// lookup: a bit per (first three bytes, each folded to its low five bits,
/// zero past the word's end) of the first words of registry names, alone
/// or with a possessive. Folding keeps either case of a letter together,
/// and a word whose first three bytes hold a byte of a multi-byte
/// character or a backtick (which its key changes) always passes, so no
/// word the exact tests would take is turned away.
#[cfg(test)]
struct Trigrams(Box<[u64; 512]>);

#[cfg(test)]
impl Trigrams {
    fn slot(w: &[u8]) -> Option<usize> {
        let at = |i: usize| w.get(i).copied().unwrap_or(0);
        let (a, b, c) = (at(0), at(1), at(2));
        if (a | b | c) >= 0x80 || a == b'`' || b == b'`' || c == b'`' {
            return None;
        }
        Some((usize::from(a & 0x1f) << 10) | (usize::from(b & 0x1f) << 5) | usize::from(c & 0x1f))
    }

    fn could_start(&self, word: &[u8]) -> bool {
        Trigrams::slot(word).is_none_or(|i| self.0[i / 64] >> (i % 64) & 1 == 1)
    }
}

/// A filter of the first words of registry keys, alone or possessive, by
/// their first eight bytes: a bit per hash of those bytes, ASCII case
/// folded. A word whose first eight bytes hold a byte of a multi-byte
/// character always passes (its key may differ in length or bytes), so
/// no word the exact test would take is turned away; most others ("that",
/// "statement") are, about one in sixty passing by a shared bit, without
/// making a key or hashing it into a table.
struct FirstWordBits(Box<[u64; 1024]>);

impl FirstWordBits {
    /// The bit of `word`'s first eight bytes (ASCII case folded: a name's
    /// word holds only letters, digits, apostrophes and hyphens, which
    /// `| 0x20` folds as `to_ascii_lowercase` does), or `None` when they
    /// hold a byte of 0x80 or more.
    fn bit(word: &[u8]) -> Option<usize> {
        let n = word.len().min(8);
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(&word[..n]);
        let x = u64::from_le_bytes(buf);
        if x & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        let present = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        let folded = x | (0x2020_2020_2020_2020 & present);
        Some((folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize)
    }

    fn may_start(&self, word: &[u8]) -> bool {
        FirstWordBits::bit(word).is_none_or(|i| self.has(i))
    }

    /// [`FirstWordBits::may_start`] of the ASCII word `bytes[start..end]`,
    /// its first eight bytes read at once where the text has them.
    fn may_start_ascii(&self, bytes: &[u8], (start, end): (usize, usize)) -> bool {
        let Some(eight) = bytes.get(start..start + 8) else {
            return self.may_start(&bytes[start..end]);
        };
        let n = (end - start).min(8);
        let present = u64::MAX >> (64 - 8 * n);
        // `(x & present) | (0x20… & present)`, the fold of `bit`, at once.
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let folded = (x | 0x2020_2020_2020_2020) & present;
        self.has((folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize)
    }

    fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

fn first_word_bits() -> &'static FirstWordBits {
    static BITS: OnceLock<FirstWordBits> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut t = FirstWordBits(Box::new([0u64; 1024]));
        for k in first_words() {
            for suffix in ["", "'s"] {
                if let Some(i) = FirstWordBits::bit(format!("{k}{suffix}").as_bytes()) {
                    t.0[i / 64] |= 1 << (i % 64);
                }
            }
        }
        t
    })
}

#[cfg(test)]
fn first_trigrams() -> &'static Trigrams {
    static TRI: OnceLock<Trigrams> = OnceLock::new();
    TRI.get_or_init(|| {
        let mut t = Trigrams(Box::new([0u64; 512]));
        for k in first_words() {
            for suffix in ["", "'s"] {
                if let Some(i) = Trigrams::slot(format!("{k}{suffix}").as_bytes()) {
                    t.0[i / 64] |= 1 << (i % 64);
                }
            }
        }
        t
    })
}

/// Every key that some registry name, alias or demonym key goes on from: the part
/// before each of its spaces ("united", "united states" of "united states
/// of america"). A longer key of [`mentions`] starts with one of these and
/// a space, or matches nothing.
fn name_prefixes() -> &'static HashSet<&'static str, FastHash> {
    static PREFIXES: OnceLock<HashSet<&'static str, FastHash>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        index()
            .keys()
            .chain(demonym_index().keys())
            .flat_map(|k| k.match_indices(' ').map(|(at, _)| &k[..at]))
            .collect()
    })
}

/// The first word of every registry name and alias.
fn first_words() -> &'static HashSet<String, FastHash> {
    static FIRST: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    FIRST.get_or_init(|| {
        index()
            .keys()
            .chain(demonym_index().keys())
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect()
    })
}

/// [`first_words`] as bytes, to look up a key made on the stack.
fn first_word_bytes() -> &'static HashSet<&'static [u8], FastHash> {
    static FIRST: OnceLock<HashSet<&'static [u8], FastHash>> = OnceLock::new();
    FIRST.get_or_init(|| first_words().iter().map(|w| w.as_bytes()).collect())
}

/// Number of member states in the registry (193).
///
/// ```
/// assert_eq!(oewg_core::speakers::member_state_count(), 193);
/// ```
pub fn member_state_count() -> usize {
    MEMBER_STATES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(label: &str) -> Role {
        resolve(label).role
    }

    #[test]
    fn initialisms_with_stops_are_names() {
        let found = |t: &str| -> Vec<(usize, usize, &str)> {
            names_in(t)
                .into_iter()
                .map(|m| (m.start, m.end, m.name))
                .collect()
        };
        assert_eq!(
            found("We join the U.S. as they have"),
            [(12, 15, "United States")]
        );
        assert_eq!(
            found("the E.U. and the U.K. agree"),
            [(4, 7, "European Union"), (17, 20, "United Kingdom")]
        );
        assert_eq!(found("the U.S. delegation"), [(4, 7, "United States")]);
        assert_eq!(
            found("the U.S.A. and the former U.S.S.R. and P.U.S. Smith"),
            [(4, 9, "United States")]
        );
        // Not in lower case ("u.s." is no word a speaker writes for the
        // state), nor across a stop and a space ("Plan U. S. Smith").
        assert_eq!(found("the u.s. and us"), []);
        assert_eq!(found("Plan U. S. Smith"), []);
    }

    #[test]
    fn demonym_keys_are_normal_keys() {
        // The demonym index joins its words without normalising them.
        for (_, demonyms) in DEMONYMS {
            for d in *demonyms {
                for noun in DEMONYM_NOUNS {
                    let key = format!("{d} {noun}");
                    assert_eq!(normalize_key(&key), key);
                    assert!(demonym_index().contains_key(&key), "{key}");
                }
            }
        }
    }

    #[test]
    fn registry_has_unique_codes_and_aliases() {
        let mut codes: Vec<_> = MEMBER_STATES.iter().filter_map(|e| e.iso3).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 193);
        // Every alias lands on its own entry: none is shadowed by another.
        for (role, table) in [(Role::Delegation, MEMBER_STATES), (Role::Group, GROUPS)] {
            for e in table {
                for a in e.aliases.iter().chain([&e.name]) {
                    let (r, got) = lookup(&normalize_key(a)).unwrap();
                    assert_eq!((r, got.name), (role, e.name), "alias {a}");
                }
            }
        }
    }

    #[test]
    fn former_and_short_names_resolve() {
        for (label, name) in [
            ("Czech Republic", "Czechia"),
            ("Russia", "Russian Federation"),
            ("The Netherlands", "Kingdom of the Netherlands"),
            ("Turkey", "Türkiye"),
            ("Iran", "Islamic Republic of Iran"),
            ("UK", "United Kingdom"),
            ("US", "United States"),
            ("Korea", "Republic of Korea"),
        ] {
            assert_eq!(resolve(label).name.as_deref(), Some(name), "{label}");
        }
    }

    #[test]
    fn roles() {
        assert_eq!(role("Chair"), Role::Chair);
        assert_eq!(role("Mr. Chair"), Role::Chair);
        assert_eq!(role("Ambassador Burhan Gafoor"), Role::Chair);
        assert_eq!(role("Chile"), Role::Delegation);
        assert_eq!(role("European Union"), Role::Group);
        assert_eq!(
            role("Nigeria on behalf of the African Group"),
            Role::Delegation
        );
        assert_eq!(role("African Group - Mr. Doe"), Role::Group);
        assert_eq!(role("Holy See"), Role::Observer);
        assert_eq!(role("UNIDIR Giacomo Persi Pauli"), Role::Organization);
        assert_eq!(role("Microsoft"), Role::Stakeholder);
        assert_eq!(role("Chatham House Ms. Doe"), Role::Stakeholder);
        assert_eq!(role("Ambassador Smith"), Role::Unknown);
        assert_eq!(role("Chairs of something"), Role::Unknown);
        assert_eq!(role(""), Role::Unknown);
    }

    #[test]
    fn group_members_are_delegations_speaking_for_the_group() {
        for label in [
            "Pacific Islands Forum – Tonga",
            "Pacific Islands Forum - Tonga",
            "Tonga on behalf of the Pacific Islands Forum",
        ] {
            let s = resolve(label);
            assert_eq!(s.role, Role::Delegation, "{label}");
            assert_eq!(s.name.as_deref(), Some("Tonga"));
            assert_eq!(s.on_behalf_of.as_deref(), Some("Pacific Islands Forum"));
            assert_eq!(s.regional_group, Some(RegionalGroup::AsiaPacific));
        }
        let g = resolve("African Group – Mr. Doe");
        assert_eq!(
            (g.role, g.name.as_deref()),
            (Role::Group, Some("African Group"))
        );
        assert_eq!(g.on_behalf_of.as_deref(), Some("African Group"));
    }

    #[test]
    fn the_un_regional_groups_resolve_as_grulac_does() {
        for (label, name) in [
            ("WEOG", "Western European and Others Group"),
            (
                "Western European and Others Group",
                "Western European and Others Group",
            ),
            (
                "Western European and other States",
                "Western European and Others Group",
            ),
            ("Asia-Pacific Group", "Asia-Pacific Group"),
            ("Asia-Pacific States", "Asia-Pacific Group"),
            ("Group of Asia-Pacific States", "Asia-Pacific Group"),
            ("Asia\u{2013}Pacific Group", "Asia-Pacific Group"),
            ("Eastern European Group", "Eastern European Group"),
            ("Eastern European States", "Eastern European Group"),
            ("GRULAC", "Latin American and Caribbean Group"),
        ] {
            let s = resolve(label);
            assert_eq!(
                (s.role, s.name.as_deref(), s.confidence),
                (Role::Group, Some(name), 1.0),
                "{label}"
            );
            assert_eq!(s.label, label);
        }
        let s = resolve("Japan on behalf of the Asia-Pacific Group");
        assert_eq!(
            (s.role, s.iso3.as_deref(), s.on_behalf_of.as_deref()),
            (Role::Delegation, Some("JPN"), Some("Asia-Pacific Group"))
        );
    }

    #[test]
    fn on_behalf_of_in_a_bracket_or_after_a_comma() {
        for (label, iso, group) in [
            (
                "Nigeria (on behalf of the African Group)",
                "NGA",
                "African Group",
            ),
            (
                "Nigeria, on behalf of the African Group",
                "NGA",
                "African Group",
            ),
            (
                "Indonesia (on behalf of ASEAN)",
                "IDN",
                "Association of Southeast Asian Nations",
            ),
            ("Uganda (on behalf of NAM)", "UGA", "Non-Aligned Movement"),
            ("Uganda ( on behalf of NAM )", "UGA", "Non-Aligned Movement"),
            // A state speaking for another as well.
            ("Brazil, also on behalf of Argentina", "BRA", "Argentina"),
            ("Brazil (also on behalf of Argentina)", "BRA", "Argentina"),
            ("Brazil on behalf of Argentina", "BRA", "Argentina"),
        ] {
            let s = resolve(label);
            assert_eq!(
                (s.role, s.iso3.as_deref(), s.on_behalf_of.as_deref()),
                (Role::Delegation, Some(iso), Some(group)),
                "{label}"
            );
            assert_eq!((s.label.as_str(), s.confidence), (label, 1.0));
        }
        // Someone not a state: the group itself, as without the bracket.
        let g = resolve("Mr. Doe (on behalf of the African Group)");
        assert_eq!(
            (g.role, g.name.as_deref(), g.on_behalf_of.as_deref()),
            (Role::Group, Some("African Group"), Some("African Group"))
        );
        // A state after a dash, or named with another, speaks for no one.
        assert_eq!(resolve("Chile - Peru").on_behalf_of, None);
        assert_eq!(resolve("Chile and Peru").on_behalf_of, None);
    }

    #[test]
    fn official_and_inverted_names_resolve() {
        for (label, iso) in [
            ("Republic of Türkiye", "TUR"),
            ("Republic of Turkiye", "TUR"),
            ("Argentine Republic", "ARG"),
            ("Korea, Republic of", "KOR"),
            ("Korea (Republic of)", "KOR"),
            ("Congo, Democratic Republic of the", "COD"),
            ("Korea, Democratic People's Republic of", "PRK"),
            ("Tanzania, United Republic of", "TZA"),
            ("Netherlands, Kingdom of the", "NLD"),
            ("Iran, Islamic Republic of", "IRN"),
        ] {
            let s = resolve(label);
            assert_eq!(
                (s.iso3.as_deref(), s.confidence, s.label.as_str()),
                (Some(iso), 1.0, label),
                "{label}"
            );
        }
        // Only a registry name is turned round.
        for label in ["Thank you, Republic of", "Chile, Republic of Peru"] {
            assert_eq!(inverted(&normalize_key(label)).map(|(_, e)| e.name), None);
        }
        // "Secretariat" as a speaker is the UN's, as the Secretary-General
        // is; the word in running text names nobody.
        for label in ["Secretariat", "The Secretariat", "Secretary-General"] {
            let s = resolve(label);
            assert_eq!(
                (s.role, s.name.as_deref(), s.confidence),
                (Role::Organization, Some("United Nations"), 1.0),
                "{label}"
            );
        }
        assert!(mentions("We thank the Secretariat and the Secretary-General.").is_empty());
    }

    #[test]
    fn a_common_misspelling_resolves_with_less_than_full_confidence() {
        let s = resolve("Lichtenstein");
        assert_eq!(
            (s.role, s.name.as_deref(), s.iso3.as_deref()),
            (Role::Delegation, Some("Liechtenstein"), Some("LIE"))
        );
        assert!(s.confidence > 0.8 && s.confidence < 1.0, "{}", s.confidence);
        assert_eq!(resolve("Liechtenstein").confidence, 1.0);
        // Not a name in running text: a person may bear it.
        assert!(mentions("Ambassador Lichtenstein spoke.").is_empty());
    }

    #[test]
    fn a_person_or_the_chair_with_whom_they_speak_for() {
        for (label, iso, person) in [
            ("Ms. Lopez (Chile)", "CHL", Some("Ms. Lopez")),
            (
                "H.E. Ms. Ana Lopez (Chile)",
                "CHL",
                Some("H.E. Ms. Ana Lopez"),
            ),
            ("Ana Lopez (Chile)", "CHL", Some("Ana Lopez")),
            (
                "Ms. Ana de la Cruz (Chile)",
                "CHL",
                Some("Ms. Ana de la Cruz"),
            ),
            (
                "H.E. Mr. John Kamau, Kenya",
                "KEN",
                Some("H.E. Mr. John Kamau"),
            ),
            (
                "His Excellency Mr. Kamau, Kenya",
                "KEN",
                Some("His Excellency Mr. Kamau"),
            ),
            ("Kenya (spoke in French)", "KEN", None),
            ("Kenya (in its national capacity)", "KEN", None),
            (
                "Mr. Kim (Republic of Korea) (spoke in Korean)",
                "KOR",
                Some("Mr. Kim"),
            ),
            ("Mr. Kim (Korea, Republic of)", "KOR", Some("Mr. Kim")),
        ] {
            let s = resolve(label);
            assert_eq!(
                (s.role, s.iso3.as_deref(), s.person.as_deref(), s.confidence),
                (Role::Delegation, Some(iso), person, 1.0),
                "{label}"
            );
            assert_eq!(s.label, label);
        }
        let s = resolve("Ms. Doe (UNIDIR)");
        assert_eq!(
            (s.role, s.person.as_deref()),
            (Role::Organization, Some("Ms. Doe"))
        );
        // The Chair stays the Chair, a vice-chair too (as "Vice-Chair"
        // alone is), whatever state it comes from.
        for label in [
            "The Chair (Singapore)",
            "Vice-Chair (Brazil)",
            "Chair (in French)",
            "Chair (Mr. Smith)",
        ] {
            let s = resolve(label);
            assert_eq!(
                (
                    s.role,
                    s.name.as_deref(),
                    s.iso3.as_deref(),
                    s.label.as_str()
                ),
                (Role::Chair, Some("Chair"), None, label),
                "{label}"
            );
        }
        assert_eq!(
            resolve("Chair (Mr. Smith)").person.as_deref(),
            Some("Mr. Smith")
        );
        // A speaker before the bracket is no person: as before.
        let g = resolve("African Group (Nigeria)");
        assert_eq!(
            (g.role, g.name.as_deref(), g.person),
            (Role::Group, Some("African Group"), None)
        );
        assert_eq!(role("Chatham House (UK)"), Role::Stakeholder);
        assert_eq!(resolve("Peru (GRULAC)").iso3.as_deref(), Some("PER"));
        // Sentences stay unknown, whatever state they name.
        for label in [
            "Thank you, Chile",
            "Mr. Chair, I thank Chile",
            "I thank the distinguished delegate (Chile)",
            "We agree (in principle)",
            "Chair (I thank all delegations for their work)",
            "(spoke in French)",
        ] {
            assert_eq!(role(label), Role::Unknown, "{label}");
        }
    }

    #[test]
    fn regional_groups_have_their_sizes() {
        let mut counts: HashMap<Option<RegionalGroup>, usize> = HashMap::new();
        for e in MEMBER_STATES {
            *counts.entry(e.iso3.and_then(regional_group)).or_default() += 1;
        }
        assert_eq!(counts[&Some(RegionalGroup::African)], 54);
        assert_eq!(counts[&Some(RegionalGroup::AsiaPacific)], 53);
        assert_eq!(counts[&Some(RegionalGroup::EasternEuropean)], 23);
        assert_eq!(counts[&Some(RegionalGroup::LatinAmericanCaribbean)], 33);
        // 28 members and the United States, counted with them for elections.
        assert_eq!(counts[&Some(RegionalGroup::WesternEuropeanOthers)], 29);
        assert_eq!(counts[&None], 1);
        // Every code in the group tables is a member state's.
        for code in AFRICAN
            .iter()
            .chain(EASTERN_EUROPEAN)
            .chain(LATIN_AMERICAN_CARIBBEAN)
            .chain(WESTERN_EUROPEAN_OTHERS)
        {
            assert!(MEMBER_STATES.iter().any(|e| e.iso3 == Some(code)), "{code}");
        }
    }

    #[test]
    fn approximate_matches_keep_a_confidence() {
        for (label, name) in [
            ("Saudia Arabia", "Saudi Arabia"),
            ("Slovakya", "Slovakia"),
            ("Kazakstan", "Kazakhstan"),
            ("Phillipines", "Philippines"),
        ] {
            let s = resolve(label);
            assert_eq!(s.name.as_deref(), Some(name), "{label}");
            assert!(s.confidence >= REGISTRY_MATCH && s.confidence <= 1.0);
        }
        // Nothing near enough, or too short to tell: unknown, not a guess.
        for label in [
            "Microsoft Corp",
            "Ambassador Smith",
            "Check here",
            "Cubo",
            "Mr. Doe",
            "Sorry",
        ] {
            let s = resolve(label);
            assert!(
                s.role == Role::Unknown || s.role == Role::Stakeholder,
                "{label} gave {:?}",
                s.name
            );
            assert!(s.confidence < 1.0);
        }
        assert_eq!(resolve("Chile").confidence, 1.0);
    }

    #[test]
    fn a_kept_name_key_is_made_once_and_the_memo_stays_bounded() {
        thread_local! {
            static MEMO: NameKeys = std::cell::RefCell::default();
        }
        let made = std::cell::Cell::new(0);
        let make = |n: &str| {
            made.set(made.get() + 1);
            n.to_uppercase()
        };
        assert_eq!(kept_name_key(&MEMO, "Peru", make), "PERU");
        assert_eq!(kept_name_key(&MEMO, "Peru", make), "PERU");
        assert_eq!(made.get(), 1);
        for i in 0..KEPT_NAME_KEYS * 2 {
            assert_eq!(
                kept_name_key(&MEMO, &format!("n{i}"), make),
                format!("N{i}")
            );
            assert!(MEMO.with(|m| m.borrow().len()) <= KEPT_NAME_KEYS);
        }
    }

    #[test]
    fn sound_keys_as_the_plain_way() {
        fn plain(text: &str) -> String {
            let mut s: String = text
                .chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphabetic())
                .collect();
            for (from, to) in [
                ("tch", "ch"),
                ("cz", "ch"),
                ("ech", "ek"),
                ("ck", "k"),
                ("ph", "f"),
                ("q", "k"),
                ("x", "ks"),
                ("y", "i"),
                ("ee", "i"),
            ] {
                s = s.replace(from, to);
            }
            let mut out = String::new();
            let mut prev = None;
            for c in s.chars() {
                let keep_h = matches!(prev, None | Some('c') | Some('s'));
                if (c == 'h' && !keep_h) || Some(c) == prev {
                    continue;
                }
                out.push(c);
                prev = Some(c);
            }
            out
        }
        let pieces = [
            "T",
            "tch",
            "CZ",
            "e",
            "ch",
            "Ck",
            "PH",
            "q",
            "X",
            "y",
            "ee",
            "h",
            "s",
            "c",
            " ",
            "-",
            "'",
            "1",
            "É",
            "é",
            "İ",
            "ß",
            "Σ",
            "Check here",
            "Czechia",
        ];
        for t in crate::text::pieced_texts(&pieces, 3000, 9, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(sound_key(&t), plain(&t), "{t:?}");
        }
    }

    #[test]
    fn sound_keys_join_spellings_of_one_sound() {
        assert_eq!(sound_key("Czechia"), sound_key("Chekia"));
        assert_eq!(sound_key("Saudia Arabia"), sound_key("Saudi Arabia"));
        assert_eq!(sound_key("Philippines"), "filipines");
        assert_eq!(sound_key(""), "");
        assert!(similarity("Check here", "Czechia") > 0.8);
        assert!(similarity("Check here", "Chile") < 0.8);
    }

    #[test]
    fn demonyms_name_their_states() {
        fn named(t: &str) -> Vec<(String, String)> {
            mentions(t)
                .into_iter()
                .map(|m| (m.name, t[m.start..m.end].to_string()))
                .collect()
        }
        let s = |n: &str, w: &str| (n.to_string(), w.to_string());
        assert_eq!(
            named("We thank the Chinese delegation and the distinguished delegate of the UK."),
            [s("China", "Chinese delegation"), s("United Kingdom", "UK")]
        );
        assert_eq!(
            named("as the Russian delegation's proposal and our South Korean colleagues said"),
            [
                s("Russian Federation", "Russian delegation"),
                s("Republic of Korea", "South Korean colleagues")
            ]
        );
        // Without its noun, in lower case, or ambiguous, a demonym names
        // no state.
        assert!(named("She spoke in French; a chinese delegation; Chinese tea.").is_empty());
        assert!(named("the Latin American delegations").is_empty());
        assert!(named("the Congolese delegation").is_empty());
        // Labels too.
        for (label, iso) in [
            ("Chinese Delegation", "CHN"),
            ("the Swiss delegation", "CHE"),
            ("Delegation of Chile", "CHL"),
            ("Representative of the United Kingdom", "GBR"),
            ("Palestinian delegation", "PSE"),
        ] {
            let r = resolve(label);
            assert_eq!(
                (r.iso3.as_deref(), r.confidence),
                (Some(iso), 1.0),
                "{label}"
            );
        }
        assert_eq!(resolve("Palestinian delegation").role, Role::Observer);
    }

    #[test]
    fn every_member_state_has_a_demonym_but_the_ambiguous() {
        let without: Vec<&str> = MEMBER_STATES
            .iter()
            .filter(|e| !DEMONYMS.iter().any(|(n, _)| *n == e.name))
            .map(|e| e.name)
            .collect();
        assert_eq!(
            without,
            [
                "Congo",
                "Democratic Republic of the Congo",
                "Dominica",
                "Dominican Republic",
                "Equatorial Guinea",
                "Guinea",
                "Guinea-Bissau",
            ]
        );
        // Every demonym's state is in the registry, once.
        for (name, _) in DEMONYMS {
            let known = MEMBER_STATES
                .iter()
                .chain(OBSERVER_STATES)
                .filter(|e| e.name == *name)
                .count();
            assert_eq!(known, 1, "{name}");
        }
        // No demonym is claimed by two states.
        let mut all: Vec<&str> = DEMONYMS
            .iter()
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }

    #[test]
    fn name_masks_agree_with_the_table() {
        for start in (0..256).step_by(64) {
            let chunk: [u8; 64] = std::array::from_fn(|i| (start + i) as u8);
            let (mask, high, edge) = name_masks(&chunk);
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(
                    mask >> k & 1 == 1,
                    NAME_BYTES[usize::from(b)],
                    "byte {b:#x}"
                );
                assert_eq!(high >> k & 1 == 1, b >= 0x80, "byte {b:#x}");
                assert_eq!(edge >> k & 1 == 1, b == b'-' || b == b'\'', "byte {b:#x}");
            }
        }
    }

    /// The word scan as it was before the masks: a byte at a time.
    fn name_words_bytewise(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !NAME_BYTES[usize::from(bytes[at])] {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && NAME_BYTES[usize::from(bytes[at])] {
                at += 1;
            }
            name_words_of_run(text, start, at, &mut out);
        }
        out
    }

    #[test]
    fn the_block_scan_finds_the_words_a_byte_scan_finds() {
        // Words across and at the edges of 64-byte blocks, and at the end.
        let pieces = [
            "a", "Chile", " ", "'", "’", "é", ",", "-", "--", "'s", "“", "–", "x1", "\n",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for len in [0usize, 1, 2, 63, 64, 65, 127, 128, 129, 300] {
            for _ in 0..40 {
                let mut text = String::new();
                while text.len() < len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                }
                assert_eq!(name_words(&text), name_words_bytewise(&text), "{text:?}");
            }
        }
    }

    /// How a name's first word `k` may be written in a sentence: as is,
    /// possessive, in capitals, capitalised.
    fn spellings(k: &str) -> [String; 7] {
        let mut cap = k.to_string();
        if let Some(c) = cap.get_mut(..1) {
            c.make_ascii_uppercase();
        }
        [
            k.to_string(),
            format!("{k}'s"),
            format!("{k}’s"),
            k.to_uppercase(),
            k.to_ascii_uppercase(),
            format!("{cap}'S"),
            cap,
        ]
    }

    #[test]
    fn first_word_bits_keep_every_first_word() {
        let bits = first_word_bits();
        for k in first_words() {
            for w in spellings(k) {
                assert!(bits.may_start(w.as_bytes()), "{w:?}");
            }
        }
        // Most other words are turned away.
        let others = [
            "that",
            "statement",
            "working",
            "consensus",
            "Thank",
            "floor",
            "give",
        ];
        let passed = others
            .iter()
            .filter(|w| bits.may_start(w.as_bytes()))
            .count();
        assert!(passed <= 1, "{passed}");
    }

    #[test]
    fn trigrams_keep_every_first_word() {
        let tri = first_trigrams();
        for k in first_words() {
            for w in spellings(k) {
                assert!(tri.could_start(w.as_bytes()), "{w:?}");
            }
        }
    }

    #[test]
    fn mentions_need_the_case_of_a_name() {
        let names = |t: &str| -> Vec<String> { mentions(t).into_iter().map(|m| m.name).collect() };
        assert_eq!(
            names("Let us hear from the US and the UK."),
            ["United States", "United Kingdom"]
        );
        assert!(names("chad and georgia, eu").is_empty());
        assert_eq!(
            names("Republic of Korea and Korea"),
            ["Republic of Korea", "Republic of Korea"]
        );
        assert_eq!(
            names("the Democratic People's Republic of Korea"),
            ["Democratic People's Republic of Korea"]
        );
        assert_eq!(
            names("Germany’s view; Côte d'Ivoire; Guinea-Bissau"),
            ["Germany", "Côte d'Ivoire", "Guinea-Bissau"]
        );
        assert_eq!(
            names("on behalf of like-minded countries"),
            ["Group of Like-Minded States"]
        );
        assert_eq!(
            names("Pacific Islands Forum – Tonga"),
            ["Pacific Islands Forum", "Tonga"]
        );
        // A name does not run across punctuation.
        assert_eq!(names("South, Africa"), Vec::<String>::new());
        assert_eq!(names("Niger, Nigeria"), ["Niger", "Nigeria"]);
        assert!(names("").is_empty());
        let m = mentions("é Chile’s");
        assert_eq!((m[0].start, m[0].end), (3, 8));
    }

    #[test]
    fn chair_or_stakeholder_as_resolve() {
        let pieces = [
            "Chair",
            "Mr. ",
            "Vice-",
            "Ambassador ",
            "Gafoor",
            "Saudia Arabia",
            "Czech Republic",
            "University",
            " of ",
            "Peru",
            "Microsoft",
            "Chile",
            "Pacific Islands Forum",
            " – ",
            "Tonga",
            "Tnga",
            "Delegation of ",
            "Chinese delegation",
            "Friends",
            "Group",
            "the ",
            "Institute",
            "Alliance",
            "Smith",
            " ",
            "é",
            "Arab Group",
            "Chairs",
            " (Chile)",
            " (spoke in French)",
            ", Kenya",
            "Ms. Lopez",
            " on behalf of ",
        ];
        let mut special = 0;
        for label in crate::text::pieced_texts(&pieces, 3000, 5, 0x9e37_79b9_7f4a_7c15) {
            let role = resolve(&label).role;
            let want = Some(role).filter(|r| matches!(r, Role::Chair | Role::Stakeholder));
            assert_eq!(chair_or_stakeholder(&label), want, "{label:?}");
            special += usize::from(want.is_some());
        }
        assert!(special > 100, "{special}");
    }

    /// [`names_into`] as it was before one table answered its lookups:
    /// the four tables asked one by one.
    fn names_into_plain(text: &str, words: &mut Vec<(usize, usize)>, out: &mut Vec<NameAt>) {
        out.clear();
        words.clear();
        name_words_into(text, words);
        let words = &words[..];
        let firsts = first_words();
        let mut i = 0;
        let mut key = String::new();
        let tri = first_trigrams();
        while i < words.len() {
            let (ws, we) = words[i];
            // Most words start no name: turned away by their first three
            // bytes, before anything else is made of them.
            if !tri.could_start(text.as_bytes().get(ws..we).unwrap_or_default()) {
                i += 1;
                continue;
            }
            let w0 = &text[ws..we];
            if !could_start_name(w0.as_bytes()) {
                i += 1;
                continue;
            }
            // "the" opens registry names ("the Netherlands") but is not one
            // alone: the commonest word, turned away before building its key.
            if w0.eq_ignore_ascii_case("the") {
                i += 1;
                continue;
            }
            let upper = w0.chars().next().is_some_and(char::is_uppercase);
            // Most words that pass the filter start no name: an ASCII word's
            // key (its lower case) is checked from a copy on the stack, and the
            // key itself built only for a first word.
            let mut low = [0u8; 64];
            if let Some(low) = ascii_key(w0, &mut low) {
                let stem = low.strip_suffix(b"'s").unwrap_or(low);
                if low == b"the" || !first_word_bytes().contains(stem) {
                    i += 1;
                    continue;
                }
                key.clear();
                key.push_str(w0);
                key.make_ascii_lowercase();
            } else {
                key.clear();
                push_key_word(&mut key, w0);
                if key == "the" || !firsts.contains(strip_possessive(&key)) {
                    i += 1;
                    continue;
                }
            }
            let single_ok =
                upper && (w0.chars().count() > 3 || w0.chars().all(|c| !c.is_lowercase()));
            let mut found: Option<(usize, usize, Role, &'static Entry)> = None;
            let mut n = 1;
            loop {
                if n > 1 || single_ok {
                    let end = words[i + n - 1].1;
                    let stripped = strip_possessive(&key);
                    if let Some(&(role, entry)) = index().get(key.as_str()) {
                        found = Some((n, end, role, entry));
                    } else if let Some(&(role, entry)) =
                        demonym_index().get(key.as_str()).filter(|_| upper)
                    {
                        // "the Chinese delegation": a capitalised demonym and
                        // its noun.
                        found = Some((n, end, role, entry));
                    } else if let Some(&(role, entry)) = index()
                        .get(stripped)
                        .or_else(|| demonym_index().get(stripped).filter(|_| upper))
                    {
                        // "Germany's": the name without the possessive.
                        let last = &text[words[i + n - 1].0..end];
                        let cut = if last.ends_with("\u{2019}s") { 4 } else { 2 };
                        found = Some((n, end - cut, role, entry));
                    }
                }
                let next = i + n;
                // Only a key some name goes on from can grow into a match
                // (most first words are whole names: "Chile"), so stop there
                // rather than build and look up every longer key.
                if n == MAX_NAME_WORDS
                    || next >= words.len()
                    || !name_prefixes().contains(key.as_str())
                {
                    break;
                }
                let gap = &text[words[next - 1].1..words[next].0];
                let initial =
                    |w: (usize, usize)| w.1 == w.0 + 1 && text.as_bytes()[w.0].is_ascii_uppercase();
                if !(gap.chars().all(char::is_whitespace)
                    || gap == "." && initial(words[next - 1]) && initial(words[next]))
                {
                    break;
                }
                key.push(' ');
                push_key_word(&mut key, &text[words[next].0..words[next].1]);
                n += 1;
            }
            let found = found
                .filter(|&(n, ..)| !inside_initialism(text.as_bytes(), ws, words[i + n - 1].1));
            match found {
                Some((n, end, role, entry)) => {
                    out.push(NameAt {
                        start: ws,
                        end,
                        name: entry.name,
                        role,
                        iso3: entry.iso3,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    /// How many names [`names_into`] finds in `text`, after checking them
    /// against [`names_into_plain`]'s.
    fn same_names(text: &str, words: &mut Vec<(usize, usize)>, out: &mut Vec<NameAt>) -> usize {
        names_into(text, words, out);
        let mut plain = Vec::new();
        names_into_plain(text, &mut Vec::new(), &mut plain);
        assert_eq!(*out, plain, "{text:?}");
        out.len()
    }

    #[test]
    fn names_into_as_the_four_tables() {
        // Registry names, aliases, demonym phrases and their first words,
        // in every case, possessive or not, glued and split by what may
        // or may not stand inside a name.
        let mut pieces: Vec<&str> = vec![
            "the ",
            "The ",
            "THE ",
            " ",
            "  ",
            ", ",
            ".",
            "'s",
            "’s",
            "-",
            "\n",
            "é",
            "“",
            "–",
            "of ",
            "and ",
            "Republic",
            "republic ",
            "United ",
            "united",
            "States",
            "Kingdom",
            "of America",
            "Korea",
            "Chinese ",
            "delegation",
            "Russian",
            "Federation",
            "US",
            "UK",
            "EU",
            "Niger",
            "ia",
            "Guinea",
            "-Bissau",
            "Côte d'Ivoire",
            "Türkiye",
            "d'",
            "Islands",
            "Pacific",
            "Forum",
            "Group",
            "African",
            "Like-Minded",
            "Czech",
            "Chile",
            "Peru",
        ];
        let names: Vec<String> = index()
            .keys()
            .chain(demonym_index().keys())
            .step_by(7)
            .cloned()
            .collect();
        let caps: Vec<String> = names
            .iter()
            .map(|n| {
                n.split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        pieces.extend(names.iter().map(String::as_str));
        pieces.extend(caps.iter().map(String::as_str));
        let (mut words, mut out) = (Vec::new(), Vec::new());
        let mut found = 0;
        for t in crate::text::pieced_texts(&pieces, 6000, 24, 0x9e37_79b9_7f4a_7c15) {
            found += same_names(&t, &mut words, &mut out);
        }
        // Whole names, each alone and after "the", capitalised or not.
        for n in names.iter().chain(&caps) {
            for t in [n.clone(), format!("the {n}'s, "), format!("{n} {n}")] {
                found += same_names(&t, &mut words, &mut out);
            }
        }
        assert!(found > 2_000, "{found}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The first eight bytes read at once, where the text has them,
        /// give the bit of the word alone.
        #[test]
        fn ascii_first_word_bits_as_the_word_alone(
            before in "[ -~]{0,10}",
            word in "[A-Za-z0-9'-]{1,12}",
            after in "[ -~]{0,10}",
        ) {
            let text = format!("{before}{word}{after}");
            let span = (before.len(), before.len() + word.len());
            let bits = first_word_bits();
            proptest::prop_assert_eq!(
                bits.may_start_ascii(text.as_bytes(), span),
                bits.may_start(word.as_bytes())
            );
        }

        /// The ASCII path ([`ascii_candidates`], [`next_ascii_word`])
        /// finds what the word list and the four tables find, in ASCII
        /// texts of names, their pieces and what may stand between: words
        /// of one to three letters, apostrophes and hyphens at a word's
        /// edges and inside it, runs split across 64-byte blocks.
        #[test]
        fn ascii_names_as_the_four_tables(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the ", "The ", " ", "  ", "\n", "\t", ", ", ".", "'", "'s", "-",
                "'-", "a", "of ", "US", "UK", "EU", "us", "x", "2a", "Chile",
                "chile", "Peru", "Niger", "ia", "Guinea", "-Bissau", "United ",
                "united ", "States", "Kingdom", "of America", "Republic ",
                "of Korea", "Korea", "Czech ", "Chinese ", "delegation",
                "African ", "Group", "Cote", "d'Ivoire", "Like-Minded",
                "Pacific ", "Islands ", "Forum", "Sri ", "Lanka", "South ",
                "Africa", "Sudan", "thank ", "floor ", "followed by ",
            ]), 0..40),
            pad in 0usize..70,
        ) {
            // Padding moves the words across the 64-byte blocks.
            let text = format!("{}{}", "x ".repeat(pad / 2), parts.concat());
            let (mut words, mut out) = (Vec::new(), Vec::new());
            same_names(&text, &mut words, &mut out);
        }

        /// Texts with multi-byte characters ([`mixed_candidates`],
        /// [`next_word`]): typographic apostrophes, quotes and dashes in and
        /// between names, accented letters, no-break spaces.
        #[test]
        fn mixed_names_as_the_four_tables(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the ", " ", "\u{a0}", "\n", ", ", ".", "'s", "’s", "’", "'", "-",
                "–", "—", "“", "”", "é", "ô", "x", "a", "of ", "US", "EU",
                "Chile", "Peru", "Niger", "ia", "Guinea", "-Bissau", "United ",
                "United", "Republic", "Czech", "of", "States", "of America",
                "United\u{a0}States", "Republic\u{a0}of\u{a0}Korea",
                "Republic ", "of Korea", "Korea",
                "Czech ", "Chinese ", "delegation", "African ", "Group", "Côte",
                "Côte d’Ivoire", "Cote d'Ivoire", "d’Ivoire", "Türkiye",
                "Pacific ", "Islands ", "Forum", "Forum–Tonga", "Tonga",
                "Sri ", "Lanka", "thank ", "floor ",
            ]), 0..40),
            pad in 0usize..70,
        ) {
            let text = format!("{}{}", "x ".repeat(pad / 2), parts.concat());
            let (mut words, mut out) = (Vec::new(), Vec::new());
            same_names(&text, &mut words, &mut out);
        }
    }

    #[test]
    fn names_into_as_the_four_tables_on_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        let (mut words, mut out) = (Vec::new(), Vec::new());
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(src) = std::fs::read_to_string(entry.path()) {
                let found: usize = src
                    .split("\n\n")
                    .map(|para| same_names(para, &mut words, &mut out))
                    .sum();
                assert!(found > 100, "{found}");
                read += 1;
            }
        }
        assert!(read >= 2, "seeds read: {read}");
    }

    #[test]
    fn names_in_finds_what_mentions_finds() {
        // Invented sentences, cut at every character boundary from both
        // ends so names are split, joined and left at the edges.
        let texts = [
            "Thank you, Chile. I now give the floor to the Republic of Korea.",
            "We align with the EU and the African group; thank us, Czech Republic.",
            "The Chinese delegation and Germany’s proposal, those of France and China.",
            "On behalf of the Group of Like-Minded States – Tonga, Côte d'Ivoire.",
            "the united states of america, US, UK and Pacific Islands Forum–Tonga",
            "Niger, Nigeria; South, Africa: Guinea-Bissau's and “Tonga” are here.",
            "",
        ];
        let mut cases = 0;
        // Lists kept from piece to piece, as a caller reading many
        // sentences keeps them: what is left in them changes nothing.
        let (mut words, mut reused) = (Vec::new(), Vec::new());
        for t in texts {
            let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a).step_by(3) {
                    let piece = &t[a..b];
                    let found: Vec<Mention> = names_in(piece)
                        .into_iter()
                        .map(|m| Mention {
                            start: m.start,
                            end: m.end,
                            name: m.name.into(),
                            role: m.role,
                            iso3: m.iso3.map(Into::into),
                        })
                        .collect();
                    assert_eq!(found, mentions(piece), "{piece:?}");
                    names_into(piece, &mut words, &mut reused);
                    assert_eq!(reused, names_in(piece), "{piece:?}");
                    // No name ends or starts where the quick tests say
                    // none can.
                    for m in &found {
                        assert!(could_end_name(&piece[..m.end]), "{piece:?} {m:?}");
                        assert!(could_start_name_at(piece, m.start), "{piece:?} {m:?}");
                    }
                    cases += 1;
                }
            }
        }
        assert!(cases > 1000);
        for head in ["I thank", "the floor", "we agree"] {
            assert!(!could_end_name(head), "{head}");
        }
        for head in [
            "Czech Republic",
            "the Chinese delegation",
            "Türkiye",
            "d'Ivoire",
            "x,",
        ] {
            assert!(could_end_name(head), "{head}");
        }
        let t = "the Chile's and Côte, (Chad) of the";
        let starts: Vec<usize> = (0..t.len())
            .filter(|&i| could_start_name_at(t, i))
            .collect();
        // Inside "Côte" the multi-byte character is not settled here; a
        // last "e" of a word (2, 8, 20, 35) may be the "E" of "E.U.".
        assert_eq!(starts, [2, 4, 8, 16, 17, 18, 20, 24, 35]);
        // The same names, spans and roles whatever is around them.
        let m = names_in("to the Republic of Korea, then Chile");
        assert_eq!(
            m.iter()
                .map(|m| (m.start, m.end, m.name, m.iso3))
                .collect::<Vec<_>>(),
            [
                (7, 24, "Republic of Korea", Some("KOR")),
                (31, 36, "Chile", Some("CHL"))
            ]
        );
    }
}
