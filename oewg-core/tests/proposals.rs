//! Proposals over the real records in `../shared/seeds`: the facts issue
//! 11 states, and precision and recall against the hand-made labels in
//! `tests/labels/proposals.tsv` (written without looking at the
//! extractor).

use oewg_core::analysis::{Proposal, Stance};
use oewg_core::{parse, Session};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn seed(name: &str) -> Session {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seeds")
        .join(name);
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading seed {}: {e}", path.display()));
    parse(&src).unwrap()
}

const SEEDS: [(&str, &str); 2] = [
    ("000", "000_7135191b872dcc1d.txt"),
    ("004", "004_b03c78f8038a68f6.txt"),
];

fn find<'a>(s: &'a Session, id: &str) -> &'a Proposal {
    s.analysis
        .proposals
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no proposal {id}"))
}

/// The speakers whose statement takes `stance` on the proposal somewhere.
fn with_stance(p: &Proposal, stance: Stance) -> BTreeSet<&str> {
    p.mentions
        .iter()
        .filter(|m| m.stance == stance)
        .map(|m| m.speaker.as_str())
        .collect()
}

#[test]
fn canada_chile_in_004() {
    let s = seed(SEEDS[1].1);
    let p = find(&s, "canada-chile-proposal");
    assert_eq!(p.sponsors, ["Canada", "Chile"]);
    assert_eq!(p.cosponsors, Some(25));
    // l.418, Canada: "supported by 25 states that co-sponsor the
    // proposal, namely Australia, Belgium, Canada, …, and the United
    // Kingdom": the 25, by name. Those that say so themselves (Estonia
    // "co-sponsored by 25 states, including Estonia", Korea "the working
    // paper that we co-sponsored", New Zealand, Slovakia, the
    // Netherlands "has joined the group of co-sponsors") are among them.
    assert_eq!(p.cosponsor_names.len(), 25, "{:?}", p.cosponsor_names);
    for who in [
        "Australia",
        "Canada",
        "Chile",
        "Czechia",
        "Dominican Republic",
        "Estonia",
        "Kingdom of the Netherlands",
        "Kiribati",
        "New Zealand",
        "Republic of Korea",
        "Slovakia",
        "United Kingdom",
    ] {
        assert!(p.cosponsor_names.iter().any(|n| n == who), "{who}");
    }
    // l.460: Italy "co-sponsored the Working Paper on Gender … drafted by
    // Australia, Chile, Colombia, Fiji, the United Kingdom".
    let gender = find(&s, "australia-chile-colombia-fiji-united-kingdom-proposal");
    assert_eq!(gender.cosponsor_names, ["Italy"]);
    // No other proposal of either seed names co-sponsors.
    for (_, file) in SEEDS {
        let s = seed(file);
        let named: Vec<&str> = s
            .analysis
            .proposals
            .iter()
            .filter(|p| !p.cosponsor_names.is_empty())
            .map(|p| p.id.as_str())
            .collect();
        assert!(
            named.is_empty()
                || named
                    == [
                        "canada-chile-proposal",
                        "australia-chile-colombia-fiji-united-kingdom-proposal"
                    ],
            "{named:?}"
        );
    }
    let support = with_stance(p, Stance::Support);
    assert!(
        support.contains("Kingdom of the Netherlands"),
        "{support:?}"
    );
    // The Russian Federation's and Cuba's opposition to changing the
    // stakeholder modalities.
    let opposed: BTreeSet<&str> = s
        .analysis
        .proposals
        .iter()
        .flat_map(|p| p.mentions.iter())
        .filter(|m| m.stance == Stance::Oppose)
        .map(|m| m.speaker.as_str())
        .collect();
    assert!(opposed.contains("Russian Federation"), "{opposed:?}");
    assert!(opposed.contains("Cuba"), "{opposed:?}");
}

#[test]
fn chair_poa_and_template_in_000() {
    let s = seed(SEEDS[0].1);
    let chair = find(&s, "chairs-proposal");
    assert_eq!(chair.sponsors, ["Chair"]);
    let support = with_stance(chair, Stance::Support);
    assert!(support.len() >= 10, "{support:?}");
    // "We have not heard any formal objection to this compromise": no
    // objection, from three of its supporters.
    let oppose = with_stance(chair, Stance::Oppose);
    for who in ["Indonesia", "Latvia", "Denmark"] {
        assert!(support.contains(who), "{who}: {support:?}");
        assert!(!oppose.contains(who), "{who}: {oppose:?}");
    }
    // The revised proposal of 15 December.
    assert!(chair.mentions.iter().any(|m| {
        let text = &s.statements[m.statement].text[m.sentence.start..m.sentence.end];
        text.contains("15 December") || text.contains("15th")
    }));
    let poa = find(&s, "programme-of-action");
    assert!(with_stance(poa, Stance::Support).len() >= 5);
    let template = find(&s, "australia-mexico-template");
    assert_eq!(template.sponsors, ["Australia", "Mexico"]);
    assert!(!with_stance(template, Stance::Support).is_empty());
}

