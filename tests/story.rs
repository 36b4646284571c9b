//! Stories in a pile of articles, and happening links inside a story.

use std::collections::{HashMap, HashSet};

use corroborate::reconcile::graph::EdgeKind;
use corroborate::reconcile::report::Difference;
use corroborate::{ClaimId, Config, Reconciler, Reconciliation, Source};

use crate::common::fixture;

fn reconcile(paths: &[std::path::PathBuf]) -> Reconciliation {
    let mut reconciler = Reconciler::new(Config::default());
    for path in paths {
        reconciler.add_source(&Source::from_file(path).unwrap()).unwrap();
    }
    reconciler.reconcile()
}

/// The id of the first claim whose text holds `words`.
fn claim_with(report: &Reconciliation, words: &str) -> ClaimId {
    report.claims.iter().find(|c| c.text.contains(words)).map(|c| c.id.clone()).expect(words)
}

/// The differences that name both claims.
fn differences_between<'r>(
    report: &'r Reconciliation,
    a: &ClaimId,
    b: &ClaimId,
) -> impl Iterator<Item = &'r Difference> {
    report.differences.iter().filter(move |d| d.claims.contains(a) && d.claims.contains(b))
}

fn ferry_and_wildfire() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = ["brenport_gazette", "coastal_times", "harbour_post", "island_radio"]
        .iter()
        .map(|n| fixture(&format!("ferry/{n}.txt")))
        .collect();
    paths.push(fixture("wildfire_dispatch.txt"));
    paths.push(fixture("wildfire_ledger.txt"));
    paths
}

#[test]
fn two_stories_in_one_pile_are_told_apart() {
    let report = reconcile(&ferry_and_wildfire());
    let story_of: HashMap<&str, _> = report
        .stories
        .iter()
        .flat_map(|s| s.sources.iter().map(move |src| (src.as_str(), s.id)))
        .collect();
    // Every source is in exactly one story.
    assert_eq!(story_of.len(), report.sources.len());
    let n_listed: usize = report.stories.iter().map(|s| s.sources.len()).sum();
    assert_eq!(n_listed, report.sources.len());
    // The four ferry reports are one story, the two wildfire reports another.
    let ferry = story_of["brenport_gazette"];
    for s in ["coastal_times", "harbour_post", "island_radio"] {
        assert_eq!(story_of[s], ferry, "{s}");
    }
    assert_eq!(story_of["wildfire_dispatch"], story_of["wildfire_ledger"]);
    assert_ne!(story_of["wildfire_dispatch"], ferry);
    // No fact and no edge crosses two stories, and each fact names its sources' story.
    for fact in &report.facts {
        for s in &fact.sources {
            assert_eq!(story_of[s.as_str()], fact.story, "fact {}", fact.id);
        }
    }
    for (a, b, _) in report.graph().edges() {
        assert_eq!(story_of[a.source().as_str()], story_of[b.source().as_str()], "{a} - {b}");
    }
    // A label a person can read: names the sources share.
    let ferry_label = &report.stories[ferry.0].label;
    assert!(
        ferry_label.contains("Corrin Island") || ferry_label.contains("Saltmarsh Star"),
        "{ferry_label}"
    );
}

#[test]
fn stories_do_not_depend_on_source_order() {
    let mut paths = ferry_and_wildfire();
    let groups = |r: &Reconciliation| -> HashSet<Vec<String>> {
        r.stories
            .iter()
            .map(|s| {
                let mut v: Vec<String> = s.sources.iter().map(|x| x.to_string()).collect();
                v.sort();
                v
            })
            .collect()
    };
    let forward = groups(&reconcile(&paths));
    paths.reverse();
    assert_eq!(groups(&reconcile(&paths)), forward);
}

