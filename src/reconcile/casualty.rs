//! Casualty counts told across facts: "no one was hurt" against "two officers were injured".
//!
//! The two share no content word, so alignment never pairs them, yet they cannot both be true of
//! one happening. A story often holds several happenings, though (two nights of protest, a fire
//! and the one a week later), and nothing in either sentence says which one it tells. So a zero
//! is held against a count only when both claims tell one day: a date or weekday in the claim, or
//! in one of the few claims before it in its article (news names the day once, then goes on).
//! Where either day is unknown, nothing is said.

use std::collections::BTreeMap;
use std::str::FromStr;

use crate::model::{Claim, Date, Modality, Weekday};
use crate::reconcile::diff::{DifferenceKind, PairDifference};
use crate::text::{plain_lower, words};

/// What a casualty count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Harm {
    /// Killed, dead, died, deaths, fatalities.
    Killed,
    /// Injured, hurt, wounded, injuries.
    Hurt,
    /// Casualties: the dead and the hurt.
    Either,
}

impl Harm {
    fn of(w: &str) -> Option<Harm> {
        Some(match w {
            "killed" | "dead" | "died" | "deaths" | "fatalities" | "killing" => Harm::Killed,
            "injured" | "hurt" | "wounded" | "injuries" | "injuring" | "wounding" | "harmed" => {
                Harm::Hurt
            }
            "casualties" => Harm::Either,
            _ => return None,
        })
    }

    /// Whether "none of `self`" cannot be true beside "some of `other`": no one hurt against
    /// two killed, no casualties against either; no one killed against two hurt is no conflict.
    fn excludes(self, other: Harm) -> bool {
        match self {
            Harm::Either | Harm::Hurt => true,
            Harm::Killed => matches!(other, Harm::Killed | Harm::Either),
        }
    }
}

/// A claim's casualty count: how many, of what, and the words that say it.
#[derive(Clone, Debug, PartialEq)]
struct Casualties {
    harm: Harm,
    count: f64,
    words: String,
}

/// Words that say no one ("no one was hurt", "nobody died", "there were no casualties").
const NONE: &[&str] = &["no", "nobody", "no-one", "none"];

/// The casualty count a claim states, if it states one flatly: a zero ("no one was hurt", "no
/// injuries were reported", "nobody died") or a number within four words before a word of harm
/// ("12 people were killed", "two officers suffered minor injuries") or three after a verb of
/// harm ("killing three"). Not "no immediate reports of injuries" (nothing was known yet), "no
/// one else" (some were), "no one was seriously hurt" (some may have been), nor a hedged,
/// conditional or questioning claim.
fn casualties(claim: &Claim) -> Option<Casualties> {
    // Most claims name no harm at all: a look for the stems first, before any word is cut.
    const STEMS: &[&str] =
        &["kill", "dead", "died", "death", "fatal", "injur", "hurt", "wound", "harm", "casualt"];
    let named = |stem: &str| {
        claim.text.as_bytes().windows(stem.len()).any(|w| w.eq_ignore_ascii_case(stem.as_bytes()))
    };
    if claim.modality != Modality::Asserted || !STEMS.iter().any(|s| named(s)) {
        return None;
    }
    let ws: Vec<(usize, String)> =
        words(&claim.text).map(|w| (w.start, plain_lower(w.text))).collect();
    let lower: Vec<&str> = ws.iter().map(|(_, w)| w.as_str()).collect();
    let span = |from: usize, to: usize| {
        let end = ws[to].0 + ws[to].1.len();
        claim.text.get(ws[from].0..end).unwrap_or_default().to_string()
    };
    for (i, w) in lower.iter().enumerate() {
        let Some(harm) = Harm::of(w) else { continue };
        // A zero: "no" (or "no one", "nobody") within four words before the harm word, with
        // nothing between that qualifies it.
        let from = i.saturating_sub(4);
        if let Some(n) = (from..i).rev().find(|&k| NONE.contains(&lower[k])) {
            let between = &lower[n + 1..i];
            let qualified = between.iter().any(|b| {
                matches!(
                    *b,
                    "immediate"
                        | "reports"
                        | "report"
                        | "else"
                        | "seriously"
                        | "critically"
                        | "other"
                        | "further"
                        | "more"
                        | "major"
                        | "serious"
                )
            });
            let one = between.first().is_none_or(|b| matches!(*b, "one" | "was" | "were"))
                || lower[n] != "no";
            if !qualified && one && !between.contains(&"not") {
                return Some(Casualties { harm, count: 0.0, words: span(n, i) });
            }
        }
        // A count: a number a few words before the harm word, or after a verb of harm.
        let number_at = |k: usize| {
            let at = claim.start + ws[k].0;
            claim.quantities.iter().find(|q| q.start <= at && at < q.end && q.value > 0.0)
        };
        let before = (i.saturating_sub(4)..i).rev().find_map(|k| number_at(k).map(|q| (k, q)));
        let after = || {
            w.ends_with("ing")
                .then(|| (i + 1..(i + 4).min(ws.len())).find_map(|k| number_at(k).map(|q| (k, q))))
                .flatten()
        };
        if let Some((k, q)) = before.or_else(after) {
            let (a, b) = (k.min(i), k.max(i));
            return Some(Casualties { harm, count: q.value, words: span(a, b) });
        }
    }
    None
}

