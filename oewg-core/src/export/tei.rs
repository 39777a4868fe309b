//! A session as TEI following Parla-CLARIN, the encoding of parliamentary
//! and meeting corpora (ParlaMint's), written with quick-xml.
//!
//! - `teiHeader`: the meeting — title, process, session and meeting
//!   numbers as `meeting` elements, date, place, body, source — and every
//!   speaker: the Chair, stakeholders and unrecognised speakers as
//!   `person`s in `listPerson` (the Chair with `role="chair"`), states,
//!   groups, observers and organisations as `org`s in `listOrg`, with
//!   their ISO code.
//! - `text`: one `u` (utterance) a statement, `who` pointing to its
//!   speaker's entry, `ana` giving the speaker's part (`#cat.chair` or
//!   `#cat.regular`) and the statement's kind (`#cat.procedural` or
//!   `#cat.substantive`), one `seg` a paragraph; the procedural events,
//!   agenda items and votes of the record as `note`s where they stand.
//! - `xml:id`s come from the document id, statement indices and speaker
//!   names only, so the same record gives the same ids on every run.
//!
//! Characters that XML 1.0 forbids (most C0 controls) become U+FFFD: the
//! only change made to the text.
//!
//! ```
//! let s = oewg_core::parse("Chair: I give the floor to Chile.\nChile: Thank you & good day.\n").unwrap();
//! let xml = oewg_core::export::tei::to_string(&s, "d1");
//! // A thank-you is procedural.
//! assert!(xml.contains(r##"<u who="#Chile" ana="#cat.regular #cat.procedural" xml:id="d1.u1">"##));
//! assert!(xml.contains("<seg xml:id=\"d1.u1.p0\">Thank you &amp; good day.</seg>"));
//! assert!(xml.contains(r#"<person xml:id="Chair" role="chair">"#));
//! assert!(xml.contains("<idno type=\"ISO3166-1-alpha-3\">CHL</idno>"));
//! ```

use super::ExportError;
use crate::corpus::canonical;
use crate::model::{HeaderKind, Role, Session, Speaker, StatementKind};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// The TEI namespace.
pub const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// What the header says of where the file came from, before the version:
/// [`write_dir`](super::write_dir) knows its own earlier files by it.
pub(crate) const GENERATOR: &str = "Converted from the meeting record by oewg-core";

/// Makes `s` an `xml:id` (an XML NCName): letters and ASCII digits kept,
/// anything else a `_`, runs of `_` collapsed, and `prefix` put in front
/// when the result would not start with a letter. A letter is one XML
/// allows in a name ([`is_name_letter`]): `ª` and `²` are alphanumeric to
/// Unicode but no part of an XML name, and a schema validator rejects them.
///
/// ```
/// use oewg_core::export::tei::xml_id;
/// assert_eq!(xml_id("Russian Federation", "p"), "Russian_Federation");
/// assert_eq!(xml_id("Côte d'Ivoire", "p"), "Côte_d_Ivoire");
/// assert_eq!(xml_id("77 (G-77)", "p"), "p77_G_77");
/// assert_eq!(xml_id("Sitzung²", "p"), "Sitzung");
/// assert_eq!(xml_id("ªnote", "p"), "note");
/// assert_eq!(xml_id("", "p"), "p");
/// // With no usable prefix, `id` stands in for it.
/// assert_eq!(xml_id("", ""), "id");
/// assert_eq!(xml_id("1", "9"), "id1");
/// ```
pub fn xml_id(s: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || is_name_letter(c) {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_');
    let letter = |c: char| c.is_ascii_alphabetic() || is_name_letter(c);
    if out.starts_with(letter) {
        out.to_string()
    } else if prefix.starts_with(letter) && is_ncname(prefix) {
        format!("{prefix}{out}")
    } else {
        // The prefix is no name's start either: the id is still a name.
        format!("id{out}")
    }
}

/// Whether `s` is an `xml:id` as it stands (an NCName: a letter or `_`,
/// then letters, digits, `_`, `-` and `.`); a letter beyond ASCII only
/// where [`is_name_letter`] is sure of it.
fn is_ncname(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || is_name_letter(c))
        && cs
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') || is_name_letter(c))
}