#[test]
fn one_happening_in_other_words_is_related_not_merged() {
    let report =
        reconcile(&[fixture("happening/acme_daily.txt"), fixture("happening/market_wire.txt")]);
    assert_eq!(report.stories.len(), 1);
    let find = |needle: &str| report.claims.iter().find(|c| c.text.contains(needle)).unwrap();
    let (deal, bid) = (find("has agreed to buy"), find("unveiled an offer"));
    let edge = report.graph().edge(&deal.id, &bid.id).expect("the two tellings are connected");
    // Either the paraphrase scorer put them in one fact, or the happening model related them.
    let same_fact = report.fact_of(&deal.id).map(|f| f.id) == report.fact_of(&bid.id).map(|f| f.id);
    assert!(same_fact || edge.kind == EdgeKind::Related, "{:?}", edge.kind);
    // Lead claims about other things are not tied to the deal.
    let shares = find("Shares of Lumen Labs");
    let regulators = find("approval from regulators");
    assert!(report.graph().edge(&regulators.id, &shares.id).is_none());
}

#[test]
fn a_near_verbatim_copy_counts_as_one_independent_source() {
    let report = reconcile(&[
        fixture("copies/river_gazette.txt"),
        fixture("copies/valley_network.txt"),
        fixture("copies/senn_courier.txt"),
    ]);
    let copy_of: HashMap<&str, Option<&str>> = report
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.copy_of.as_ref().map(|o| o.as_str())))
        .collect();
    assert_eq!(copy_of["valley_network"], Some("river_gazette"));
    assert_eq!(copy_of["river_gazette"], None);
    assert_eq!(copy_of["senn_courier"], None, "written independently");
    let mut copies_only = 0;
    for fact in &report.facts {
        let independent: HashSet<&str> =
            fact.sources.iter().map(|s| copy_of[s.as_str()].unwrap_or(s.as_str())).collect();
        assert_eq!(fact.independent_sources, independent.len(), "{}", fact.id);
        if fact.sources.len() > 1 && independent.len() < 2 {
            copies_only += 1;
            assert_eq!(
                fact.status,
                corroborate::reconcile::report::FactStatus::SingleSource,
                "{}",
                fact.id
            );
        }
    }
    // The agency's sentences the independent report does not tell are carried by the copies alone.
    assert!(copies_only > 0);
    // The JSON report names the original of each copy, and null for the others.
    let json = corroborate::render::to_json(&report);
    let sources = json["sources"].as_array().unwrap();
    assert!(sources.iter().any(|s| s["copy_of"] == "river_gazette"));
    assert!(sources.iter().any(|s| s["copy_of"].is_null()));
    assert!(json["facts"][0]["independent_sources"].is_u64());
}

/// A headline checked against an article: a source that is nothing but a headline is a brief.
fn headline_against(headline: &str, article: &str) -> Reconciliation {
    headline_against_with(headline, article, Config::default())
}

fn headline_against_with(headline: &str, article: &str, config: Config) -> Reconciliation {
    let mut reconciler = Reconciler::new(config);
    reconciler.add_source(&Source::new("h", headline).unwrap()).unwrap();
    let body = std::fs::read_to_string(fixture(article)).unwrap();
    reconciler.add_source(&Source::new("b", body).unwrap()).unwrap();
    reconciler.reconcile()
}

/// The body claims in one fact with the headline's claim.
fn joined_to_headline(report: &Reconciliation) -> Vec<String> {
    let fact = report.facts.iter().find(|f| f.claims.iter().any(|c| c.source().as_str() == "h"));
    fact.map(|f| {
        f.claims
            .iter()
            .filter(|c| c.source().as_str() == "b")
            .map(|c| report.claim(c).unwrap().text.clone())
            .collect()
    })
    .unwrap_or_default()
}