/// What the floor audit finds to be someone else's words is theirs in the
/// proposals and the alignments, and each analysis run alone agrees.
#[test]
fn chunks_the_audit_finds_are_credited_to_their_speakers() {
    let v = seed(SEEDS[0].1);
    // Cuba's words after the Chair's "Cuba, please." (statement 103).
    let nam = find(&v, "non-aligned-movement-proposal");
    assert_eq!(with_stance(nam, Stance::Support), BTreeSet::from(["Cuba"]));
    // Iraq's, after "I give the floor now to Iraq." (statement 46).
    let timeline = find(&v, "chairs-timeline");
    let in_46: BTreeSet<&str> = timeline
        .mentions
        .iter()
        .filter(|m| m.statement == 46)
        .map(|m| m.speaker.as_str())
        .collect();
    assert_eq!(in_46, BTreeSet::from(["Iraq"]));
    // The "Cuba:" chunk inside Chile's statement (58-60) is Chile's.
    let r = seed(SEEDS[1].1);
    let in_59: Vec<&str> = r
        .analysis
        .proposals
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| m.statement == 59)
        .map(|m| m.speaker.as_str())
        .collect();
    assert!(!in_59.is_empty());
    assert!(in_59.iter().all(|&who| who == "Chile"), "{in_59:?}");
    for s in [&v, &r] {
        assert_eq!(oewg_core::analysis::proposals(s), s.analysis.proposals);
        assert_eq!(oewg_core::analysis::alignments(s), s.analysis.alignments);
    }
}

#[test]
fn the_report_of_004_against_its_transcript() {
    let s = seed(SEEDS[1].1);
    let check = s.analysis.report_check.as_ref().expect("004 is a report");
    assert!(check.stance_claims_checked > 0);
    // Every listed claim is about two speakers heard in the transcript;
    // a contradiction always shows its proposals.
    let heard: BTreeSet<String> = s
        .statements
        .iter()
        .map(|st| st.speaker.name.as_deref().unwrap_or_default().to_string())
        .collect();
    for d in &check.stance_disagreements {
        let name = |n: &str| {
            oewg_core::speakers::resolve(n)
                .name
                .unwrap_or_default()
                .into_owned()
        };
        assert!(heard.contains(&name(&d.speaker)), "{}", d.speaker);
        assert!(heard.contains(&name(&d.other)), "{}", d.other);
        // Evidence is proposals, or for a difference an agreement said.
        assert_eq!(
            d.evidence.is_empty() && d.agreement.is_none(),
            d.finding == oewg_core::analysis::Finding::NoEvidence
        );
        assert!(d.agreement.is_none() || d.evidence.is_empty());
    }
    let claim = |a: &str, b: &str| {
        check
            .stance_disagreements
            .iter()
            .find(|d| {
                [d.speaker.as_str(), d.other.as_str()] == [a, b]
                    || [d.speaker.as_str(), d.other.as_str()] == [b, a]
            })
            .unwrap_or_else(|| panic!("the {a}–{b} claim"))
    };
    // The report says the United Kingdom differed with Canada on
    // stakeholder participation; both back the Canada–Chile paper on
    // stakeholders, speaking of stakeholders.
    let d = claim("United Kingdom", "Canada");
    assert_eq!(d.claim, oewg_core::analysis::Claim::Differed);
    assert_eq!(d.finding, oewg_core::analysis::Finding::Contradicted);
    assert!(d
        .evidence
        .iter()
        .any(|e| e.proposal == "canada-chile-proposal"
            && e.speaker_stance == Stance::Support
            && e.other_stance == Stance::Support));
    // Sides on the Chair's whole discussion paper, not taken speaking of
    // the claim's subject, show nothing of it: Russia is against it and
    // Senegal for it (the report: they agreed on keeping the modalities
    // for stakeholders, as both say).
    let d = claim("Russian Federation", "Senegal");
    assert_eq!(d.claim, oewg_core::analysis::Claim::Agreed);
    assert_eq!(d.finding, oewg_core::analysis::Finding::NoEvidence);
    // Chile and El Salvador both back the paper too, which says nothing
    // of the report's "Chile differed with El Salvador" on decision-making
    // ("Need for flexibility on consensus"); but Chile says of consensus
    // that it speaks "in a vein to what was said by Mexico and El
    // Salvador": that contradicts it.
    let d = claim("Chile", "El Salvador");
    assert_eq!(d.claim, oewg_core::analysis::Claim::Differed);
    assert_eq!(d.finding, oewg_core::analysis::Finding::Contradicted);
    let said = d.agreement.as_ref().expect("Chile's agreement");
    assert_eq!(
        (said.speaker.as_str(), said.aligned_with.as_str()),
        ("Chile", "El Salvador")
    );
    assert!(said
        .excerpt
        .text
        .contains("in a vein to what was said by Mexico and El Salvador"));
    assert!(d.evidence.is_empty());
    // The report says Canada and Iran differed on the thematic groups.
    // Both are against the Chair's paper, Canada as "largely
    // insufficient" (a concern) and Iran as too open to stakeholders: that
    // is no shared side, so the claim is not contradicted.
    let pair = |d: &&oewg_core::analysis::StanceDisagreement| {
        d.speaker == "Canada" && d.other == "Islamic Republic of Iran"
    };
    let d = check
        .stance_disagreements
        .iter()
        .find(pair)
        .expect("the Canada–Iran claim");
    assert_eq!(d.finding, oewg_core::analysis::Finding::NoEvidence);
    // The figures README.md gives: of 69 claims, 2 contradicted, 42
    // with no evidence, the rest borne out. Russia and Cuba both align
    // with Nicaragua, who is not heard in this record (and Russia with a
    // concept paper, Cuba with a statement): their "agreed" claim stays
    // without evidence.
    use oewg_core::analysis::Finding;
    let count = |f| {
        check
            .stance_disagreements
            .iter()
            .filter(|d| d.finding == f)
            .count()
    };
    assert_eq!(
        (
            check.stance_claims_checked,
            count(Finding::Contradicted),
            count(Finding::NoEvidence)
        ),
        (69, 2, 42)
    );
}

