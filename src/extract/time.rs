//! Calendar dates and time expressions: "Monday", "last week", "March 2022".
//!
//! Useful for: finding time expressions in a sentence and resolving them against a source's
//! publication date. Not useful for: clock times to the minute, time zones.

use crate::extract::quantity::{Atoms, Join, Kind, Sep, month_number, unit_noun, year_context};
use crate::model::{Date, TimeExpr, Weekday};
use crate::text::number_value;

// ---------------------------------------------------------------------------------------------
// Time expressions
// ---------------------------------------------------------------------------------------------

/// The time expressions in `sentence`, with spans offset by `base` (the sentence's offset in its
/// source), in text order.
///
/// With a `reference` date (the source's publication date) relative expressions resolve to ISO
/// 8601 values and `resolved` is true; without one they get a symbolic form (`monday`,
/// `last_week`) and `resolved` is false. Absolute expressions ("2025-05-19", "March 2022", "in
/// 2022") resolve either way.
///
/// | Written | Normalised with reference 2025-05-21 (a Wednesday) | Without |
/// |---|---|---|
/// | "Monday", "on Monday", "late Monday", "Monday's" | `2025-05-19` | `monday` |
/// | "last Monday" / "next Monday" | `2025-05-19` / `2025-05-26` | `last_monday` / `next_monday` |
/// | "today", "yesterday", "tomorrow", "tonight", "last night" | the day | `today`, … |
/// | "overnight" | `2025-05-20/2025-05-21` | `overnight` |
/// | "last week", "this week", "next week" | `2025-05-12/2025-05-18`, … (Monday to Sunday) | `last_week`, … |
/// | "last weekend", "this weekend" | `2025-05-17/2025-05-18`, … | `last_weekend`, … |
/// | "last month", "earlier this month" | `2025-04`, `2025-05` | `last_month`, `earlier_this_month` |
/// | "last year", "this year", "next year" | `2024`, `2025`, `2026` | `last_year`, … |
/// | "three days ago", "a week ago" | `2025-05-18`, `2025-05-14` | `3_days_ago`, `1_weeks_ago` |
/// | "May 19", "19 May" | `2025-05-19` | `--05-19` |
/// | "in March", "early March", "mid-March" | `2025-03` | `--03` |
/// | "May 19, 2025", "19 May 2025", "2025-05-19" | `2025-05-19` | same |
/// | "March 2022" | `2022-03` | same |
/// | "in 2022", "since 2014", "the 2014 annexation", "mid-2022" | `2022`, `2014` | same |
///
/// Conventions: news is told in the past tense, so a bare weekday is the most recent such day on
/// or before the reference (a Monday article's "Monday" is that day); "last Monday" is strictly
/// before, "next Monday" strictly after. A month or day without a year takes the reference's
/// year. Month names count only when capitalised and next to a day number, a year or a word such
/// as "in", "since", "early", so "he may go" and "they march" are not dates. Durations ("three
/// years") are quantities, not times; clock times and time zones are not read.
///
/// # Complexity
/// Linear in the length of `sentence`.
///
/// # Examples
/// ```
/// use corroborate::extract::time::find_times;
/// use corroborate::model::Date;
///
/// let reference: Date = "2025-05-21".parse().unwrap();
/// let t = find_times("Talks ended late Monday, after a call last week.", 0, Some(reference));
/// assert_eq!(t[0].text, "late Monday");
/// assert_eq!(t[0].normalized.as_deref(), Some("2025-05-19"));
/// assert_eq!(t[1].normalized.as_deref(), Some("2025-05-12/2025-05-18"));
/// assert!(t[1].resolved);
/// ```
pub fn find_times(sentence: &str, base: usize, reference: Option<Date>) -> Vec<TimeExpr> {
    let atoms = Atoms::new(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let Some(m) = time_at(&atoms, i, reference) else {
            i += 1;
            continue;
        };
        let (start, end) = (atoms.list[i].start, atoms.list[m.last].end);
        out.push(TimeExpr {
            text: sentence[start..end].to_string(),
            start: base + start,
            end: base + end,
            normalized: Some(m.normalized),
            resolved: m.resolved,
        });
        i = m.last + 1;
    }
    out
}

/// A time expression found: its last atom and value.
struct TimeMatch {
    last: usize,
    normalized: String,
    resolved: bool,
}

impl TimeMatch {
    fn resolved(last: usize, normalized: String) -> Option<TimeMatch> {
        Some(TimeMatch { last, normalized, resolved: true })
    }