#[test]
fn a_headline_joins_the_claim_of_its_article_that_tells_it() {
    // In title case, fewer words than the lead, and scoring below the link threshold with it.
    let report = headline_against(
        "Ferry Runs Aground Off Corrin Island With 240 On Board",
        "ferry/coastal_times.txt",
    );
    assert_eq!(report.stories.len(), 1, "{:?}", report.stories);
    assert_eq!(report.claims.iter().filter(|c| c.source.as_str() == "h").count(), 1);
    let joined = joined_to_headline(&report);
    assert_eq!(joined.len(), 1, "{joined:?}");
    assert!(joined[0].starts_with("The Saltmarsh Star ferry struck a sandbank"), "{joined:?}");
    let fact = report.facts.iter().find(|f| f.sources.len() == 2).unwrap();
    assert_eq!(fact.status, corroborate::reconcile::report::FactStatus::Corroborated);

    // A headline that denies it joins the same claim. Read whole, the article does not dispute
    // the headline, and with the stance on (the default) a denial against one sentence is no
    // `account` difference (on FNC-1 such denials were as often in agreeing pairs as in
    // disputing ones). Compared claim by claim, the fact is contested.
    let denial = "Saltmarsh Star Ferry Did Not Strike A Sandbank, Owner Says";
    let report = headline_against(denial, "ferry/coastal_times.txt");
    let joined = joined_to_headline(&report);
    assert!(joined.iter().any(|t| t.contains("struck a sandbank")), "{joined:?}");
    let fact = report.facts.iter().find(|f| f.sources.len() == 2).unwrap();
    assert_eq!(fact.status, corroborate::reconcile::report::FactStatus::Corroborated);
    let mut config = Config::default();
    config.diff.brief_stance(false);
    let report = headline_against_with(denial, "ferry/coastal_times.txt", config);
    let fact = report.facts.iter().find(|f| f.sources.len() == 2).unwrap();
    assert_eq!(fact.status, corroborate::reconcile::report::FactStatus::Contested);
}

#[test]
fn a_headline_on_another_story_joins_nothing() {
    let report = headline_against(
        "Ferry Runs Aground Off Corrin Island With 240 On Board",
        "wildfire_ledger.txt",
    );
    assert_eq!(report.stories.len(), 2, "{:?}", report.stories);
    assert!(joined_to_headline(&report).is_empty());
    assert!(report.graph().edges().next().is_none());
}

#[test]
fn a_claim_that_calls_another_untrue_conflicts_with_it() {
    let mut reconciler = Reconciler::new(Config::default());
    // Three sentences each: a source of one or two claims is a brief (see the headline tests).
    let a = "Police arrested the singer Mara Voss at her home in Deltport on Friday.\n\
             Her new album was released in March and sold well in Norway.\n\
             Tickets for her autumn concerts went on sale last week.\n";
    let b = "Reports that Mara Voss was arrested in Deltport are false, her manager said on Saturday.\n\
             The singer is on a tour of northern Norway with her band until June.\n\
             Her manager asked fans to ignore rumours spread online.\n";
    reconciler.add_source(&Source::new("a", a).unwrap()).unwrap();
    reconciler.add_source(&Source::new("b", b).unwrap()).unwrap();
    let report = reconciler.reconcile();
    assert_eq!(report.stories.len(), 1, "{:?}", report.stories);
    let (arrest, denial) = (report.claims[0].id.clone(), report.claims[3].id.clone());
    assert!(report.claims[3].text.starts_with("Reports that Mara Voss"));
    let edge = report.graph().edge(&arrest, &denial).expect("an edge between them");
    assert_eq!(edge.kind, EdgeKind::Conflicts);
    let d =
        differences_between(&report, &arrest, &denial).next().expect("a difference naming both");
    assert!(
        matches!(
            d.kind,
            corroborate::reconcile::report::DifferenceKind::Account
                | corroborate::reconcile::report::DifferenceKind::Polarity
        ),
        "{d:?}"
    );
    for id in [&arrest, &denial] {
        let fact = report.facts.iter().find(|f| f.claims.contains(id)).unwrap();
        assert_eq!(fact.status, corroborate::reconcile::report::FactStatus::Contested, "{id}");
    }
    // The claims no one disputes are not contested.
    let tour = &report.claims[4].id;
    let fact = report.facts.iter().find(|f| f.claims.contains(tour)).unwrap();
    assert_ne!(fact.status, corroborate::reconcile::report::FactStatus::Contested);
}