/// The argument check tells a speaker's own arguments from another's: the
/// report seed's arguments, each moved to every other speaker in turn,
/// are flagged far more often than where the report puts them. With one
/// shared word as support (before), a moved argument was flagged one time
/// in sixteen; with half the key terms, one in four (421 of 1600).
#[test]
fn arguments_moved_to_other_speakers_are_flagged() {
    let s = seed(SEEDS[1].1);
    let check = s.analysis.report_check.as_ref().expect("004 is a report");
    // Where the report puts them: Korea never says "voice", "vote" or
    // "principle", South Africa never "cross-cutting" or "areas".
    let flagged: Vec<(&str, Vec<&str>)> = check
        .unsupported_arguments
        .iter()
        .map(|u| {
            let missing = u.missing_terms.iter().map(String::as_str).collect();
            (u.speaker.as_str(), missing)
        })
        .collect();
    assert_eq!(
        flagged,
        [
            (
                "Republic of Korea",
                vec!["guided", "voice", "vote", "principle"]
            ),
            ("South Africa", vec!["cross", "cutting", "across", "areas"]),
        ]
    );
    assert_eq!(check.arguments_checked, 50);
    let blocks = s.report.as_ref().unwrap().speakers.len();
    let (mut moved, mut unsupported) = (0, 0);
    for shift in 1..blocks {
        let mut t = s.clone();
        let speakers = &mut t.report.as_mut().unwrap().speakers;
        let arguments: Vec<_> = speakers.iter().map(|b| b.arguments.clone()).collect();
        for (i, b) in speakers.iter_mut().enumerate() {
            b.arguments = arguments[(i + shift) % blocks].clone();
        }
        let c = oewg_core::analysis::report_check(&t).unwrap();
        moved += c.arguments_checked;
        unsupported += c.unsupported_arguments.len();
    }
    let share = unsupported as f64 / moved as f64;
    eprintln!("moved arguments flagged: {unsupported} of {moved} ({share:.3})");
    assert!(share >= 0.25, "{unsupported} of {moved}");
}