/// True for a letter beyond ASCII that may start an XML name under every
/// edition of XML 1.0: the letters of the scripts below that the fourth
/// edition's `Letter` lists (Latin with its accents, Greek, Cyrillic,
/// Hebrew, Arabic, the kana, CJK ideographs, Hangul). Validators of XML
/// Schema types (`jing` on the Parla-CLARIN schema) still use that list,
/// not the fifth edition's wider `NameStartChar`: a full-width `Ｒ` or an
/// Ethiopic letter is no name character to them, and is left out of an
/// id (ids stay unique: a repeated one gets `_2`).
///
/// ```
/// use oewg_core::export::tei::is_name_letter;
/// assert!(is_name_letter('é') && is_name_letter('ж') && is_name_letter('中'));
/// assert!(!is_name_letter('ª') && !is_name_letter('²') && !is_name_letter('a'));
/// assert!(!is_name_letter('Ｒ') && !is_name_letter('ሰ'));
/// assert!(is_name_letter('ệ')); // Việt Nam
/// ```
pub fn is_name_letter(c: char) -> bool {
    !c.is_ascii()
        && c.is_alphabetic()
        && matches!(c,
            '\u{C0}'..='\u{D6}'
            | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{131}'
            | '\u{134}'..='\u{13E}'
            | '\u{141}'..='\u{148}'
            | '\u{14A}'..='\u{17E}'
            | '\u{180}'..='\u{1C3}'
            | '\u{1CD}'..='\u{1F0}'
            | '\u{1F4}'..='\u{1F5}'
            | '\u{1FA}'..='\u{217}'
            | '\u{250}'..='\u{2A8}'
            | '\u{1E00}'..='\u{1E9B}'
            | '\u{1EA0}'..='\u{1EF9}'
            | '\u{386}'
            | '\u{388}'..='\u{38A}'
            | '\u{38C}'
            | '\u{38E}'..='\u{3A1}'
            | '\u{3A3}'..='\u{3CE}'
            | '\u{401}'..='\u{40C}'
            | '\u{40E}'..='\u{44F}'
            | '\u{451}'..='\u{45C}'
            | '\u{45E}'..='\u{481}'
            | '\u{5D0}'..='\u{5EA}'
            | '\u{621}'..='\u{63A}'
            | '\u{641}'..='\u{64A}'
            | '\u{3041}'..='\u{3094}'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{4E00}'..='\u{9FA5}'
            | '\u{AC00}'..='\u{D7A3}')
}

/// The text with the characters XML 1.0 does not allow replaced by U+FFFD.
fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if s.contains(bad) {
        s.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// A BCP 47 tag for a language the record names, for `xml:lang`.
fn language_tag(name: &str) -> Option<&'static str> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "english" => "en",
        "french" => "fr",
        "spanish" => "es",
        "russian" => "ru",
        "chinese" => "zh",
        "arabic" => "ar",
        _ => return None,
    })
}

/// Who a speaker is in the header: a person or an organisation.
fn is_person(s: &Speaker) -> bool {
    matches!(s.role, Role::Chair | Role::Stakeholder | Role::Unknown)
}

/// The speakers of a session, each with its `xml:id`, in order of first
/// statement.
struct Cast<'a> {
    entries: Vec<(&'a Speaker, String)>,
    by_name: HashMap<&'a str, usize>,
}