#[test]
fn a_report_called_a_hoax_disputes_the_headline_that_states_it() {
    let mut reconciler = Reconciler::new(Config::default());
    let headline = "Giant Squid Found Alive In Harbour At Deltport";
    let body = "A photograph of a giant squid in the harbour at Deltport was shared widely on Tuesday.\n\
                Marine biologists at the Deltport aquarium said the picture is a hoax.\n\
                The image was first posted by an account that sells posters of sea creatures.\n";
    reconciler.add_source(&Source::new("h", headline).unwrap()).unwrap();
    reconciler.add_source(&Source::new("b", body).unwrap()).unwrap();
    let report = reconciler.reconcile();
    let h = &report.claims.iter().find(|c| c.source.as_str() == "h").unwrap().id;
    let hoax = &report.claims.iter().find(|c| c.text.contains("hoax")).unwrap().id;
    assert!(differences_between(&report, h, hoax).next().is_some(), "{:#?}", report.differences);
    let fact = report.facts.iter().find(|f| f.claims.contains(h)).unwrap();
    assert_eq!(fact.status, corroborate::reconcile::report::FactStatus::Contested);
}

/// A headline against an article of eight sentences: read whole, one debunks the headline and
/// one confirms it. Neither denial nor confirmation sits in the headline's best match alone.
#[test]
fn an_article_read_whole_disputes_the_headline_it_debunks() {
    use corroborate::reconcile::report::{DifferenceKind, FactStatus};
    let headline = "Shark Swims Down Flooded Street In Marlow";
    let debunk = "A video said to show a shark swimming down a flooded street in Marlow went viral on social media on Sunday.\n\
        The clip was shared thousands of times on Facebook and Twitter after the storm.\n\
        But the video is a fake.\n\
        The same footage was posted online three years ago and was doctored to add the shark, a fact-checking site found.\n\
        City officials said there was no evidence of any shark in the town.\n\
        The story was picked up by several websites before it was debunked.\n\
        Police asked residents not to share false reports during the flood.\n\
        The storm damaged dozens of homes in the area.\n";
    let confirm = "A shark swam down a flooded street in Marlow on Sunday, city officials confirmed.\n\
        Residents filmed the animal as it moved past parked cars after the storm surge.\n\
        Marine experts said it was probably a small bull shark carried in by the tide.\n\
        The animal later returned to the river as the water fell, officials said.\n\
        Nobody was hurt, police said.\n\
        The storm damaged dozens of homes in the area.\n";
    let run = |body: &str, config: Config| {
        let mut reconciler = Reconciler::new(config);
        reconciler.add_source(&Source::new("h", headline).unwrap()).unwrap();
        reconciler.add_source(&Source::new("b", body).unwrap()).unwrap();
        reconciler.reconcile()
    };
    let report = run(debunk, Config::default());
    let h = &report.claims.iter().find(|c| c.source.as_str() == "h").unwrap().id;
    let fact = report.facts.iter().find(|f| f.claims.contains(h)).unwrap();
    assert_eq!(fact.sources.len(), 2, "the headline joins a claim of the article: {fact:?}");
    assert_eq!(fact.status, FactStatus::Contested);
    let d = report
        .differences
        .iter()
        .find(|d| d.claims.contains(h) && d.kind == DifferenceKind::Account)
        .expect("an account difference with the headline");
    assert!(d.summary.starts_with("b, read whole, disputes what h says"), "{}", d.summary);
    assert!(d.summary.contains("\u{201c}fake\u{201d}"), "{}", d.summary);

    let report = run(confirm, Config::default());
    let h = &report.claims.iter().find(|c| c.source.as_str() == "h").unwrap().id;
    let fact = report.facts.iter().find(|f| f.claims.contains(h)).unwrap();
    assert_eq!(fact.sources.len(), 2);
    assert_eq!(fact.status, FactStatus::Corroborated, "{:#?}", report.differences);

    // With the stance off, the debunking article gives no whole-article difference.
    let mut config = Config::default();
    config.diff.brief_stance(false);
    let report = run(debunk, config);
    assert!(report.differences.iter().all(|d| !d.summary.contains("read whole")));
}