/// The label file's proposal keys and the extractor's ids, one to one,
/// per seed (a proposal is a session's; the Chair's proposal of 2021 and
/// his discussion paper of 2025 are both `chairs-proposal` to the
/// extractor). A delegation's second own proposal in a statement has an
/// id of its own, named by what it proposes.
const KEYS: &[(&str, &str, &str)] = &[
    (
        "000",
        "chair-revised-stakeholder-proposal",
        "chairs-proposal",
    ),
    (
        "000",
        "chair-stakeholder-decision-timeline",
        "chairs-timeline",
    ),
    ("000", "programme-of-action", "programme-of-action"),
    (
        "000",
        "australia-mexico-survey-template",
        "australia-mexico-template",
    ),
    (
        "000",
        "legally-binding-instrument",
        "legally-binding-instrument",
    ),
    (
        "000",
        "czechia-critical-infrastructure-resilience-proposal",
        "czechia-proposal",
    ),
    (
        "000",
        "nam-regular-dialogue-proposals",
        "non-aligned-movement-proposal",
    ),
    (
        "000",
        "brazil-capacity-building-coordination-mechanism",
        "brazil-proposal",
    ),
    (
        "000",
        "singapore-cyber-fellowship-proposal",
        "singapore-proposal",
    ),
    (
        "000",
        "indonesia-stakeholder-capacity-building-idea",
        "indonesia-proposal",
    ),
    (
        "000",
        "russia-oewg-regional-organizations-proposal",
        "russian-federation-proposal",
    ),
    (
        "000",
        "canada-transparency-proposal-2021",
        "canada-proposal",
    ),
    ("000", "capacity-building-trust-fund", "trust-fund"),
    (
        "000",
        "czechia-cyber-in-un-digital-development-proposal",
        "czechia-proposal-mainstreaming-cybersecurity-digital",
    ),
    ("000", "poc-network", "poc-network"),
    ("000", "poc-tabletop-exercises", "tabletop-exercises"),
    (
        "000",
        "incident-response-repository",
        "incident-response-repository",
    ),
    (
        "000",
        "vulnerability-disclosure-mechanisms",
        "vulnerability-disclosure-mechanisms",
    ),
    (
        "004",
        "ahc-stakeholder-modalities-model",
        "ad-hoc-committee-modalities",
    ),
    (
        "004",
        "el-salvador-threat-landscape-group",
        "el-salvador-proposal-thematic-group-proposed",
    ),
    (
        "004",
        "russia-pillar-based-thematic-groups",
        "russian-federation-proposal-building-work-thematic",
    ),
    (
        "004",
        "netherlands-cyclical-capacity-building-approach",
        "kingdom-of-the-netherlands-proposal",
    ),
    ("000", "cyber-policy-portal", "unitary-cyber-policy-portal"),
    ("004", "global-ict-security-portal", "global-portal"),
    ("004", "chair-discussion-paper", "chairs-proposal"),
    ("004", "programme-of-action", "programme-of-action"),
    (
        "004",
        "canada-chile-stakeholder-proposal",
        "canada-chile-proposal",
    ),
    ("004", "france-thematic-groups-paper", "france-proposal"),
    (
        "004",
        "legally-binding-instrument",
        "legally-binding-instrument",
    ),
    (
        "004",
        "african-group-three-thematic-groups",
        "african-group-proposal",
    ),
    (
        "004",
        "gender-working-paper",
        "australia-chile-colombia-fiji-united-kingdom-proposal",
    ),
    ("004", "latam-capacity-building-paper", "argentina-proposal"),
    (
        "004",
        "el-salvador-consultation-timeframes",
        "el-salvador-proposal",
    ),
    ("004", "mexico-consultation-time-limits", "mexico-proposal"),
    (
        "004",
        "russia-voluntary-disclosure-proposal",
        "russian-federation-proposal",
    ),
    ("004", "brazil-three-thematic-groups", "brazil-proposal"),
    (
        "004",
        "china-meeting-organization-proposal",
        "china-proposal",
    ),
    (
        "004",
        "netherlands-stakeholder-oral-statements-proposal",
        "kingdom-of-the-netherlands-proposal-allocating-dedicated-time",
    ),
    (
        "004",
        "chile-stakeholder-participation-ideas",
        "chile-proposal",
    ),
    (
        "004",
        "switzerland-ihl-language-proposal",
        "switzerland-proposal",
    ),
    (
        "004",
        "guatemala-thematic-groups-document",
        "guatemala-proposal",
    ),
    (
        "004",
        "like-minded-concept-paper",
        "group-of-like-minded-states-proposal",
    ),
];