    fn symbolic(last: usize, normalized: String) -> Option<TimeMatch> {
        Some(TimeMatch { last, normalized, resolved: false })
    }
}

/// Reads the time expression whose first atom is `i`, if any.
fn time_at(a: &Atoms, i: usize, reference: Option<Date>) -> Option<TimeMatch> {
    let w = a.low(i);
    let next = |k: usize| a.next_word(k);
    // Prefixed forms: "late Monday", "last week", "earlier this month", "mid-March".
    match w {
        "last" | "this" | "next" | "late" | "early" | "earlier" | "later" | "mid" => {
            if let Some(m) = prefixed(a, i, reference) {
                return Some(m);
            }
        }
        _ => {}
    }
    if let Some(day) = weekday_of(w) {
        return weekday(a, i, day, "", reference);
    }
    let simple = match w.strip_suffix("'s").unwrap_or(w) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        "tonight" => Some(0),
        _ => None,
    };
    if let Some(offset) = simple {
        let name = w.strip_suffix("'s").unwrap_or(w);
        return day_value(i, reference, offset, name);
    }
    if w == "overnight" {
        return match reference {
            Some(r) => TimeMatch::resolved(i, format!("{}/{r}", r.add_days(-1))),
            None => TimeMatch::symbolic(i, "overnight".into()),
        };
    }
    // "three days ago", "a week ago".
    let count = match a.kind(i)? {
        Kind::Num => a.low(i).parse::<u32>().ok().map(f64::from),
        Kind::Word if w == "a" || w == "an" => Some(1.0),
        Kind::Word => number_value(w),
        _ => None,
    };
    if let Some(n) = count.filter(|n| *n <= 1000.0)
        && next(i + 2) == "ago"
    {
        let n = n as i64;
        let unit = next(i + 1);
        let unit = unit.strip_suffix('s').unwrap_or(unit);
        let days = match unit {
            "day" => Some(n),
            "week" => Some(7 * n),
            _ => None,
        };
        if let Some(days) = days {
            return match reference {
                Some(r) => TimeMatch::resolved(i + 2, r.add_days(-days).to_string()),
                None => TimeMatch::symbolic(i + 2, format!("{n}_{unit}s_ago")),
            };
        }
        if let (Some(r), "year") = (reference, unit) {
            return TimeMatch::resolved(i + 2, format!("{:04}", i64::from(r.year()) - n));
        }
    }
    if let Some(m) = iso_date(a, i) {
        return Some(m);
    }
    if let Some(m) = day_month(a, i, reference) {
        return Some(m);
    }
    if let Some(m) = month_expr(a, i, i, reference) {
        return Some(m);
    }
    bare_year(a, i, i)
}