/// A headline whose few words give it a low story probability with its article joins the
/// article's story at `StoryConfig::brief_threshold`, not at the story threshold.
#[test]
fn a_headline_left_alone_joins_its_articles_story() {
    let headline = "Eyewitness Says Flood Footage Was Staged";
    let article = "A video said to show a shark swimming down a flooded street in Marlow went viral on social media on Sunday.\n\
        The clip was shared thousands of times after the storm.\n\
        A resident who filmed the street that day said the shark was added to the footage later.\n\
        City officials said there was no evidence of any shark in the town.\n\
        The storm damaged dozens of homes in the area.\n";
    let run = |config: Config| {
        let mut reconciler = Reconciler::new(config);
        reconciler.add_source(&Source::new("h", headline).unwrap()).unwrap();
        reconciler.add_source(&Source::new("b", article).unwrap()).unwrap();
        reconciler.reconcile()
    };
    let report = run(Config::default());
    assert_eq!(report.stories.len(), 1, "{:?}", report.stories);
    // At the story threshold alone, it is a story of its own.
    let mut config = Config::default();
    config.group.stories.brief_threshold = 1.0;
    let report = run(config);
    assert_eq!(report.stories.len(), 2, "{:?}", report.stories);
}

/// The stories of a run as sets of source ids.
fn story_sets(report: &Reconciliation) -> Vec<HashSet<String>> {
    report.stories.iter().map(|s| s.sources.iter().map(|x| x.to_string()).collect()).collect()
}

#[test]
fn a_follow_up_told_in_other_words_joins_its_story_and_a_lone_article_stays_alone() {
    // A report three days on (the ferry refloated) shares the ship, the island and the operator
    // with the four reports of the grounding, but little else: below the story threshold on
    // average, far closer to them than to anything else in the pile.
    let mut paths = ferry_and_wildfire();
    paths.push(fixture("ferry_refloated.txt"));
    paths.push(fixture("lagoon_wire.txt"));
    let with = |small_sources: usize| {
        let mut config = Config::default();
        config.group.stories.small_sources = small_sources;
        let mut reconciler = Reconciler::new(config);
        for path in &paths {
            reconciler.add_source(&Source::from_file(path).unwrap()).unwrap();
        }
        story_sets(&reconciler.reconcile())
    };
    let ferry = |stories: &[HashSet<String>]| {
        stories.iter().find(|s| s.contains("brenport_gazette")).cloned().unwrap()
    };
    let joined = with(2);
    let story = ferry(&joined);
    assert!(story.contains("ferry_refloated"), "{joined:?}");
    assert_eq!(story.len(), 5, "{joined:?}");
    // The flood-barrier report is on no other story of the pile: it stays a story of its own.
    assert!(joined.iter().any(|s| s.len() == 1 && s.contains("lagoon_wire")), "{joined:?}");
    // Without small stories joining, the follow-up is left alone.
    let apart = with(0);
    assert!(!ferry(&apart).contains("ferry_refloated"), "{apart:?}");
}

