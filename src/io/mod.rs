//! Reading and writing sources and claims: files as people store articles (plain text, JSON Lines
//! of article records, HTML pages with the `html` feature), claims made elsewhere as JSON or JSON
//! Lines, and claims and links as JSON Lines for other engines.

pub mod articles;
#[cfg(feature = "html")]
mod html;
pub mod import;
pub mod jsonl;

use crate::model::Date;

/// `YYYY-MM-DD`, or the date part of an ISO 8601 date-time (`2026-03-04T09:30:00+01:00`).
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    date.parse().ok()
}