impl<'a> Cast<'a> {
    fn of(session: &'a Session, doc_id: &str) -> Cast<'a> {
        let mut used: HashSet<String> = HashSet::from([doc_id.to_string()]);
        let mut cast = Cast {
            entries: Vec::new(),
            by_name: HashMap::new(),
        };
        for st in &session.statements {
            let name = canonical(&st.speaker);
            if cast.by_name.contains_key(name) {
                continue;
            }
            let base = xml_id(name, "s");
            let (mut id, mut n) = (base.clone(), 1);
            while !used.insert(id.clone()) {
                n += 1;
                id = format!("{base}_{n}");
            }
            cast.by_name.insert(name, cast.entries.len());
            cast.entries.push((&st.speaker, id));
        }
        cast
    }

    fn id(&self, s: &Speaker) -> &str {
        // Every statement's speaker was entered by `of`.
        self.by_name
            .get(canonical(s))
            .map(|&i| self.entries[i].1.as_str())
            .unwrap_or("")
    }
}

type W<'w, O> = &'w mut Writer<O>;

fn text_el<O: Write>(
    w: W<'_, O>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> std::io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(&xml_text(text)))?;
    Ok(())
}

/// Writes the TEI of `session` to `w`, with `doc_id` as the document's id
/// and the prefix of its utterances' and paragraphs' ids (the speakers'
/// ids are their names, and the categories' fixed: the same in every
/// document, for `who` and `ana` to read alike). A `doc_id` that is no `xml:id` is
/// made one first ([`xml_id`], `d` before one that starts with no
/// letter): any string gives valid TEI, and a valid id is kept as given.
///
/// ```
/// let s = oewg_core::parse("Chair: Hello.\n").unwrap();
/// let xml = oewg_core::export::tei::to_string(&s, "my doc/1 & <x>");
/// assert!(xml.contains(r#"xml:id="my_doc_1_x""#));
/// let xml = oewg_core::export::tei::to_string(&s, "doc-1.v2");
/// assert!(xml.contains(r#"xml:id="doc-1.v2""#));
/// ```
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn write(session: &Session, doc_id: &str, w: impl Write) -> Result<(), ExportError> {
    write_from(session, doc_id, None, w)
}

/// [`write()`], with the name of the record the session was read from
/// (its path as given to a corpus) in the header's `sourceDesc`, as an
/// `idno` of type `file`: so a TEI file of an export names its record.
pub(super) fn write_from(
    session: &Session,
    doc_id: &str,
    source: Option<&str>,
    w: impl Write,
) -> Result<(), ExportError> {
    let doc_id = &if is_ncname(doc_id) {
        doc_id.to_string()
    } else {
        xml_id(doc_id, "d")
    };
    let mut w = Writer::new_with_indent(w, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let cast = Cast::of(session, doc_id);
    let m = &session.meta;
    let mut root = vec![("xmlns", TEI_NS), ("xml:id", doc_id)];
    if let Some(tag) = m.language.as_deref().and_then(language_tag) {
        root.push(("xml:lang", tag));
    }
    let title = m.title.clone().unwrap_or_else(|| doc_id.to_string());
    w.create_element("TEI")
        .with_attributes(root)
        .write_inner_content(|w| {
            w.create_element("teiHeader").write_inner_content(|w| {
                header(w, session, &title, &cast, source)?;
                Ok(())
            })?;
            w.create_element("text").write_inner_content(|w| {
                w.create_element("body").write_inner_content(|w| {
                    w.create_element("div")
                        .with_attribute(("type", "debateSection"))
                        .write_inner_content(|w| body(w, session, doc_id, &title, &cast))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// The TEI of `session` as a string (see [`write()`]).
pub fn to_string(session: &Session, doc_id: &str) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and quick-xml writes UTF-8.
    let _ = write(session, doc_id, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn header<O: Write>(
    w: W<'_, O>,
    session: &Session,
    title: &str,
    cast: &Cast,
    source: Option<&str>,
) -> std::io::Result<()> {
    let m = &session.meta;
    let session_n = m.session.map(|n| n.to_string());
    let meeting_n = m.meeting.map(|n| n.to_string());
    w.create_element("fileDesc").write_inner_content(|w| {
        w.create_element("titleStmt").write_inner_content(|w| {
            text_el(w, "title", &[("type", "main")], title)?;
            if let Some(p) = &m.process {
                text_el(w, "meeting", &[("ana", "#cat.process")], p)?;
            }
            if let Some(n) = &session_n {
                text_el(
                    w,
                    "meeting",
                    &[("n", n), ("ana", "#cat.session")],
                    &format!("Session {n}"),
                )?;
            }
            if let Some(n) = &meeting_n {
                text_el(
                    w,
                    "meeting",
                    &[("n", n), ("ana", "#cat.meeting")],
                    &format!("Meeting {n}"),
                )?;
            }
            Ok(())
        })?;
        w.create_element("publicationStmt")
            .write_inner_content(|w| {
                text_el(
                    w,
                    "p",
                    &[],
                    &format!("{GENERATOR} {}.", env!("CARGO_PKG_VERSION")),
                )
            })?;
        w.create_element("sourceDesc").write_inner_content(|w| {
            w.create_element("bibl").write_inner_content(|w| {
                text_el(w, "title", &[], title)?;
                if let Some(symbol) = &m.symbol {
                    text_el(w, "idno", &[("type", "symbol")], symbol)?;
                }
                if let Some(url) = &m.source_url {
                    text_el(w, "idno", &[("type", "URI")], url)?;
                }
                if let Some(file) = source {
                    text_el(w, "idno", &[("type", "file")], file)?;
                }
                if let Some(date) = &m.date {
                    text_el(w, "date", &[("when", date)], date)?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    })?;
    w.create_element("encodingDesc").write_inner_content(|w| {
        w.create_element("classDecl").write_inner_content(|w| {
            taxonomy(
                w,
                "cat.meetings",
                &[
                    ("cat.process", "The process or body that met"),
                    ("cat.session", "A session of the process"),
                    ("cat.meeting", "A meeting of the session"),
                ],
            )?;
            taxonomy(
                w,
                "cat.speakers",
                &[
                    ("cat.chair", "The Chair, who runs the meeting"),
                    ("cat.regular", "Any other speaker"),
                ],
            )?;
            taxonomy(
                w,
                "cat.statements",
                &[
                    (
                        "cat.procedural",
                        "Runs the meeting: gives the floor, thanks, announces",
                    ),
                    ("cat.substantive", "States positions"),
                ],
            )
        })?;
        Ok(())
    })?;
    w.create_element("profileDesc").write_inner_content(|w| {
        if m.date.is_some() || m.place.is_some() || m.body.is_some() {
            w.create_element("settingDesc").write_inner_content(|w| {
                w.create_element("setting").write_inner_content(|w| {
                    if let Some(body) = &m.body {
                        text_el(w, "name", &[("type", "org")], body)?;
                    }
                    if let Some(place) = &m.place {
                        text_el(w, "name", &[("type", "place")], place)?;
                    }
                    if let Some(date) = &m.date {
                        text_el(w, "date", &[("when", date)], date)?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
        }
        if cast.entries.is_empty() {
            // The schema wants a particDesc to list someone.
            return Ok(());
        }
        w.create_element("particDesc").write_inner_content(|w| {
            let people: Vec<_> = cast.entries.iter().filter(|(s, _)| is_person(s)).collect();
            let orgs: Vec<_> = cast.entries.iter().filter(|(s, _)| !is_person(s)).collect();
            if !people.is_empty() {
                w.create_element("listPerson").write_inner_content(|w| {
                    for (s, id) in people {
                        let mut attrs = vec![("xml:id", id.as_str())];
                        if s.role == Role::Chair {
                            attrs.push(("role", "chair"));
                        }
                        w.create_element("person")
                            .with_attributes(attrs)
                            .write_inner_content(|w| {
                                text_el(w, "persName", &[], canonical(s))?;
                                if s.role == Role::Chair {
                                    text_el(
                                        w,
                                        "affiliation",
                                        &[("role", "chair")],
                                        "Chair of the meeting",
                                    )?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            }
            if !orgs.is_empty() {
                w.create_element("listOrg").write_inner_content(|w| {
                    for (s, id) in orgs {
                        w.create_element("org")
                            .with_attributes([("xml:id", id.as_str()), ("role", s.role.as_str())])
                            .write_inner_content(|w| {
                                text_el(w, "orgName", &[("full", "yes")], canonical(s))?;
                                if let Some(iso3) = &s.iso3 {
                                    text_el(w, "idno", &[("type", "ISO3166-1-alpha-3")], iso3)?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn taxonomy<O: Write>(w: W<'_, O>, id: &str, categories: &[(&str, &str)]) -> std::io::Result<()> {
    w.create_element("taxonomy")
        .with_attribute(("xml:id", id))
        .write_inner_content(|w| {
            for (cat, desc) in categories {
                w.create_element("category")
                    .with_attribute(("xml:id", *cat))
                    .write_inner_content(|w| text_el(w, "catDesc", &[], desc))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The `note` type of a header line that belongs among the utterances.
fn note_type(kind: HeaderKind) -> Option<&'static str> {
    match kind {
        HeaderKind::ProceduralEvent => Some("event"),
        HeaderKind::AgendaItem => Some("agenda"),
        HeaderKind::Vote => Some("vote"),
        HeaderKind::Note | HeaderKind::Disclaimer => Some("editorial"),
        _ => None,
    }
}

fn body<O: Write>(
    w: W<'_, O>,
    session: &Session,
    doc_id: &str,
    title: &str,
    cast: &Cast,
) -> std::io::Result<()> {
    text_el(w, "head", &[], title)?;
    let mut notes = session
        .headers
        .iter()
        .filter_map(|h| note_type(h.kind).map(|t| (h.span.start, t, h.text.as_str())))
        .peekable();
    for st in &session.statements {
        while let Some((_, kind, text)) = notes.next_if(|n| n.0 < st.span.start) {
            text_el(w, "note", &[("type", kind)], text)?;
        }
        if let Some(language) = &st.language {
            text_el(
                w,
                "note",
                &[("type", "language")],
                &format!("Spoken in {language}"),
            )?;
        }
        let who = format!("#{}", cast.id(&st.speaker));
        let part = if st.speaker.role == Role::Chair {
            "#cat.chair"
        } else {
            "#cat.regular"
        };
        let kind = match st.kind {
            StatementKind::Procedural => "#cat.procedural",
            StatementKind::Substantive => "#cat.substantive",
        };
        let ana = format!("{part} {kind}");
        let id = format!("{doc_id}.u{}", st.index);
        w.create_element("u")
            .with_attributes([
                ("who", who.as_str()),
                ("ana", ana.as_str()),
                ("xml:id", id.as_str()),
            ])
            .write_inner_content(|w| {
                for (p, text) in st.paragraph_texts().enumerate() {
                    text_el(w, "seg", &[("xml:id", &format!("{id}.p{p}"))], text)?;
                }
                Ok(())
            })?;
    }
    for (_, kind, text) in notes {
        text_el(w, "note", &[("type", kind)], text)?;
    }
    Ok(())
}