type Row = (String, usize, String);

fn labels() -> BTreeMap<Row, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/labels/proposals.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "seed" {
            continue;
        }
        let stmt: usize = f[1].parse().unwrap();
        out.insert((f[0].to_string(), stmt, f[2].to_string()), f[4].to_string());
    }
    out
}

/// The statement's stance on a proposal from its mentions in order, by
/// the rule every view of the library puts a speaker on one side with
/// (`Stance::side`): support when more mentions support than oppose or
/// have concerns; when more are against, the more said of oppose and
/// concern; a tie going to the side of the latest mention among those
/// tied; with no side, `neutral` if a mention is, else `reference`.
fn statement_stance(stances: &[Stance]) -> Stance {
    let count = |s: Stance| stances.iter().filter(|&&x| x == s).count();
    let latest = |s: &[Stance]| stances.iter().rposition(|x| s.contains(x));
    let (support, oppose, concern) = (
        count(Stance::Support),
        count(Stance::Oppose),
        count(Stance::Concern),
    );
    let against = match oppose.cmp(&concern) {
        std::cmp::Ordering::Greater => Stance::Oppose,
        std::cmp::Ordering::Less => Stance::Concern,
        std::cmp::Ordering::Equal => {
            if latest(&[Stance::Oppose]) > latest(&[Stance::Concern]) {
                Stance::Oppose
            } else {
                Stance::Concern
            }
        }
    };
    if support + oppose + concern == 0 {
        if stances.contains(&Stance::Neutral) {
            Stance::Neutral
        } else {
            Stance::Reference
        }
    } else if support > oppose + concern
        || support == oppose + concern
            && latest(&[Stance::Support]) > latest(&[Stance::Oppose, Stance::Concern])
    {
        Stance::Support
    } else {
        against
    }
}

#[test]
fn precision_and_recall_against_the_labels() {
    let gold = labels();
    let mut got: BTreeMap<Row, String> = BTreeMap::new();
    for (tag, file) in SEEDS {
        let s = seed(file);
        let key_of: BTreeMap<&str, &str> = KEYS
            .iter()
            .filter(|k| k.0 == tag)
            .map(|k| (k.2, k.1))
            .collect();
        for p in &s.analysis.proposals {
            let key = key_of
                .get(p.id.as_str())
                .map_or(p.id.clone(), |k| k.to_string());
            let mut per: BTreeMap<usize, Vec<Stance>> = BTreeMap::new();
            for m in &p.mentions {
                per.entry(m.statement).or_default().push(m.stance);
            }
            for (st, stances) in per {
                got.insert(
                    (tag.to_string(), st, key.clone()),
                    statement_stance(&stances).as_str().to_string(),
                );
            }
        }
    }
    let verbose = std::env::var_os("PROPOSALS_VERBOSE").is_some();
    let mut hit = 0;
    let mut stance_hit = 0;
    for (row, stance) in &got {
        match gold.get(row) {
            Some(g) => {
                hit += 1;
                if g == stance {
                    stance_hit += 1;
                } else if verbose {
                    println!("STANCE {row:?}: got {stance}, label {g}");
                }
            }
            None if verbose => println!("EXTRA  {row:?} {stance}"),
            None => {}
        }
    }
    if verbose {
        for (row, g) in &gold {
            if !got.contains_key(row) {
                println!("MISSED {row:?} {g}");
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mention_p = ratio(hit, got.len());
    let mention_r = ratio(hit, gold.len());
    let stance_p = ratio(stance_hit, got.len());
    let stance_r = ratio(stance_hit, gold.len());
    println!(
        "mentions: precision {mention_p:.3} ({hit}/{}), recall {mention_r:.3} ({hit}/{})",
        got.len(),
        gold.len()
    );
    println!(
        "stances:  precision {stance_p:.3} ({stance_hit}/{}), recall {stance_r:.3} ({stance_hit}/{})",
        got.len(),
        gold.len()
    );
    // Issue 11's bar is 0.8 for each; the floors are the figures measured
    // when they were last raised (mentions 0.981 and 0.888, stances 0.920
    // and 0.832), rounded down, so a regression fails.
    for (what, v, floor) in [
        ("mention precision", mention_p, 0.98),
        ("stance precision", stance_p, 0.919),
        ("mention recall", mention_r, 0.88),
        ("stance recall", stance_r, 0.83),
    ] {
        assert!(v >= floor, "{what} {v:.3} < {floor}");
    }
}
