//! Speaker resolution: from a label as written ("Czech Republic",
//! "Ambassador Gafoor", "Pacific Islands Forum – Tonga") to a role, a
//! canonical name, an ISO code and the group spoken for.

mod registry;

use crate::model::{Role, Speaker};
use registry::{
    Entry, CHAIR_NAMES, CHAIR_WORDS, GROUPS, MEMBER_STATES, OBSERVER_STATES, ORGANIZATIONS,
    STAKEHOLDER_WORDS,
};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Resolves a speaker label.
///
/// ```
/// use oewg_core::{speakers::resolve, Role};
/// let s = resolve("Czech Republic\u{a0}");
/// assert_eq!((s.label.as_str(), s.role, s.name.as_deref(), s.iso3.as_deref()),
///            ("Czech Republic", Role::Delegation, Some("Czechia"), Some("CZE")));
/// assert_eq!(resolve("Ambassador Gafoor").role, Role::Chair);
/// let pif = resolve("Pacific Islands Forum – Tonga");
/// assert_eq!((pif.role, pif.iso3.as_deref(), pif.on_behalf_of.as_deref()),
///            (Role::Group, Some("TON"), Some("Pacific Islands Forum")));
/// ```
pub fn resolve(label: &str) -> Speaker {
    let label = label.trim();
    let mut speaker = Speaker {
        label: label.to_string(),
        role: Role::Unknown,
        name: None,
        iso3: None,
        on_behalf_of: None,
    };
    let key = normalize_key(label);
    if is_chair(&key) {
        speaker.role = Role::Chair;
        speaker.name = Some("Chair".to_string());
        return speaker;
    }
    if let Some((role, entry)) = lookup(&key) {
        fill(&mut speaker, role, entry);
        return speaker;
    }
    // "Group – Member" and "Member on behalf of Group": a group statement
    // delivered by one of its members.
    if let Some((group, member)) = split_group_label(&key) {
        if let Some((Role::Group, g)) = lookup(group) {
            speaker.role = Role::Group;
            speaker.on_behalf_of = Some(g.name.to_string());
            match lookup(member) {
                Some((_, m)) => {
                    speaker.name = Some(m.name.to_string());
                    speaker.iso3 = m.iso3.map(str::to_string);
                }
                None => speaker.name = Some(g.name.to_string()),
            }
            return speaker;
        }
    }
    // "UNIDIR Giacomo Persi Pauli", "Canada Ms. Smith": a known name
    // followed by a person.
    let words: Vec<&str> = key.split(' ').collect();
    for n in (1..words.len()).rev() {
        let prefix = words[..n].join(" ");
        if let Some((role, entry)) = lookup(&prefix) {
            fill(&mut speaker, role, entry);
            return speaker;
        }
    }
    if STAKEHOLDER_WORDS
        .iter()
        .any(|w| words.iter().any(|x| x == w) || (w.contains(' ') && key.contains(w)))
    {
        speaker.role = Role::Stakeholder;
    }
    speaker
}

fn fill(speaker: &mut Speaker, role: Role, entry: &Entry) {
    speaker.role = role;
    speaker.name = Some(entry.name.to_string());
    speaker.iso3 = entry.iso3.map(str::to_string);
}

/// Lower case, typographic apostrophes and dashes made plain, whitespace
/// collapsed, a leading "the" and trailing punctuation dropped.
fn normalize_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' => key.push('\''),
                '\u{2013}' | '\u{2014}' => key.push('-'),
                c => key.extend(c.to_lowercase()),
            }
        }
    }
    let key = key.trim_end_matches([':', ',', ';']);
    key.strip_prefix("the ").unwrap_or(key).to_string()
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

fn split_group_label(key: &str) -> Option<(&str, &str)> {
    if let Some((a, b)) = key.split_once(" - ") {
        return Some((a.trim(), b.trim()));
    }
    if let Some((member, group)) = key.split_once(" on behalf of ") {
        return Some((group.trim(), member.trim()));
    }
    None
}

fn lookup(key: &str) -> Option<(Role, &'static Entry)> {
    let key = key.strip_prefix("the ").unwrap_or(key);
    index().get(key).copied()
}

fn index() -> &'static HashMap<String, (Role, &'static Entry)> {
    static INDEX: OnceLock<HashMap<String, (Role, &'static Entry)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
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
                    map.insert(normalize_key(alias), (role, entry));
                }
            }
        }
        map
    })
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
        assert_eq!(role("Nigeria on behalf of the African Group"), Role::Group);
        assert_eq!(role("Holy See"), Role::Observer);
        assert_eq!(role("UNIDIR Giacomo Persi Pauli"), Role::Organization);
        assert_eq!(role("Microsoft"), Role::Stakeholder);
        assert_eq!(role("Chatham House Ms. Doe"), Role::Stakeholder);
        assert_eq!(role("Ambassador Smith"), Role::Unknown);
        assert_eq!(role("Chairs of something"), Role::Unknown);
        assert_eq!(role(""), Role::Unknown);
    }
}