/// "last week", "this year", "earlier this month", "late Monday", "last Monday", "mid-March".
fn prefixed(a: &Atoms, i: usize, reference: Option<Date>) -> Option<TimeMatch> {
    let w = a.low(i);
    let next = |k: usize| a.next_word(k);
    let hyphen_next =
        a.list.get(i + 1).is_some_and(|x| x.join == Join::Hyphen && x.sep == Sep::None);
    // "mid-March", "mid-2022", "early March", "late 2024".
    if matches!(w, "mid" | "early" | "late") {
        let attached = if w == "mid" {
            hyphen_next
        } else {
            !next(i + 1).is_empty() || a.kind(i + 1) == Some(Kind::Num)
        };
        if attached {
            if let Some(m) = month_expr(a, i + 1, i, reference) {
                return Some(m);
            }
            if let Some(m) = bare_year(a, i + 1, i) {
                return Some(m);
            }
        }
    }
    // "late Monday", "last Monday", "next Monday".
    if let Some(day) = weekday_of(next(i + 1)) {
        let kind = match w {
            "last" => "last",
            "next" => "next",
            "this" | "late" | "early" => "",
            _ => return None,
        };
        return weekday(a, i + 1, day, kind, reference);
    }
    // "earlier this week", "later today".
    let (rel, period_at) = match (w, next(i + 1)) {
        ("earlier" | "later", "this") => ("this", i + 2),
        ("earlier" | "later", "today" | "tonight") => {
            return day_value(i + 1, reference, 0, &format!("{w}_today"));
        }
        ("last" | "this" | "next", _) => (w, i + 1),
        _ => return None,
    };
    let period = next(period_at);
    let symbol = {
        let words: Vec<&str> = (i..=period_at).map(|k| a.low(k)).collect();
        words.join("_")
    };
    let Some(r) = reference else {
        return match period {
            "week" | "weekend" | "month" | "year" | "night" | "morning" | "afternoon"
            | "evening" => TimeMatch::symbolic(period_at, symbol),
            _ => None,
        };
    };
    let step: i64 = match rel {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let monday = r.add_days(-i64::from(r.weekday().index()));
    let value = match period {
        "week" => {
            let start = monday.add_days(7 * step);
            format!("{start}/{}", start.add_days(6))
        }
        "weekend" => {
            let sat = monday.add_days(5 + 7 * step);
            format!("{sat}/{}", sat.add_days(1))
        }
        "month" => {
            let months = i64::from(r.year()) * 12 + i64::from(r.month()) - 1 + step;
            format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
        }
        "year" => format!("{:04}", i64::from(r.year()) + step),
        "night" if rel == "last" => r.add_days(-1).to_string(),
        "night" | "morning" | "afternoon" | "evening" if rel == "this" => r.to_string(),
        _ => return None,
    };
    TimeMatch::resolved(period_at, value)
}

/// A weekday at atom `day_at`; `kind` is "", "last" or "next".
fn weekday(
    a: &Atoms,
    day_at: usize,
    day: Weekday,
    kind: &str,
    reference: Option<Date>,
) -> Option<TimeMatch> {
    let mut last = day_at;
    // "Monday night", "Monday morning".
    if matches!(a.next_word(day_at + 1), "morning" | "afternoon" | "evening" | "night") {
        last = day_at + 1;
    }
    let Some(r) = reference else {
        let name = WEEKDAY_NAMES[usize::from(day.index())];
        let symbol = if kind.is_empty() { name.to_string() } else { format!("{kind}_{name}") };
        return TimeMatch::symbolic(last, symbol);
    };
    let back = (i64::from(r.weekday().index()) - i64::from(day.index())).rem_euclid(7);
    let date = match kind {
        "next" => {
            let ahead = (i64::from(day.index()) - i64::from(r.weekday().index())).rem_euclid(7);
            r.add_days(if ahead == 0 { 7 } else { ahead })
        }
        "last" => r.add_days(-(if back == 0 { 7 } else { back })),
        _ => r.add_days(-back),
    };
    TimeMatch::resolved(last, date.to_string())
}

const WEEKDAY_NAMES: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The weekday a word names ("Monday", "Monday's"); not plurals ("Mondays").
pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    let w = w.strip_suffix("'s").unwrap_or(w);
    WEEKDAY_NAMES.iter().position(|n| *n == w).map(|p| Weekday::from_index(p as u8))
}

/// A day relative to the reference ("yesterday"), ending at atom `last`.
fn day_value(last: usize, reference: Option<Date>, offset: i64, name: &str) -> Option<TimeMatch> {
    match reference {
        Some(r) => TimeMatch::resolved(last, r.add_days(offset).to_string()),
        None => TimeMatch::symbolic(last, name.to_string()),
    }
}

/// "2025-05-19" at atom `i`.
fn iso_date(a: &Atoms, i: usize) -> Option<TimeMatch> {
    let parts = [a.low(i), a.low(i + 1), a.low(i + 2)];
    if a.kind(i) != Some(Kind::Num)
        || parts[0].len() != 4
        || parts[1].len() != 2
        || parts[2].len() != 2
    {
        return None;
    }
    for k in [i + 1, i + 2] {
        let x = a.list.get(k)?;
        if x.kind != Kind::Num || x.join != Join::Hyphen {
            return None;
        }
    }
    if a.list.get(i + 3).is_some_and(|x| x.join != Join::None) {
        return None;
    }
    let date: Date = format!("{}-{}-{}", parts[0], parts[1], parts[2]).parse().ok()?;
    TimeMatch::resolved(i + 2, date.to_string())
}