#[test]
fn one_subject_acting_on_one_thing_is_related_and_a_condition_against_a_decision_differs() {
    use corroborate::reconcile::report::{DifferenceKind, FactStatus};
    let mut reconciler = Reconciler::new(Config::default());
    let a = "Dock workers in Selmar walked out on Monday over pay and night shifts.\n\
             The harbour council has echoed the union\u{2019}s call for tougher penalties on shipowners if they refuse to talk.\n\
             Two grain ships were turned away from the port on Tuesday.\n";
    let b = "The strike at the Selmar docks entered its third day on Wednesday.\n\
             The harbour council opted to step up penalties against Norlin Shipping after the vote.\n\
             A union spokesman said talks with the port board would resume on Friday.\n";
    reconciler.add_source(&Source::new("a", a).unwrap()).unwrap();
    reconciler.add_source(&Source::new("b", b).unwrap()).unwrap();
    let report = reconciler.reconcile();
    assert_eq!(report.stories.len(), 1, "{:?}", report.stories);
    let id = |words: &str| claim_with(&report, words);
    let (backed, opted) = (id("has echoed"), id("opted to step up"));
    // Two statements, not one fact: one backs a call under a condition, one tells a decision.
    assert_ne!(report.fact_of(&backed).unwrap().id, report.fact_of(&opted).unwrap().id);
    let edge = report.graph().edge(&backed, &opted).expect("an edge between them");
    assert_eq!(edge.kind, EdgeKind::Conflicts);
    let d = differences_between(&report, &backed, &opted).next().expect("a difference naming both");
    assert_eq!(d.kind, DifferenceKind::Modality, "{d:?}");
    assert!(d.summary.contains("b states it as definite"), "{}", d.summary);
    // A fact of one source that another source's claim differs from is contested, and so is the
    // other's: the text report shows the difference under both.
    assert_eq!(report.fact_of(&backed).unwrap().status, FactStatus::Contested);
    assert_eq!(report.fact_of(&opted).unwrap().status, FactStatus::Contested);
    let text = corroborate::render::to_text(&report);
    let listed = text.split("WHERE THE SOURCES DIFFER").nth(1).unwrap_or_default();
    assert_eq!(listed.matches("only under a condition").count(), 2, "{text}");
    // Two claims of one happening with different subjects (the workers, the strike) may be
    // related, but nothing sets them against each other.
    let (walked, third_day) = (id("walked out"), id("third day"));
    if let Some(edge) = report.graph().edge(&walked, &third_day) {
        assert_ne!(edge.kind, EdgeKind::Conflicts);
    }
}

#[test]
fn no_one_hurt_against_a_count_of_the_injured_differs_only_of_one_day() {
    use corroborate::reconcile::report::{DifferenceKind, FactStatus};
    // Two articles on one night of unrest in an invented town, and a third on the night after.
    let a = "Crowds marched through central Varne on Tuesday night after the verdict.\n\
             Police said no one was hurt as the crowds dispersed before midnight.\n\
             Shop owners along the quay boarded up their windows.\n";
    let b = "Protesters filled the streets of Varne on Tuesday after the verdict was read.\n\
             Three officers suffered minor injuries when a barricade gave way.\n\
             The mayor called for calm and thanked the marchers who stayed peaceful.\n";
    let c = "A second night of marches in Varne followed on Wednesday.\n\
             No injuries were reported, a police spokesman said.\n\
             The crowds were smaller than the night before.\n";
    let mut reconciler = Reconciler::new(Config::default());
    for (id, text) in [("a", a), ("b", b), ("c", c)] {
        reconciler.add_source(&Source::new(id, text).unwrap()).unwrap();
    }
    let report = reconciler.reconcile();
    let id = |words: &str| claim_with(&report, words);
    let (none_tuesday, three, none_wednesday) =
        (id("no one was hurt"), id("Three officers"), id("No injuries"));
    let tuesday = differences_between(&report, &none_tuesday, &three)
        .next()
        .expect("no one hurt against three officers injured, both of Tuesday");
    assert_eq!(tuesday.kind, DifferenceKind::Quantity);
    assert!(tuesday.summary.contains("no one was hurt"), "{}", tuesday.summary);
    assert_eq!(report.graph().edge(&none_tuesday, &three).unwrap().kind, EdgeKind::Conflicts);
    assert_eq!(report.fact_of(&three).unwrap().status, FactStatus::Contested);
    // Wednesday's "no injuries" tells another night: no difference with Tuesday's count.
    assert_eq!(
        differences_between(&report, &none_wednesday, &three).count(),
        0,
        "{:?}",
        report.differences
    );
}
