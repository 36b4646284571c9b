//! Claimed values: text, numbers, lists of person names and dates, each with its normalisation
//! (which decides when two claims are the same claim) and its similarity (which decides how much
//! one claim supports a different one, for TruthFinder's implication).

use std::hash::{Hash, Hasher};

use crate::model::Date;
use crate::text::plain_lower;

use super::names::NameList;

/// The kind of value a column of claims holds, used by the loaders to parse the value field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ValueKind {
    /// Free text, compared after case folding and white-space collapsing.
    #[default]
    Text,
    /// A number (`f64`), compared with a tolerance.
    Number,
    /// A list of person names, compared as a set.
    Names,
    /// A calendar date `YYYY-MM-DD`.
    Date,
}

impl ValueKind {
    /// Parses `raw` as a value of this kind. `Ok(None)` means "no claim" (a blank field, or a
    /// names field such as "Not Available"); `Err` carries a message for the caller to place.
    pub fn parse(self, raw: &str) -> Result<Option<Value>, String> {
        let raw = raw.trim();
        match self {
            ValueKind::Text => Ok(Value::text(raw)),
            ValueKind::Number => {
                if raw.is_empty() {
                    return Ok(None);
                }
                raw.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(|v| Some(Value::Number(v)))
                    .ok_or_else(|| format!("{raw:?} is not a finite number"))
            }
            ValueKind::Names => Ok(NameList::parse(raw).map(Value::Names)),
            ValueKind::Date => {
                if raw.is_empty() {
                    return Ok(None);
                }
                raw.parse::<Date>().map(|d| Some(Value::Date(d)))
            }
        }
    }
}

/// One claimed value.
///
/// Equality and hashing follow the normalised form: two texts that differ only in case, accents,
/// typographic quotes or spacing are the same value; so are two name lists naming the same
/// people in another order or spelling ("Knuth, Donald E." and "Donald E. Knuth").
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Value {
    /// Normalised text (see [`Value::text`]).
    Text(String),
    /// A finite number.
    Number(f64),
    /// A set of person names.
    Names(NameList),
    /// A calendar date.
    Date(Date),
}

impl Value {
    /// A text value: lowercased, typographic characters made plain, white space collapsed.
    /// `None` when nothing is left (a blank field is no claim).
    pub fn text(raw: &str) -> Option<Value> {
        let lower = plain_lower(raw);
        let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        (!collapsed.is_empty()).then_some(Value::Text(collapsed))
    }

    /// The kind of this value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Text(_) => ValueKind::Text,
            Value::Number(_) => ValueKind::Number,
            Value::Names(_) => ValueKind::Names,
            Value::Date(_) => ValueKind::Date,
        }
    }

    /// How alike two values are, in [0, 1]; 1 for equal values, 0 across kinds.
    ///
    /// - Text: normalised Jaro–Winkler similarity (strsim).
    /// - Number: `exp(-0.5 · ((a − b) / scale)²)`, a Gaussian of the difference; `scale` is the
    ///   tolerance (a difference of one `scale` gives 0.61, of three gives 0.01).
    /// - Names: see [`NameList::similarity`].
    /// - Date: `exp(-0.5 · (days / scale)²)`, the same Gaussian on the difference in days.
    pub fn similarity(&self, other: &Value, scale: f64) -> f64 {
        match (self, other) {
            (Value::Text(a), Value::Text(b)) => strsim::jaro_winkler(a, b),
            (Value::Number(a), Value::Number(b)) => gaussian(a - b, scale),
            (Value::Names(a), Value::Names(b)) => a.similarity(b),
            (Value::Date(a), Value::Date(b)) => gaussian((a.to_days() - b.to_days()) as f64, scale),
            _ => 0.0,
        }
    }

    /// How much a claim of this value supports a claim of `target`, in [0, 1]: the
    /// [`similarity`](Value::similarity), except for name lists, where it is directional
    /// ([`NameList::implication`]: a partial list supports the complete one more than the
    /// reverse).
    pub fn implication(&self, target: &Value, scale: f64) -> f64 {
        match (self, target) {
            (Value::Names(a), Value::Names(b)) => a.implication(b),
            _ => self.similarity(target, scale),
        }
    }

    /// The number, when this is a number.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }

    /// The name list, when this is one.
    pub fn as_names(&self) -> Option<&NameList> {
        match self {
            Value::Names(n) => Some(n),
            _ => None,
        }
    }

    /// The key that decides equality: the normalised form.
    fn key(&self) -> Key<'_> {
        match self {
            // -0.0 and 0.0 are the same claim.
            Value::Number(v) => Key::Bits(if *v == 0.0 { 0 } else { v.to_bits() }),
            Value::Text(s) => Key::Str(s),
            Value::Names(n) => Key::Names(n.key()),
            Value::Date(d) => Key::Days(d.to_days()),
        }
    }
}

fn gaussian(diff: f64, scale: f64) -> f64 {
    let d = if scale > 0.0 { diff / scale } else { diff };
    (-0.5 * d * d).exp()
}

#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Bits(u64),
    Str(&'a str),
    Names(&'a str),
    Days(i64),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl std::fmt::Display for Value {
    /// The normalised form: numbers as Rust prints them, names as `first middle last; …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Number(v) => write!(f, "{v}"),
            Value::Names(n) => write!(f, "{n}"),
            Value::Date(d) => write!(f, "{d}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_normalises_case_quotes_and_space() {
        assert_eq!(
            Value::text("  The \u{2018}Art\u{2019}  of\tIt "),
            Value::text("the 'art' of it")
        );
        assert_eq!(Value::text("   "), None);
    }

    #[test]
    fn numbers_parse_and_compare_with_tolerance() {
        let a = ValueKind::Number.parse("10").unwrap().unwrap();
        let b = ValueKind::Number.parse("9").unwrap().unwrap();
        assert!((a.similarity(&b, 1.0) - (-0.5f64).exp()).abs() < 1e-15);
        assert!(a.similarity(&b, 10.0) > 0.99);
        assert_eq!(ValueKind::Number.parse("-0").unwrap(), ValueKind::Number.parse("0").unwrap());
        assert!(ValueKind::Number.parse("ten").is_err());
        assert!(ValueKind::Number.parse("NaN").is_err());
        assert_eq!(ValueKind::Number.parse(" ").unwrap(), None);
    }

    #[test]
    fn dates_parse_and_compare_by_days() {
        let a = ValueKind::Date.parse("2025-05-19").unwrap().unwrap();
        let b = ValueKind::Date.parse("2025-05-20").unwrap().unwrap();
        assert!(a.similarity(&b, 1.0) < 1.0 && a.similarity(&b, 1.0) > 0.5);
        assert!(ValueKind::Date.parse("19 May").is_err());
    }

    #[test]
    fn kinds_do_not_mix() {
        let a = Value::Number(1.0);
        let b = Value::text("1").unwrap();
        assert_eq!(a.similarity(&b, 1.0), 0.0);
        assert_ne!(a, b);
    }
}