/// A day number at atom `k`: "19", "19th"; 1 to 31.
fn day_number(a: &Atoms, k: usize) -> Option<u8> {
    if a.kind(k)? != Kind::Num {
        return None;
    }
    let w = a.low(k);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &w[digits..];
    if !(1..=2).contains(&digits) || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    w[..digits].parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year at atom `k`: four plain digits from 1900 to 2100.
fn year_number(a: &Atoms, k: usize) -> Option<i32> {
    let w = a.low(k);
    if a.kind(k)? != Kind::Num || w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// A capitalised month name at atom `k`, and whether it was abbreviated.
fn month_at(a: &Atoms, k: usize) -> Option<(u8, bool)> {
    let x = a.list.get(k)?;
    if x.kind != Kind::Word || !x.cap {
        return None;
    }
    let w = a.low(k);
    let m = month_number(w)?;
    Some((m, w.len() <= 4 && !matches!(w, "may" | "june" | "july")))
}

/// Formats a month and day, with the year when known.
fn month_day(last: usize, year: Option<i32>, month: u8, day: u8) -> Option<TimeMatch> {
    match year {
        Some(y) => TimeMatch::resolved(last, Date::new(y, month, day)?.to_string()),
        None => {
            // Validate against a leap year so that "February 29" is kept.
            Date::new(2000, month, day)?;
            TimeMatch::symbolic(last, format!("--{month:02}-{day:02}"))
        }
    }
}

/// "19 May", "19th May 2025" at atom `i`.
fn day_month(a: &Atoms, i: usize, reference: Option<Date>) -> Option<TimeMatch> {
    let day = day_number(a, i)?;
    let (month, _) = month_at(a, i + 1).filter(|_| a.list[i + 1].sep == Sep::None)?;
    let (year, last) = match year_number(a, i + 2) {
        Some(y) if a.list[i + 2].sep != Sep::Other => (Some(y), i + 2),
        _ => (reference.map(Date::year), i + 1),
    };
    month_day(last, year, month, day)
}

/// A month expression with the month name at atom `k`, the expression starting at `first`:
/// "May 19", "May 19, 2025", "March 2022", "in March".
fn month_expr(a: &Atoms, k: usize, first: usize, reference: Option<Date>) -> Option<TimeMatch> {
    let (month, abbreviated) = month_at(a, k)?;
    let gap_ok = |x: usize| {
        a.list.get(x).is_some_and(|at| at.sep == Sep::None || (abbreviated && at.sep == Sep::Other))
    };
    if let Some(day) = day_number(a, k + 1).filter(|_| gap_ok(k + 1)) {
        let (year, last) = match year_number(a, k + 2) {
            Some(y) if a.list[k + 2].sep != Sep::Other => (Some(y), k + 2),
            _ => (reference.map(Date::year), k + 1),
        };
        return month_day(last, year, month, day);
    }
    if let Some(y) = year_number(a, k + 1).filter(|_| gap_ok(k + 1)) {
        return TimeMatch::resolved(k + 1, format!("{y:04}-{month:02}"));
    }
    if abbreviated {
        return None;
    }
    // A month alone needs a word that makes it a time: "in March", "early March", "mid-March".
    let cue = if first < k {
        true
    } else {
        k.checked_sub(1).is_some_and(|p| {
            a.list[k].sep == Sep::None
                && match a.low(p) {
                    "in" | "since" | "until" | "till" | "by" | "from" | "through" | "during"
                    | "before" | "after" | "between" | "last" | "next" | "this" | "early"
                    | "of" | "late" | "mid" => true,
                    // "between March and May": only after another month.
                    "and" | "or" | "to" => {
                        p.checked_sub(1).is_some_and(|pp| month_at(a, pp).is_some_and(|m| !m.1))
                    }
                    _ => false,
                }
        })
    };
    if !cue {
        return None;
    }
    let p = k.checked_sub(1).map_or("", |p| a.low(p));
    let year = reference.map(|r| match p {
        "last" => r.year() - i32::from(month >= r.month()),
        "next" => r.year() + i32::from(month <= r.month()),
        _ => r.year(),
    });
    match year {
        Some(y) => TimeMatch::resolved(k, format!("{y:04}-{month:02}")),
        None => TimeMatch::symbolic(k, format!("--{month:02}")),
    }
}

/// A bare year at atom `k` ("in 2022", "the 2014 annexation"), the expression starting at
/// `first`. A year followed by a plural noun ("2000 protesters") is a count, not a year.
fn bare_year(a: &Atoms, k: usize, first: usize) -> Option<TimeMatch> {
    let y = year_number(a, k)?;
    let at = a.list[k];
    let prev = k.checked_sub(1).map(|p| a.list[p]);
    if first == k {
        // Not a code ("F-2022") or a money amount ("$2022").
        if at.join != Join::None && prev.is_some_and(|p| p.kind == Kind::Word) {
            return None;
        }
        if prev.is_some_and(|p| matches!(p.kind, Kind::Sym(_)) && at.sep == Sep::None) {
            return None;
        }
    }
    let next = a.list.get(k + 1);
    if next.is_some_and(|n| {
        n.kind == Kind::Sym('%')
            || (n.kind == Kind::Num && n.join == Join::None && n.sep == Sep::None)
    }) {
        return None;
    }
    let w = a.next_word(k + 1);
    let plural_noun = !w.is_empty() && unit_noun(w).is_some_and(|u| u != w);
    if plural_noun && !year_context(a, k) && first == k {
        return None;
    }
    if matches!(w, "percent" | "pct") {
        return None;
    }
    TimeMatch::resolved(k, format!("{y:04}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_227, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
    }

    #[test]
    fn weekday_is_right() {
        assert_eq!(Date::new(2025, 5, 19).unwrap().weekday(), Weekday::Monday);
        assert_eq!(Date::new(2024, 2, 29).unwrap().weekday(), Weekday::Thursday);
    }

    #[test]
    fn parse_rejects_impossible_dates() {
        assert!("2025-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2025-5-1".parse::<Date>().is_err());
        assert_eq!("2025-05-01".parse::<Date>().unwrap().to_string(), "2025-05-01");
    }

    type TimeRow =
        (&'static str, Option<&'static str>, &'static [(&'static str, &'static str, bool)]);

    fn check_times(rows: &[TimeRow]) {
        let mut failures = Vec::new();
        for (sentence, reference, expected) in rows {
            let reference = reference.map(|r| r.parse::<Date>().unwrap());
            let got = find_times(sentence, 0, reference);
            let got: Vec<_> = got
                .iter()
                .map(|t| {
                    assert_eq!(&sentence[t.start..t.end], t.text);
                    (t.text.as_str(), t.normalized.as_deref().unwrap_or(""), t.resolved)
                })
                .collect();
            if got != expected.to_vec() {
                failures.push(format!("{sentence:?}\n   got  {got:?}\n   want {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    // 2025-05-21 is a Wednesday.
    const WED: Option<&str> = Some("2025-05-21");

    #[test]
    fn weekdays() {
        check_times(&[
            ("They met on Monday.", WED, &[("Monday", "2025-05-19", true)]),
            ("Talks ran until late Monday.", WED, &[("late Monday", "2025-05-19", true)]),
            ("Monday’s call was long.", WED, &[("Monday’s", "2025-05-19", true)]),
            ("It rained Wednesday.", WED, &[("Wednesday", "2025-05-21", true)]),
            ("It rained Thursday.", WED, &[("Thursday", "2025-05-15", true)]),
            ("He left last Wednesday.", WED, &[("last Wednesday", "2025-05-14", true)]),
            ("They meet next Monday.", WED, &[("next Monday", "2025-05-26", true)]),
            ("They met Friday night.", WED, &[("Friday night", "2025-05-16", true)]),
            ("They met on Monday.", None, &[("Monday", "monday", false)]),
            ("They meet next Monday.", None, &[("next Monday", "next_monday", false)]),
            ("Shops close on Mondays.", WED, &[]),
        ]);
    }

    #[test]
    fn relative_days_and_periods() {
        check_times(&[
            (
                "Today and yesterday differ from tomorrow.",
                WED,
                &[
                    ("Today", "2025-05-21", true),
                    ("yesterday", "2025-05-20", true),
                    ("tomorrow", "2025-05-22", true),
                ],
            ),
            ("Strikes hit overnight.", WED, &[("overnight", "2025-05-20/2025-05-21", true)]),
            ("Strikes hit overnight.", None, &[("overnight", "overnight", false)]),
            ("The call was last week.", WED, &[("last week", "2025-05-12/2025-05-18", true)]),
            (
                "The call was last week.",
                Some("2025-05-19"),
                &[("last week", "2025-05-12/2025-05-18", true)],
            ),
            (
                "The call was last week.",
                Some("2025-05-18"),
                &[("last week", "2025-05-05/2025-05-11", true)],
            ),
            ("The vote is next week.", WED, &[("next week", "2025-05-26/2025-06-01", true)]),
            ("Prices rose last month.", Some("2025-01-10"), &[("last month", "2024-12", true)]),
            (
                "It grew this year, unlike last year.",
                WED,
                &[("this year", "2025", true), ("last year", "2024", true)],
            ),
            ("It was signed earlier this month.", WED, &[("earlier this month", "2025-05", true)]),
            (
                "It was signed earlier this month.",
                None,
                &[("earlier this month", "earlier_this_month", false)],
            ),
            ("The call was last week.", None, &[("last week", "last_week", false)]),
            ("They played last weekend.", WED, &[("last weekend", "2025-05-17/2025-05-18", true)]),
            ("He spoke last night.", WED, &[("last night", "2025-05-20", true)]),
            ("He left three days ago.", WED, &[("three days ago", "2025-05-18", true)]),
            ("He left a week ago.", WED, &[("a week ago", "2025-05-14", true)]),
        ]);
    }

    #[test]
    fn calendar_dates() {
        check_times(&[
            ("It began in March 2022.", WED, &[("March 2022", "2022-03", true)]),
            ("It began in March 2022.", None, &[("March 2022", "2022-03", true)]),
            ("The vote is on May 19.", WED, &[("May 19", "2025-05-19", true)]),
            ("The vote is on May 19.", None, &[("May 19", "--05-19", false)]),
            ("The vote was on 19 May 2024.", WED, &[("19 May 2024", "2024-05-19", true)]),
            ("The vote was on May 19, 2024.", None, &[("May 19, 2024", "2024-05-19", true)]),
            ("The vote was on May 19th.", WED, &[("May 19th", "2025-05-19", true)]),
            ("Filed 2025-05-19 in court.", None, &[("2025-05-19", "2025-05-19", true)]),
            ("Talks began in 2022.", None, &[("2022", "2022", true)]),
            (
                "Crimea, held since 2014, and the 2014 annexation.",
                None,
                &[("2014", "2014", true), ("2014", "2014", true)],
            ),
            ("Elections are due in June.", WED, &[("June", "2025-06", true)]),
            ("By the end of June it was over.", WED, &[("June", "2025-06", true)]),
            ("Rates peaked in mid-March.", WED, &[("mid-March", "2025-03", true)]),
            ("Growth slowed in early 2024.", None, &[("early 2024", "2024", true)]),
            ("Sales fell on Jan. 5.", WED, &[("Jan. 5", "2025-01-05", true)]),
            ("He may go, and May is warm.", WED, &[]),
            (
                "Between March and May prices fell.",
                WED,
                &[("March", "2025-03", true), ("May", "2025-05", true)],
            ),
            ("Crowds march on the capital; March on.", WED, &[]),
            ("Police detained 2000 protesters.", None, &[]),
            ("The deal cost $2020.", None, &[]),
            ("Call at 10:30 on 31 February.", WED, &[]),
        ]);
    }

    proptest::proptest! {
        #[test]
        fn times_never_panic_and_spans_are_valid(s in "\\PC{0,80}", base in 0usize..1000, days in -100_000i64..100_000) {
            let reference = Some(Date::from_days(days));
            for r in [None, reference] {
                for t in find_times(&s, base, r) {
                    proptest::prop_assert!(t.start >= base && t.end <= base + s.len() && t.start < t.end);
                    proptest::prop_assert!(s.is_char_boundary(t.start - base) && s.is_char_boundary(t.end - base));
                    proptest::prop_assert_eq!(&s[t.start - base..t.end - base], t.text.as_str());
                }
            }
        }

        #[test]
        fn timeish_text_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("May"), proptest::strategy::Just("19"), proptest::strategy::Just(","),
                    proptest::strategy::Just("2025"), proptest::strategy::Just("-"), proptest::strategy::Just("05"),
                    proptest::strategy::Just("last"), proptest::strategy::Just("week"), proptest::strategy::Just("Monday"),
                    proptest::strategy::Just("mid"), proptest::strategy::Just("Jan"), proptest::strategy::Just("."),
                    proptest::strategy::Just("ago"), proptest::strategy::Just("a"), proptest::strategy::Just("earlier"),
                    proptest::strategy::Just("this"), proptest::strategy::Just("in"), proptest::strategy::Just("’s"),
                ],
                0..14,
            ),
            glue in proptest::collection::vec(proptest::prop_oneof![proptest::strategy::Just(""), proptest::strategy::Just(" ")], 14),
        ) {
            let mut s = String::new();
            for (p, g) in parts.iter().zip(&glue) {
                s.push_str(p);
                s.push_str(g);
            }
            for r in [None, Some(Date::new(2024, 12, 31).unwrap())] {
                for t in find_times(&s, 3, r) {
                    proptest::prop_assert!(t.start >= 3 && t.end <= 3 + s.len());
                }
            }
        }
    }
}