/// A day a claim tells: a calendar date, or a weekday when the article's date is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Day {
    Date(Date),
    Weekday(Weekday),
}

impl Day {
    fn of(claim: &Claim) -> Option<Day> {
        claim.times.iter().find_map(|t| {
            let n = t.normalized.as_deref()?;
            if t.resolved {
                return (n.len() == 10).then(|| Date::from_str(n).ok()).flatten().map(Day::Date);
            }
            crate::extract::time::weekday_of(n).map(Day::Weekday)
        })
    }

    fn same(self, other: Day) -> bool {
        match (self, other) {
            (Day::Date(a), Day::Date(b)) => a == b,
            (Day::Weekday(a), Day::Weekday(b)) => a == b,
            (Day::Date(d), Day::Weekday(w)) | (Day::Weekday(w), Day::Date(d)) => d.weekday() == w,
        }
    }
}

/// How many claims back in its article a claim's day may be named.
const DAY_BACK: usize = 3;

/// Pairs `(zero, count, difference)` of claims of one story, two sources and two facts, where one
/// says no one was killed or hurt and the other counts the killed or hurt, both of one day (see
/// the module docs). `story_of` and `fact_of` give each claim's story and fact.
pub(crate) fn across_facts(
    claims: &[Claim],
    story_of: &[usize],
    fact_of: &[usize],
) -> Vec<(usize, usize, PairDifference)> {
    let read: Vec<Option<Casualties>> = claims.iter().map(casualties).collect();
    if read.iter().all(Option::is_none) {
        return Vec::new();
    }
    // Each claim's day: its own, else the nearest of the few claims before it in its source.
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_source.entry(c.source.as_str()).or_default().push(i);
    }
    let mut day: Vec<Option<Day>> = vec![None; claims.len()];
    for members in by_source.values_mut() {
        members.sort_by_key(|&i| claims[i].start);
        let own: Vec<Option<Day>> = members.iter().map(|&i| Day::of(&claims[i])).collect();
        for (k, &i) in members.iter().enumerate() {
            if read[i].is_some() {
                day[i] = (k.saturating_sub(DAY_BACK)..=k).rev().find_map(|j| own[j]);
            }
        }
    }
    let mut by_story: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, r) in read.iter().enumerate() {
        if r.is_some() && day[i].is_some() {
            by_story.entry(story_of[i]).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for members in by_story.values() {
        for &z in members {
            let Some(zero) = read[z].as_ref().filter(|r| r.count == 0.0) else { continue };
            for &c in members {
                let Some(count) = read[c].as_ref().filter(|r| r.count > 0.0) else { continue };
                let (dz, dc) = (day[z].expect("kept with a day"), day[c].expect("kept with a day"));
                if claims[z].source == claims[c].source
                    || fact_of[z] == fact_of[c]
                    || !zero.harm.excludes(count.harm)
                    || !dz.same(dc)
                {
                    continue;
                }
                let summary = format!(
                    "{} says \u{201c}{}\u{201d}; {} says \u{201c}{}\u{201d}, of the same day.",
                    claims[z].source, zero.words, claims[c].source, count.words
                );
                out.push((z, c, PairDifference { kind: DifferenceKind::Quantity, summary }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::model::Source;

    fn read(text: &str) -> Option<(f64, Harm)> {
        let source = Source::new("s", text).unwrap();
        let claims = extract(&source).claims;
        casualties(&claims[0]).map(|c| (c.count, c.harm))
    }

    #[test]
    fn zeros_and_counts_of_the_killed_and_hurt() {
        let cases = [
            ("No one was hurt in the blast.", Some((0.0, Harm::Hurt))),
            ("There were no casualties.", Some((0.0, Harm::Either))),
            ("Nobody died in the fire.", Some((0.0, Harm::Killed))),
            ("No injuries were reported.", Some((0.0, Harm::Hurt))),
            ("Twelve people were killed in the attack.", Some((12.0, Harm::Killed))),
            ("Two officers suffered minor injuries.", Some((2.0, Harm::Hurt))),
            ("The blast tore through the market, killing three.", Some((3.0, Harm::Killed))),
            ("There were no immediate reports of injuries.", None),
            ("No one else was hurt.", None),
            ("No one was seriously injured.", None),
            ("Two people may have been injured.", None),
            ("The bridge reopened on Friday.", None),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn a_zero_stands_against_a_count_only_of_one_day() {
        let harm = |no: Harm, some: Harm| no.excludes(some);
        assert!(harm(Harm::Hurt, Harm::Killed));
        assert!(harm(Harm::Either, Harm::Hurt));
        assert!(!harm(Harm::Killed, Harm::Hurt));
        let monday = Date::from_str("2024-03-04").unwrap();
        assert!(Day::Date(monday).same(Day::Weekday(Weekday::Monday)));
        assert!(!Day::Weekday(Weekday::Monday).same(Day::Weekday(Weekday::Wednesday)));
    }
}
