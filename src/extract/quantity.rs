//! Quantities: numbers with their units, in digits or in words.
//!
//! Useful for: "30-day" → 30 day, "76 of 112 drones" → 76 and 112 drone, "a fifth of" → 0.2
//! fraction, "over three years" → 3 year (lower bound), "1.5 million" → 1500000, "$2.5 billion" →
//! 2.5e9 usd, "nine individuals from each country" → 9 person, each side.
//!
//! Ranges with a unit are one quantity from `value` to `upper`: "10-12 million dollars", "$140-150
//! million" (the low end takes the high end's scale), "between 10 and 12 people", "two to three
//! weeks"; "from 10 to 12" is a change, not a range, and gives nothing of the kind.
//!
//! Not useful for: ordinals, arithmetic, Roman numerals (never read as numbers, so "Pope Leo XIV"
//! gives nothing).
//!
//! The parser makes one pass over the words of a sentence (see `Atoms`); every lexicon is a
//! `match` on `&str`, so nothing is compiled or allocated per call beyond one word list, one
//! lowercase buffer and the units of the quantities found.

use crate::model::{Bound, Quantity};
use crate::text::{is_stop_word, plain_char};
use crate::text::{number_value, plural_scale, scale_value};

/// The quantities in `sentence`, with spans offset by `base` (the sentence's offset in its source).
///
/// Each span covers the number, any bound cue before it ("more than", "about"), a currency sign,
/// and the unit words after it ("112 Russian drones", "30-day"); it always lies on char boundaries
/// of `sentence`. Quantities come in text order.
///
/// What is not a count: ordinals ("21st", "first"), years ("in 2022", "March 2022", a bare
/// 1900–2100 not followed by a plural noun), days of a date ("May 19"), times of day ("10:30",
/// "3 p.m."), codes and names ("Covid-19", "F-16", "Boeing 737", "Article 5", "24/7"), phone-like
/// digit runs, "one of the", "no one", and a bare "a"/"an".
///
/// # Complexity
/// Linear in the length of `sentence`.
///
/// # Examples
/// ```
/// use corroborate::model::Bound;
/// use corroborate::extract::quantity::find_quantities;
///
/// let q = find_quantities("Kyiv said 76 of 112 Russian drones were downed over three days.", 0);
/// let got: Vec<_> = q.iter().map(|q| (q.value, q.unit.as_str(), q.bound)).collect();
/// assert_eq!(
///     got,
///     [(76.0, "drone", Bound::Exact), (112.0, "drone", Bound::Exact), (3.0, "day", Bound::Lower)]
/// );
/// ```
pub fn find_quantities(sentence: &str, base: usize) -> Vec<Quantity> {
    let atoms = Atoms::new(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        match parse_at(&atoms, i) {
            Some((found, next)) => {
                out.push(Quantity {
                    value: found.value,
                    unit: found.unit,
                    start: base + atoms.list[found.first].start,
                    end: base + atoms.list[found.last].end,
                    bound: found.bound,
                    each: found.each,
                    upper: found.upper,
                });
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Words with offsets
// ---------------------------------------------------------------------------------------------

/// What an atom is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (maybe with digits, an inner apostrophe or inner dots: "it's", "u.s").
    Word,
    /// Digits, maybe with thousands commas, a decimal part and a letter suffix ("1,200", "3m").
    Num,
    /// Digits with `:` or `/` inside, or letters after a digit suffix: "10:30", "24/7", "3g5".
    Code,
    /// A currency sign, `%` or `+`.
    Sym(char),
}

/// How an atom is attached to the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Join {
    /// By spaces or punctuation, or not at all.
    None,
    /// By a hyphen or an en dash with no space: "30-day", "forty-two".
    Hyphen,
    /// By an em dash with no space: "fighting—30".
    Dash,
}

/// Punctuation between an atom and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Only spaces (or nothing).
    None,
    /// A single comma.
    Comma,
    /// Anything else: periods, brackets, quotes, several marks.
    Other,
}

/// One word, number or symbol of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    /// Byte offset in the sentence.
    pub start: usize,
    /// End (exclusive) in the sentence.
    pub end: usize,
    lo: usize,
    hi: usize,
    /// What it is.
    pub kind: Kind,
    /// Whether it holds an uppercase letter: first ("Kyiv") or inside ("iOS", "eBay").
    pub cap: bool,
    /// How it is attached to the atom before.
    pub join: Join,
    /// Punctuation between it and the atom before.
    pub sep: Sep,
}

/// The atoms of a sentence with their plain lowercase forms, in one buffer.
///
/// Hyphens cut atoms ("30-day" is `30`, `day` joined by [`Join::Hyphen`]) so that number words
/// and compounds read the same way whether written with a hyphen, an en dash or a space.
pub(crate) struct Atoms {
    /// The atoms, in text order.
    pub list: Vec<Atom>,
    norm: String,
}

impl Atoms {
    /// Cuts `s` into atoms.
    pub fn new(s: &str) -> Atoms {
        let mut list = Vec::with_capacity(s.len() / 5 + 1);
        let mut norm = String::with_capacity(s.len());
        let mut sep = Sep::None;
        let mut join = Join::None;
        let mut i = 0;
        let bytes = s.as_bytes();
        while i < bytes.len() {
            // ASCII spaces and punctuation are most of what lies between words: skip them
            // without decoding.
            let byte = bytes[i];
            if byte.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if byte.is_ascii_punctuation() && !matches!(byte, b'$' | b'%' | b'+') {
                sep = if byte == b',' && sep == Sep::None { Sep::Comma } else { Sep::Other };
                i += 1;
                continue;
            }
            let Some(c) = s[i..].chars().next() else { break };
            let p = plain_char(c);
            if p.is_alphanumeric() {
                let lo = norm.len();
                let (end, kind) = scan_atom(s, i, &mut norm);
                list.push(Atom {
                    start: i,
                    end,
                    lo,
                    hi: norm.len(),
                    kind,
                    cap: c.is_uppercase() || s[i..end].bytes().any(|b| b.is_ascii_uppercase()),
                    join,
                    sep,
                });
                sep = Sep::None;
                join = Join::None;
                i = end;
                // A hyphen or dash glued between two atoms joins them.
                if let Some(d) = s[i..].chars().next()
                    && plain_char(d) == '-'
                    && s[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| plain_char(n).is_alphanumeric())
                {
                    join = if matches!(d, '\u{2014}' | '\u{2015}') {
                        Join::Dash
                    } else {
                        Join::Hyphen
                    };
                    i += d.len_utf8();
                }
                continue;
            }
            if matches!(c, '$' | '€' | '£' | '¥' | '%' | '+') {
                let lo = norm.len();
                norm.push(c);
                let end = i + c.len_utf8();
                list.push(Atom {
                    start: i,
                    end,
                    lo,
                    hi: norm.len(),
                    kind: Kind::Sym(c),
                    cap: false,
                    join,
                    sep,
                });
                sep = Sep::None;
            } else if !p.is_whitespace() {
                sep = if p == ',' && sep == Sep::None { Sep::Comma } else { Sep::Other };
            }
            i += c.len_utf8();
        }
        Atoms { list, norm }
    }

    /// The number of atoms.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The plain lowercase form of atom `i`, or `""` past the end.
    pub fn low(&self, i: usize) -> &str {
        self.list.get(i).map_or("", |a| &self.norm[a.lo..a.hi])
    }

    /// The kind of atom `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.list.get(i).map(|a| a.kind)
    }

    /// The plain lowercase form of atom `i` if it is a word that follows the atom before it with
    /// only spaces between; `""` otherwise. Cues and units must be attached like this.
    pub fn next_word(&self, i: usize) -> &str {
        match self.list.get(i) {
            Some(a) if a.kind == Kind::Word && a.sep == Sep::None && a.join == Join::None => {
                self.low(i)
            }
            _ => "",
        }
    }

    /// Whether atom `i` exists, is capitalised and is not the first of the sentence.
    pub fn cap_mid(&self, i: usize) -> bool {
        i > 0 && self.list.get(i).is_some_and(|a| a.cap)
    }
}

/// Scans the atom starting at byte `i` (an alphanumeric char), pushing its plain lowercase form
/// to `norm`. Returns its end and kind.
fn scan_atom(s: &str, i: usize, norm: &mut String) -> (usize, Kind) {
    let b = s.as_bytes();
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    if digit(i) {
        let mut kind = Kind::Num;
        while digit(j) {
            j += 1;
        }
        loop {
            match b.get(j) {
                Some(b',') if digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) => {
                    j += 4
                }
                Some(b'.') if digit(j + 1) => {
                    j += 1;
                    while digit(j) {
                        j += 1;
                    }
                }
                Some(b':' | b'/') if digit(j + 1) => {
                    kind = Kind::Code;
                    j += 1;
                    while digit(j) {
                        j += 1;
                    }
                }
                _ => break,
            }
        }
        norm.push_str(&s[i..j]);
        // A letter suffix: "21st", "3m", "10km", "1990s".
        while let Some(c) = s[j..].chars().next().filter(|c| c.is_alphabetic()) {
            norm.extend(c.to_lowercase());
            j += c.len_utf8();
        }
        while let Some(c) = s[j..].chars().next().filter(|c| c.is_alphanumeric()) {
            kind = Kind::Code;
            norm.extend(c.to_lowercase());
            j += c.len_utf8();
        }
        return (j, kind);
    }
    let mut seg_len = 0;
    loop {
        // The ASCII run in one copy, lowercased in place.
        let run = j;
        while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        if j > run {
            let lo = norm.len();
            norm.push_str(&s[run..j]);
            norm[lo..].make_ascii_lowercase();
            seg_len += j - run;
        }
        let Some(c) = s[j..].chars().next() else { break };
        let p = plain_char(c);
        if p.is_alphanumeric() {
            norm.extend(p.to_lowercase());
            j += c.len_utf8();
            seg_len += 1;
            continue;
        }
        let next_alpha = s[j + c.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
        // "it's", "o'clock"; "U.S", "p.m": an inner dot only after a single letter.
        if next_alpha && (p == '\'' || (p == '.' && seg_len == 1)) {
            norm.push(p);
            j += c.len_utf8();
            seg_len = 0;
            continue;
        }
        break;
    }
    (j, Kind::Word)
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// A quantity found, with atom indices for its span.
struct Found {
    value: f64,
    unit: String,
    first: usize,
    last: usize,
    bound: Bound,
    each: bool,
    upper: Option<f64>,
}

/// A number read at some atom: its value and the atoms it spans.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: f64,
    last: usize,
    /// "hundreds of", "several thousand".
    approx: bool,
    /// The word "one" alone: a pronoun unless a unit follows.
    word_one: bool,
    /// Written in digits: an integer with no comma or decimal part, and its digit count.
    plain_int_digits: Option<usize>,
    /// Written in digits.
    digits: bool,
    /// A fraction ("a fifth", "two-thirds"): its unit is `fraction`.
    fraction: bool,
    /// A unit from a digit suffix ("10km") or set by the form ("half an hour" reads its noun).
    unit: Option<&'static str>,
    /// Digits with an `m` suffix: million with money or before a plural noun, else metres.
    m_suffix: bool,
    /// A number word that is capitalised mid-sentence ("Channel Four").
    cap_word: bool,
}

/// Reads the quantity whose first atom is `i`, if any; returns it and the atom to go on from.
fn parse_at(a: &Atoms, i: usize) -> Option<(Found, usize)> {
    let mut currency: Option<&'static str> = None;
    let mut j = i;
    match a.kind(i)? {
        Kind::Sym(c) => {
            currency = Some(currency_sign(c)?);
            let n = a.list.get(i + 1)?;
            if n.kind != Kind::Num || n.sep != Sep::None {
                return None;
            }
            j = i + 1;
        }
        Kind::Word => {
            if let Some(code) = currency_code(a.low(i))
                && a.list.get(i + 1).is_some_and(|n| n.kind == Kind::Num && n.sep == Sep::None)
            {
                currency = Some(code);
                j = i + 1;
            }
        }
        Kind::Num => {}
        Kind::Code => return None,
    }
    let mut num = number_at(a, j)?;
    let prev = j.checked_sub(1);
    let prev_low = prev.map_or("", |p| a.low(p));
    let this = a.list[j];

    // A range reads as one quantity that ends where its high end does ("140-150 million
    // dollars" takes its scale and unit from the high end).
    let mut upper = None;
    let mut between = None;
    if let Some((hi, low)) = range_after(a, i, j, &num) {
        if a.low(i.wrapping_sub(1)) == "between" {
            between = Some(i - 1);
        }
        upper = Some(hi.value);
        num = Num {
            value: low,
            last: hi.last,
            plain_int_digits: None,
            unit: hi.unit.or(num.unit),
            m_suffix: hi.m_suffix || num.m_suffix,
            ..num
        };
    }

    if num.digits && currency.is_none() && digit_context_rejects(a, j, &num, upper.is_some()) {
        return None;
    }
    // "Channel Four", "Formula One": a capitalised number word after a capitalised word.
    if num.cap_word && prev.is_some_and(|p| a.cap_mid(p) || (p == 0 && a.list[p].cap)) {
        return None;
    }
    if num.word_one
        && matches!(prev_low, "the" | "no" | "this" | "that" | "any" | "every" | "which")
    {
        return None;
    }

    let mut bound = Bound::Exact;
    let mut first = between.unwrap_or(i);
    if let Some((b, cue)) = bound_before(a, i).filter(|_| between.is_none()) {
        bound = b;
        first = cue;
    }
    if num.approx && bound == Bound::Exact {
        bound = Bound::Approximate;
    }

    let mut k = num.last + 1;
    let mut last = num.last;
    // "30 or so", "30 or more".
    if a.next_word(k) == "or" {
        let b = match a.next_word(k + 1) {
            "so" => Some(Bound::Approximate),
            "more" => Some(Bound::Lower),
            "fewer" | "less" => Some(Bound::Upper),
            _ => None,
        };
        if let Some(b) = b {
            bound = b;
            last = k + 1;
            k += 2;
        }
    }

    let mut unit: Option<String> = num.unit.map(str::to_string);
    let mut plural_noun = false;
    if num.fraction {
        unit = Some("fraction".to_string());
    }

    // Percent and currency words right after the number.
    if unit.is_none() {
        if a.kind(k) == Some(Kind::Sym('%')) && a.list[k].sep == Sep::None {
            unit = Some("percent".into());
            last = k;
            k += 1;
        } else {
            let w = a.next_word(k);
            let w2 = a.next_word(k + 1);
            let (u, n): (Option<&str>, usize) = match (w, w2) {
                ("percent" | "pct", _) => (Some("percent"), 1),
                ("per", "cent") => (Some("percent"), 2),
                ("percentage", "point" | "points") => (Some("percentage point"), 2),
                ("pounds", "sterling") => (Some("gbp"), 2),
                _ => match currency_word(w) {
                    Some(c) => (Some(c), 1),
                    None => (None, 0),
                },
            };
            if let Some(u) = u {
                if matches!(u, "usd" | "eur" | "gbp" | "jpy") {
                    currency = Some(currency.unwrap_or(match u {
                        "usd" => "usd",
                        "eur" => "eur",
                        "gbp" => "gbp",
                        _ => "jpy",
                    }));
                } else {
                    unit = Some(u.to_string());
                }
                last = k + n - 1;
                k += n;
            }
        }
    }
    if let Some(c) = currency {
        unit = Some(c.to_string());
    }

    // A hyphen compound: "30-day", "two-hour", "five-year-old", "30-odd".
    let attached = a.list.get(k).filter(|n| n.join != Join::None && n.kind == Kind::Word);
    if unit.is_none() && attached.is_some() {
        let w = a.low(k);
        match w {
            "odd" | "plus" | "something" => {
                bound = if w == "plus" { Bound::Lower } else { Bound::Approximate };
                last = k;
                k += 1;
            }
            _ => {
                if is_ordinal(w) || is_stop_word(w) {
                    return None;
                }
                // "a 2m-high wall": metres, not millions.
                let u = if num.m_suffix {
                    "metre".to_string()
                } else if let Some(area) = area_unit(a, k) {
                    // "15,800-square-metre": the measure after "square" or "cubic" is the unit.
                    k += 1;
                    area
                } else {
                    unit_noun(w).unwrap_or_else(|| w.to_string())
                };
                if num.word_one && !is_measure(&u) {
                    return None;
                }
                unit = Some(u);
                last = k;
                k += 1;
                while a.list.get(k).is_some_and(|n| n.join == Join::Hyphen && n.kind == Kind::Word)
                {
                    last = k;
                    k += 1;
                }
            }
        }
    }

    // "one in five Americans": a ratio.
    let mut next = num.last + 1;
    if unit.is_none()
        && !num.fraction
        && num.value >= 1.0
        && a.next_word(k) == "in"
        && let Some(other) = number_at(a, k + 1)
        && other.plain_int_digits != Some(4)
        && !other.fraction
        && !other.approx
        && other.value > num.value
    {
        num.value /= other.value;
        num.m_suffix = false;
        unit = Some("fraction".into());
        last = other.last;
        k = other.last + 1;
        next = k;
    }

    // "X of Y NOUN", "hundreds of people", "a fifth of the drones".
    let mut each_from = k;
    if unit.is_none() || num.approx {
        let of_at = match (a.next_word(k), a.next_word(k + 1)) {
            ("of", _) => Some(k + 1),
            ("out", "of") => Some(k + 2),
            _ => None,
        };
        if let Some(m) = of_at {
            if num.word_one {
                return None;
            }
            let m = if is_determiner(a.next_word(m)) { m + 1 } else { m };
            if let Some(other) = number_at(a, m) {
                if !other.fraction {
                    unit = unit_for_number(a, &other);
                }
            } else if let Some((u, _, _)) = scan_noun(a, m, false) {
                unit = Some(u);
            }
        } else if unit.is_none() {
            if let Some((u, end, plural)) = scan_noun(a, k, num.value <= 1.0 && !num.approx) {
                unit = Some(u);
                plural_noun = plural;
                last = end;
                each_from = end + 1;
            }
        } else {
            // Approximate plural scales take the noun after them: "thousands of", not here.
        }
    } else {
        each_from = k;
    }
    // "3m people", "€3m", "rose to 3.2m": in news an `m` after digits is a million.
    if num.m_suffix && unit.as_deref() != Some("metre") {
        num.value *= 1e6;
        upper = upper.map(|u| u * 1e6);
    }
    // A range with no unit is a score, a record or a code more often than an amount ("won
    // 24-20", "a 10-12 record").
    if upper.is_some() && unit.is_none() {
        return None;
    }

    if num.word_one && unit.is_none() {
        return None;
    }
    // A bare year: "in 2022", "the 2014 annexation", "2022" not followed by a plural noun.
    if num.plain_int_digits == Some(4)
        && currency.is_none()
        && (1900.0..=2100.0).contains(&num.value)
        && bound == Bound::Exact
        && unit.as_deref() != Some("percent")
        && (!plural_noun || year_context(a, j))
    {
        return None;
    }
    // Labels: "Boeing 737", "Article 5", "Resolution 2231"; versions after a name: "USB 2.0",
    // "iOS 17".
    let version =
        a.low(j).contains('.') && a.low(j).bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if (num.plain_int_digits.is_some() || version)
        && unit.is_none()
        && currency.is_none()
        && bound == Bound::Exact
        && this.sep == Sep::None
        && prev.is_some_and(|p| {
            a.list[p].kind == Kind::Word
                && (is_label(prev_low)
                    || (a.cap_mid(p)
                        && !prev_low.ends_with("'s")
                        && month_number(prev_low).is_none()))
        })
    {
        return None;
    }

    // "10 Downing Street", "7 World Trade Center": a number before a name.
    if num.plain_int_digits.is_some() && unit.is_none() && bound == Bound::Exact && a.cap_mid(k) {
        return None;
    }

    let each = each_after(a, each_from);
    let found = Found {
        value: num.value,
        unit: unit.unwrap_or_default(),
        first,
        last: last.max(num.last),
        bound,
        each,
        upper,
    };
    Some((found, next))
}

/// Whether the digits at atom `j` are part of a code, date, time, phone number or name.
///
/// `range`: the number is the low end of a range read up to `num.last`, so the number glued
/// after it is its high end, not a code's next part.
fn digit_context_rejects(a: &Atoms, j: usize, num: &Num, range: bool) -> bool {
    let this = a.list[j];
    let prev = j.checked_sub(1).map(|p| a.list[p]);
    let next = a.list.get(num.last + 1);
    // "Covid-19", "F-16", "mid-2022"; "10-12", "2025-05-19", "3-1".
    if this.join != Join::None && prev.is_some_and(|p| matches!(p.kind, Kind::Word | Kind::Num)) {
        return true;
    }
    if next.is_some_and(|n| n.join != Join::None && matches!(n.kind, Kind::Num | Kind::Code)) {
        return true;
    }
    // "+44 20 7946 0958", "020 7946": runs of digit groups.
    if prev.is_some_and(|p| p.kind == Kind::Sym('+') && this.sep == Sep::None) {
        return true;
    }
    let adjacent_num = |x: Option<&Atom>| {
        x.is_some_and(|x| matches!(x.kind, Kind::Num | Kind::Code) && x.sep == Sep::None)
    };
    if (prev.is_some_and(|p| matches!(p.kind, Kind::Num | Kind::Code)) && this.sep == Sep::None)
        || (!range && adjacent_num(a.list.get(j + 1)))
    {
        return true;
    }
    let low = a.low(j);
    let digits = low.bytes().take_while(u8::is_ascii_digit).count();
    if num.plain_int_digits.is_some() && ((low.starts_with('0') && digits > 1) || digits >= 8) {
        return true;
    }
    // Times of day ("10 am", "10-11 am").
    let after = num.last + 1;
    if matches!(
        a.next_word(after),
        "am" | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "o'clock"
            | "hrs"
            | "hours'"
    ) && a.list[after].sep == Sep::None
    {
        return true;
    }
    // Day of a date: "May 19", "19 May", "Jan. 5".
    if num.plain_int_digits.is_some_and(|d| d <= 2) && (1.0..=31.0).contains(&num.value) {
        let month_before = j > 0
            && a.list[j - 1].cap
            && a.list[j - 1].kind == Kind::Word
            && month_number(a.low(j - 1)).is_some()
            && this.sep != Sep::Comma;
        let month_after = a.list.get(after).is_some_and(|n| {
            n.cap
                && n.kind == Kind::Word
                && n.sep == Sep::None
                && month_number(a.low(after)).is_some()
        });
        if month_before || month_after {
            return true;
        }
    }
    false
}

/// Whether the word before a 4-digit number at `j` makes it a year: "in 2022", "March 2022".
pub(crate) fn year_context(a: &Atoms, j: usize) -> bool {
    let Some(p) = j.checked_sub(1) else { return false };
    let w = a.low(p);
    matches!(
        w,
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "till"
            | "of"
            | "during"
            | "before"
            | "after"
            | "between"
            | "and"
            | "to"
            | "the"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "throughout"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
    ) || w.ends_with("'s")
        || month_number(w).is_some()
}

/// The unit of the number `n` (the Y of "X of Y NOUN"), without looking at any "of" after it.
fn unit_for_number(a: &Atoms, n: &Num) -> Option<String> {
    if n.fraction {
        return Some("fraction".into());
    }
    if let Some(u) = n.unit {
        return Some(u.into());
    }
    let k = n.last + 1;
    if a.kind(k) == Some(Kind::Sym('%')) || matches!(a.next_word(k), "percent" | "pct") {
        return Some("percent".into());
    }
    if let Some(c) = currency_word(a.next_word(k)) {
        return Some(c.into());
    }
    if a.list.get(k).is_some_and(|x| x.join != Join::None && x.kind == Kind::Word) {
        let w = a.low(k);
        return Some(unit_noun(w).unwrap_or_else(|| w.to_string()));
    }
    scan_noun(a, k, n.value == 1.0).map(|(u, _, _)| u)
}

/// The unit noun starting at atom `k`: up to two modifiers ("Russian", "member") then a plural
/// noun or a known unit; with `singular_ok`, the first word that is not modifier-like. Returns the
/// unit, the atom it ends at and whether it was plural.
fn scan_noun(a: &Atoms, k: usize, singular_ok: bool) -> Option<(String, usize, bool)> {
    let mut modifiers = 0;
    for m in k..k + 4 {
        let at = a.list.get(m)?;
        let attached =
            at.sep == Sep::None && (at.join == Join::None || (m > k && at.join == Join::Hyphen));
        if at.kind != Kind::Word || !attached {
            return None;
        }
        let w = a.low(m);
        if w.ends_with('\'') || (w.ends_with("'s") && m > k) {
            return None;
        }
        // Areas and volumes: "two square miles".
        if let Some(u) = area_unit(a, m) {
            return Some((u, m + 1, a.low(m + 1).ends_with('s')));
        }
        if let Some(u) = unit_noun(w) {
            let plural = u != w;
            // A plural-looking name before the noun: "31 Abrams tanks".
            if at.cap
                && let Some(n) = a.list.get(m + 1)
                && n.kind == Kind::Word
                && n.sep == Sep::None
                && n.join == Join::None
                && let Some(u2) = unit_noun(a.low(m + 1)).filter(|u2| u2 != a.low(m + 1))
            {
                return Some((u2, m + 1, true));
            }
            return Some((u, m, plural));
        }
        if is_stop_word(w) && !matches!(w, "more" | "other" | "few") {
            return None;
        }
        if is_ordinal(w) || number_value(w).is_some() {
            return None;
        }
        if singular_ok && !at.cap && !modifier_like(w) {
            if is_verbish(w) {
                return None;
            }
            let plural = false;
            return Some((w.to_string(), m, plural));
        }
        modifiers += 1;
        if modifiers > 2 {
            return None;
        }
    }
    None
}

/// "square metre", "cubic foot": the unit of "square" or "cubic" at atom `k` followed by a length.
fn area_unit(a: &Atoms, k: usize) -> Option<String> {
    let w = a.low(k);
    if !matches!(w, "square" | "cubic") {
        return None;
    }
    let n = a.list.get(k + 1)?;
    if n.kind != Kind::Word || n.sep != Sep::None {
        return None;
    }
    let u = unit_noun(a.low(k + 1)).unwrap_or_else(|| a.low(k + 1).to_string());
    matches!(u.as_str(), "metre" | "meter" | "foot" | "mile" | "kilometre" | "kilometer" | "yard")
        .then(|| format!("{w} {u}"))
}

/// Whether a word right after the quantity says the value is per party: "40 prisoners each",
/// "apiece", "nine individuals from each country", "40 a side".
fn each_after(a: &Atoms, k: usize) -> bool {
    match a.next_word(k) {
        "each" | "apiece" | "respectively" => true,
        "from" | "for" | "on" | "to" | "in" | "by" => {
            a.next_word(k + 1) == "each"
                || (a.next_word(k + 1) == "either" && a.next_word(k + 2) == "side")
        }
        "per" | "a" => matches!(a.next_word(k + 1), "side" | "country" | "party" | "team"),
        _ => false,
    }
}

/// A bound cue ending right before atom `i` ("more than", "about", "up to") and its first atom.
/// The high end of a range whose low end `lo` starts at atom `j` (its cue or currency sign at
/// `i`), and the low end's value: "10-12", "10–12", "10 to 12", "between 10 and 12". The low end
/// takes the high end's scale when it has none of its own ("140-150 million", "two to three
/// hundred"). Not a range: "from 10 to 12" (a change), a high end not above the low one ("3-1", a
/// score), years ("2010-2012"), fractions and vague counts.
fn range_after(a: &Atoms, i: usize, j: usize, lo: &Num) -> Option<(Num, f64)> {
    if lo.fraction || lo.approx || lo.word_one {
        return None;
    }
    let k = lo.last + 1;
    let next = a.list.get(k)?;
    let before = a.low(i.wrapping_sub(1));
    let hi_at = if next.kind == Kind::Num && next.join == Join::Hyphen && next.sep == Sep::None {
        if !lo.digits {
            return None;
        }
        k
    } else if (a.next_word(k) == "to" && before != "from")
        || (a.next_word(k) == "and" && before == "between")
    {
        // "$140 million to $150 million": the sign again before the high end.
        let m = k + 1;
        match a.kind(m)? {
            Kind::Sym(c) if currency_sign(c).is_some() && a.kind(i) == Some(Kind::Sym(c)) => m + 1,
            _ => m,
        }
    } else {
        return None;
    };
    let hi = number_at(a, hi_at)?;
    if hi.fraction || hi.approx || hi.digits != lo.digits {
        return None;
    }
    let year = |n: &Num| n.plain_int_digits == Some(4) && (1900.0..=2100.0).contains(&n.value);
    if year(lo) || year(&hi) {
        return None;
    }
    // The scale written after the high end, if the low end has none: "140-150 million".
    let raw = |at: usize, n: &Num| -> Option<f64> {
        if n.digits { parse_digits(a.low(at)).map(|d| d.0) } else { number_value(a.low(at)) }
    };
    let (raw_lo, raw_hi) = (raw(j, lo)?, raw(hi_at, &hi)?);
    let scale = if raw_hi > 0.0 { hi.value / raw_hi } else { 1.0 };
    let low = if lo.last == j && lo.value == raw_lo { lo.value * scale } else { lo.value };
    (low < hi.value).then_some((hi, low))
}

fn bound_before(a: &Atoms, i: usize) -> Option<(Bound, usize)> {
    if a.list[i].sep != Sep::None || a.list[i].join != Join::None || i == 0 {
        return None;
    }
    // The cue word `back` atoms before `i`, if attached all the way.
    let word = |back: usize| -> &str {
        if back > i {
            return "";
        }
        let at = i - back;
        let a_at = &a.list[at];
        if a_at.kind != Kind::Word || a_at.join != Join::None {
            return "";
        }
        // Every atom after the cue up to `i` must follow with spaces only.
        if (at + 1..i).any(|x| a.list[x].sep != Sep::None || a.list[x].join != Join::None) {
            return "";
        }
        a.low(at)
    };
    let (w3, w2, w1) = (word(3), word(2), word(1));
    let three = match (w3, w2, w1) {
        ("as", "many" | "much", "as") | ("no", "more", "than") => Some(Bound::Upper),
        ("no", "fewer" | "less", "than") | ("in", "excess", "of") => Some(Bound::Lower),
        ("more", "or", "less") => Some(Bound::Approximate),
        _ => None,
    };
    if let Some(b) = three {
        return Some((b, i - 3));
    }
    let two = match (w2, w1) {
        ("more" | "greater" | "higher", "than") => Some(Bound::Lower),
        ("fewer" | "less" | "lower", "than") => Some(Bound::Upper),
        ("at", "least") | ("upwards" | "upward", "of") => Some(Bound::Lower),
        ("just" | "well" | "slightly", "over" | "above") => Some(Bound::Lower),
        ("at", "most") | ("up", "to") | ("just" | "slightly", "under" | "below") => {
            Some(Bound::Upper)
        }
        ("close", "to") | ("an", "estimated") => Some(Bound::Approximate),
        _ => None,
    };
    if let Some(b) = two {
        return Some((b, i - 2));
    }
    let one = match w1 {
        "over" | "above" | "exceeding" | "topping" => Bound::Lower,
        "under" | "below" | "within" => Bound::Upper,
        "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "some"
        | "circa" | "approx" | "estimated" | "maybe" | "perhaps" => Bound::Approximate,
        _ => return None,
    };
    Some((one, i - 1))
}

/// Reads a number starting at atom `j`: digits (with a scale word after), number words, "a
/// dozen", "hundreds of", fractions.
fn number_at(a: &Atoms, j: usize) -> Option<Num> {
    let at = a.list.get(j)?;
    let w = a.low(j);
    let mut num = Num {
        value: 0.0,
        last: j,
        approx: false,
        word_one: false,
        plain_int_digits: None,
        digits: false,
        fraction: false,
        unit: None,
        m_suffix: false,
        cap_word: false,
    };
    match at.kind {
        Kind::Num => {
            let (value, int_digits, plain, suffix) = parse_digits(w)?;
            num.digits = true;
            num.value = value;
            if plain {
                num.plain_int_digits = Some(int_digits);
            }
            match suffix {
                "" => {}
                "k" => num.value *= 1e3,
                "m" => num.m_suffix = true,
                "mn" | "mln" => num.value *= 1e6,
                "bn" | "b" | "bln" => num.value *= 1e9,
                "tn" | "trn" => num.value *= 1e12,
                _ => {
                    num.unit = Some(abbreviated_unit(suffix)?);
                }
            }
            if num.unit.is_some() || !suffix.is_empty() {
                num.plain_int_digits = None;
            }
            if suffix.is_empty() {
                // "1.5 million", "3 thousand".
                let mut k = j + 1;
                while let Some(s) = scale_value(a.next_word(k)) {
                    num.value *= s;
                    num.last = k;
                    num.plain_int_digits = None;
                    k += 1;
                }
            }
            Some(num)
        }
        Kind::Word => {
            // "one-for-one", "all-in-one": a number word glued to a word that is no number.
            if at.join == Join::Hyphen && j > 0 && number_value(a.low(j - 1)).is_none() {
                return None;
            }
            words_number(a, j, num)
        }
        _ => None,
    }
}

/// Reads a number in words at atom `j`.
fn words_number(a: &Atoms, j: usize, mut num: Num) -> Option<Num> {
    let w = a.low(j);
    let next = |k: usize| -> &str {
        match a.list.get(k) {
            Some(x) if x.kind == Kind::Word && x.sep == Sep::None => a.low(k),
            _ => "",
        }
    };
    // "hundreds of", "tens of thousands of", "dozens of".
    if let Some(v) = plural_scale(w) {
        let mut value = v;
        let mut last = j;
        while next(last + 1) == "of"
            && let Some(v2) = plural_scale(next(last + 2))
        {
            value *= v2;
            last += 2;
        }
        if (w == "tens" || w == "scores") && last == j && next(j + 1) != "of" {
            return None;
        }
        num.value = value;
        num.last = last;
        num.approx = true;
        return Some(num);
    }
    // "several hundred", "a few thousand".
    let (few_at, is_few) = match (w, next(j + 1)) {
        ("several" | "few", _) => (j + 1, true),
        ("a", "few") => (j + 2, true),
        _ => (j, false),
    };
    if is_few {
        let s = scale_value(next(few_at)).or((next(few_at) == "dozen").then_some(12.0))?;
        num.value = s;
        num.last = few_at;
        num.approx = true;
        return Some(num);
    }
    // "half of", "half the", "half an hour".
    if w == "half" {
        let before = j.checked_sub(1).map_or("", |p| a.low(p));
        if matches!(before, "a" | "the" | "other" | "and" | "first" | "second" | "latter" | "one")
            || is_ordinal(before)
        {
            return None;
        }
        return match next(j + 1) {
            "a" | "an" => {
                num.value = 0.5;
                num.last = j + 1;
                Some(num)
            }
            "of" | "the" | "its" | "their" | "his" | "her" | "our" | "all" | "this" | "that" => {
                num.value = 0.5;
                num.fraction = true;
                Some(num)
            }
            _ => None,
        };
    }
    // "a hundred", "a dozen", "a fifth of".
    let mut k = j;
    if w == "a" || w == "an" {
        let n = next(j + 1);
        if let Some(d) = denominator(n).filter(|&(_, plural)| !plural).map(|(d, _)| d) {
            let after = next(j + 2);
            let no_noun =
                a.list.get(j + 2).is_none_or(|x| x.sep != Sep::None || x.kind != Kind::Word);
            let ok = after == "of" || no_noun || (is_stop_word(after) && d != 2.0);
            if !ok || d == 2.0 {
                return None;
            }
            num.value = 1.0 / d;
            num.fraction = true;
            num.last = j + 1;
            return Some(num);
        }
        if scale_value(n).is_none() && n != "dozen" {
            return None;
        }
        k = j + 1;
    }
    // Cardinal words: "forty-two", "twenty one", "three hundred and five", "two million".
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
    }
    let mut last_kind = Last::Start;
    let mut total = 0.0;
    let mut current = if k > j { 1.0 } else { 0.0 };
    let mut last = j;
    let mut seen = k > j;
    while let Some(x) = a.list.get(k) {
        if k > j && (x.kind != Kind::Word || x.sep != Sep::None) {
            break;
        }
        let w = a.low(k);
        if let Some(v) = number_value(w) {
            let kind = if v >= 20.0 {
                Last::Tens
            } else if v >= 10.0 {
                Last::Teen
            } else {
                Last::Unit
            };
            let fits = match last_kind {
                Last::Start | Last::Hundred | Last::Scale => true,
                Last::Tens => kind == Last::Unit && v > 0.0,
                Last::Unit | Last::Teen => false,
            };
            if !fits {
                break;
            }
            current += v;
            last_kind = kind;
        } else if w == "hundred" {
            if !seen || matches!(last_kind, Last::Hundred) {
                break;
            }
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
            last_kind = Last::Hundred;
        } else if w == "dozen" {
            if !seen {
                break;
            }
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
            last_kind = Last::Scale;
        } else if let Some(s) = scale_value(w).filter(|_| seen) {
            total += if current == 0.0 { 1.0 } else { current } * s;
            current = 0.0;
            last_kind = Last::Scale;
        } else if w == "and" && matches!(last_kind, Last::Hundred | Last::Scale) {
            if number_value(next(k + 1)).is_some() {
                k += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        seen = true;
        last = k;
        k += 1;
    }
    if !seen {
        return None;
    }
    let mut value = total + current;
    // "one and a half", "two and a half years".
    if next(last + 1) == "and" && next(last + 2) == "a" && next(last + 3) == "half" {
        value += 0.5;
        last += 3;
    }
    num.value = value;
    num.last = last;
    num.word_one = last == j && w == "one";
    num.cap_word = k > j && a.cap_mid(j) && a.list[j].cap;
    // "two-thirds", "one fifth", "three quarters".
    if (1.0..=10.0).contains(&value) && value.fract() == 0.0 {
        let d_at = last + 1;
        let joined = a.list.get(d_at).is_some_and(|x| x.kind == Kind::Word && x.sep == Sep::None);
        if joined
            && let Some((d, plural)) = denominator(a.low(d_at))
            && plural == (value > 1.0)
            && d != 2.0
        {
            num.value = value / d;
            num.fraction = true;
            num.word_one = false;
            num.last = d_at;
        }
    }
    Some(num)
}

/// Parses digits like "1,200", "2.5", "3m": value, digit count of the integer part, whether it is
/// a plain integer (no comma, no decimals) and the letter suffix.
fn parse_digits(s: &str) -> Option<(f64, usize, bool, &str)> {
    let mut mantissa: u64 = 0;
    let mut scale_digits = 0i32;
    let mut int_digits = 0;
    let mut plain = true;
    let mut in_frac = false;
    let mut end = s.len();
    for (idx, c) in s.char_indices() {
        match c {
            '0'..='9' => {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c as u8 - b'0');
                    if in_frac {
                        scale_digits += 1;
                    }
                } else if !in_frac {
                    scale_digits -= 1;
                }
                if !in_frac {
                    int_digits += 1;
                }
            }
            ',' => plain = false,
            '.' => {
                plain = false;
                in_frac = true;
            }
            _ => {
                end = idx;
                break;
            }
        }
    }
    if int_digits == 0 {
        return None;
    }
    let value = mantissa as f64 / 10f64.powi(scale_digits);
    Some((value, int_digits, plain, &s[end..]))
}

// ---------------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------------

/// A fraction's denominator word and whether it is plural: "fifth" (5, false), "thirds" (3, true).
fn denominator(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "half" => (2.0, false),
        "halves" => (2.0, true),
        "third" => (3.0, false),
        "thirds" => (3.0, true),
        "quarter" | "fourth" => (4.0, false),
        "quarters" | "fourths" => (4.0, true),
        "fifth" => (5.0, false),
        "fifths" => (5.0, true),
        "sixth" => (6.0, false),
        "sixths" => (6.0, true),
        "seventh" => (7.0, false),
        "sevenths" => (7.0, true),
        "eighth" => (8.0, false),
        "eighths" => (8.0, true),
        "ninth" => (9.0, false),
        "ninths" => (9.0, true),
        "tenth" => (10.0, false),
        "tenths" => (10.0, true),
        _ => return None,
    })
}

/// Ordinal words: "first", "twenty" + "-first", "hundredth".
fn is_ordinal(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "fifth"
            | "eighth"
            | "ninth"
            | "twelfth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "sixtieth"
            | "seventieth"
            | "eightieth"
            | "ninetieth"
    ) || w
        .strip_suffix("th")
        .is_some_and(|stem| number_value(stem).is_some() || scale_value(stem).is_some())
}

/// Currency signs.
fn currency_sign(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("usd"),
        '€' => Some("eur"),
        '£' => Some("gbp"),
        '¥' => Some("jpy"),
        _ => None,
    }
}

/// Currency codes written before or after a number.
fn currency_code(w: &str) -> Option<&'static str> {
    match w {
        "usd" => Some("usd"),
        "eur" => Some("eur"),
        "gbp" => Some("gbp"),
        _ => None,
    }
}

/// Currency words after a number: "dollars", "euros", "USD".
fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollars" | "dollar" | "usd" => Some("usd"),
        "euros" | "euro" | "eur" => Some("eur"),
        "gbp" | "sterling" => Some("gbp"),
        "yen" | "jpy" => Some("jpy"),
        _ => None,
    }
}

/// Unit abbreviations, as digit suffixes ("10km") or words after a number.
fn abbreviated_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" => "km",
        "kg" | "kgs" => "kg",
        "mph" => "mph",
        "kph" | "kmh" => "kph",
        "cm" => "cm",
        "mm" => "mm",
        "mw" => "mw",
        "gw" => "gw",
        "kw" => "kw",
        "kwh" => "kwh",
        "mwh" => "mwh",
        "gwh" => "gwh",
        "ha" => "hectare",
        "lb" | "lbs" => "lb",
        "oz" => "oz",
        "bpd" => "bpd",
        "ft" => "foot",
        "c" => "celsius",
        "mi" => "mile",
        _ => return None,
    })
}

/// Determiners skipped in "76 of the 112 drones".
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "those" | "these" | "its" | "their" | "his" | "her" | "our" | "your" | "all"
    )
}

/// Words that label a number rather than count: "Article 5", "No. 10".
fn is_label(w: &str) -> bool {
    matches!(
        w,
        "no" | "number"
            | "article"
            | "section"
            | "chapter"
            | "page"
            | "paragraph"
            | "resolution"
            | "flight"
            | "route"
            | "phase"
            | "version"
            | "item"
            | "gate"
            | "platform"
            | "room"
            | "highway"
            | "level"
            | "stage"
            | "grade"
            | "category"
            | "round"
            | "season"
            | "episode"
            | "game"
            | "district"
            | "block"
            | "unit"
            | "ward"
            | "channel"
            | "model"
            | "size"
    )
}

/// Units of measure, which "one-" compounds and singular nouns may name.
fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "mile"
            | "kilometre"
            | "kilometer"
            | "metre"
            | "meter"
            | "foot"
            | "inch"
            | "yard"
            | "tonne"
            | "ton"
            | "kilogram"
            | "gram"
            | "litre"
            | "liter"
            | "gallon"
            | "barrel"
            | "acre"
            | "hectare"
            | "degree"
            | "point"
            | "percent"
            | "person"
            | "km"
            | "kg"
    )
}

/// The canonical unit a noun names, when it is clearly a count noun: a plural ("drones" → drone),
/// a synonym ("individuals" → person) or an abbreviation ("km"). `None` for other words.
pub(crate) fn unit_noun(w: &str) -> Option<String> {
    let canonical = match w {
        "people" | "persons" | "individuals" | "person" | "individual" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "thieves" => "thief",
        "leaves" => "leave",
        "crises" => "crisis",
        "buses" => "bus",
        "gases" => "gas",
        "analyses" => "analysis",
        "aircraft" | "personnel" | "staff" | "police" | "cattle" | "livestock" | "sheep"
        | "series" | "species" | "headquarters" | "offspring" | "crew" => w,
        "kilometers" | "kilometres" => "kilometre",
        "meters" | "metres" => "metre",
        "tons" | "tonnes" => "tonne",
        _ => {
            if let Some(u) = abbreviated_unit(w) {
                return Some(u.to_string());
            }
            return singular_of_plural(w);
        }
    };
    Some(canonical.to_string())
}

/// The singular of a regular English plural, or `None` if `w` does not look plural.
fn singular_of_plural(w: &str) -> Option<String> {
    if w.len() < 4 || !w.ends_with('s') || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w.ends_with("ous") {
        return None;
    }
    if matches!(
        w,
        "this"
            | "thus"
            | "news"
            | "always"
            | "perhaps"
            | "across"
            | "plus"
            | "versus"
            | "whereas"
            | "besides"
            | "afterwards"
            | "towards"
            | "sometimes"
            | "nevertheless"
            | "says"
            | "does"
            | "goes"
            | "was"
            | "has"
            | "its"
            | "hers"
            | "ours"
            | "yours"
            | "theirs"
            | "whose"
            | "unless"
            | "means"
            | "politics"
            | "economics"
            | "physics"
            | "athletics"
            | "tactics"
    ) {
        return None;
    }
    let stem = &w[..w.len() - 1];
    if let Some(s) = w.strip_suffix("ies")
        && s.len() >= 2
    {
        return Some(format!("{s}y"));
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes", "oes"] {
        if w.ends_with(suffix) {
            return Some(w[..w.len() - 2].to_string());
        }
    }
    Some(stem.to_string())
}

/// Words that read as modifiers before a noun: "more", "other", "armed", "Russian", "senior".
fn modifier_like(w: &str) -> bool {
    if matches!(
        w,
        "more"
            | "other"
            | "few"
            | "new"
            | "old"
            | "young"
            | "additional"
            | "extra"
            | "further"
            | "separate"
            | "different"
            | "senior"
            | "junior"
            | "top"
            | "key"
            | "major"
            | "minor"
            | "small"
            | "large"
            | "big"
            | "full"
            | "entire"
            | "whole"
            | "single"
            | "straight"
            | "consecutive"
            | "long"
            | "short"
            | "high"
            | "low"
            | "last"
            | "next"
            | "past"
            | "first"
            | "final"
            | "main"
    ) {
        return true;
    }
    const SUFFIXES: [&str; 15] = [
        "ed", "al", "ive", "ous", "ful", "ic", "ian", "ese", "ish", "ary", "able", "ible", "less",
        "ern", "ing",
    ];
    w.len() > 4 && SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// Words after "one" that are verbs, not the noun it counts: "one must", "one could".
fn is_verbish(w: &str) -> bool {
    matches!(w, "must" | "might" | "may" | "can" | "could" | "another" | "thing" | "way")
}

/// The month number of a month name or its abbreviation.
pub(crate) fn month_number(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use Bound::{Approximate as A, Exact as E, Lower as L, Upper as U};

    /// One table row: a sentence and every quantity expected in it, as
    /// (value, unit, bound, each, the span's text).
    type Row = (&'static str, &'static [(f64, &'static str, Bound, bool, &'static str)]);

    fn check(rows: &[Row]) {
        let mut failures = Vec::new();
        for (sentence, expected) in rows {
            let got = find_quantities(sentence, 0);
            let got: Vec<_> = got
                .iter()
                .map(|q| (q.value, q.unit.as_str(), q.bound, q.each, &sentence[q.start..q.end]))
                .collect();
            let want: Vec<_> = expected.to_vec();
            let same = got.len() == want.len()
                && got.iter().zip(&want).all(|(g, w)| {
                    (g.0 - w.0).abs() <= 1e-9 * w.0.abs().max(1.0)
                        && g.1 == w.1
                        && g.2 == w.2
                        && g.3 == w.3
                        && g.4 == w.4
                });
            if !same {
                failures.push(format!("{sentence:?}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn ranges_are_one_quantity_from_low_to_high() {
        type Range = (f64, f64, &'static str, &'static str);
        let rows: &[(&str, Range)] = &[
            ("The deal is worth $140-150 million.", (1.4e8, 1.5e8, "usd", "$140-150 million")),
            ("It raised 10-12 million dollars.", (1e7, 1.2e7, "usd", "10-12 million dollars")),
            ("It raised 10–12 million dollars.", (1e7, 1.2e7, "usd", "10–12 million dollars")),
            (
                "Between 10 and 12 people were hurt.",
                (10.0, 12.0, "person", "Between 10 and 12 people"),
            ),
            ("The repairs take two to three weeks.", (2.0, 3.0, "week", "two to three weeks")),
            (
                "It cost $140 million to $150 million.",
                (1.4e8, 1.5e8, "usd", "$140 million to $150 million"),
            ),
            ("The road is 3-4km long.", (3.0, 4.0, "km", "3-4km")),
        ];
        for (sentence, want) in rows {
            let got = find_quantities(sentence, 0);
            let (lo, hi, unit, span) = *want;
            assert_eq!(got.len(), 1, "{sentence:?}: {got:?}");
            let q = &got[0];
            assert_eq!((q.value, q.upper, q.unit.as_str()), (lo, Some(hi), unit), "{sentence:?}");
            assert_eq!(&sentence[q.start..q.end], span, "{sentence:?}");
        }
        // Not ranges: a change, a score, a record, years, a date, times of day.
        for sentence in [
            "Prices rose from 10 to 12 percent.",
            "They won 24-20 on Sunday.",
            "The champion is 52-3 with 46 knockouts.",
            "He served from 2010-2012 as mayor.",
            "The festival runs May 10-12.",
            "The shop opens 10-11 am.",
        ] {
            let got = find_quantities(sentence, 0);
            assert!(got.iter().all(|q| q.upper.is_none()), "{sentence:?}: {got:?}");
        }
    }

    #[test]
    fn digits_and_words() {
        check(&[
            ("Officials counted 1,200 ballots.", &[(1200.0, "ballot", E, false, "1,200 ballots")]),
            ("Inflation reached 2.5 in the index.", &[(2.5, "", E, false, "2.5")]),
            ("Nine officers were hurt.", &[(9.0, "officer", E, false, "Nine officers")]),
            (
                "The panel has forty-two members.",
                &[(42.0, "member", E, false, "forty-two members")],
            ),
            ("She waited twenty one days.", &[(21.0, "day", E, false, "twenty one days")]),
            ("A hundred boats sailed.", &[(100.0, "boat", E, false, "A hundred boats")]),
            (
                "They planted three thousand trees.",
                &[(3000.0, "tree", E, false, "three thousand trees")],
            ),
            ("He bought a dozen eggs.", &[(12.0, "egg", E, false, "a dozen eggs")]),
            (
                "It costs three hundred and five pesos.",
                &[(305.0, "peso", E, false, "three hundred and five pesos")],
            ),
            (
                "Some 1.5 million voters stayed home.",
                &[(1.5e6, "voter", A, false, "Some 1.5 million voters")],
            ),
            (
                "The city has two million residents.",
                &[(2e6, "resident", E, false, "two million residents")],
            ),
            (
                "The trip took two and a half hours.",
                &[(2.5, "hour", E, false, "two and a half hours")],
            ),
        ]);
    }

    #[test]
    fn money_and_percent() {
        check(&[
            ("The fund holds $2.5 billion.", &[(2.5e9, "usd", E, false, "$2.5 billion")]),
            ("Prices rose 10 percent.", &[(10.0, "percent", E, false, "10 percent")]),
            ("Prices rose 10% in May.", &[(10.0, "percent", E, false, "10%")]),
            ("Prices rose ten per cent.", &[(10.0, "percent", E, false, "ten per cent")]),
            ("The club paid €3m for him.", &[(3e6, "eur", E, false, "€3m")]),
            ("The house sold for £450,000.", &[(450_000.0, "gbp", E, false, "£450,000")]),
            ("The bank lent 40 million euros.", &[(4e7, "eur", E, false, "40 million euros")]),
            ("Aid of USD 300 arrived.", &[(300.0, "usd", E, false, "USD 300")]),
            (
                "Rates fell 0.25 percentage points.",
                &[(0.25, "percentage point", E, false, "0.25 percentage points")],
            ),
            ("The deal is worth $4bn.", &[(4e9, "usd", E, false, "$4bn")]),
        ]);
    }

    #[test]
    fn hyphen_compounds() {
        check(&[
            ("They agreed a 30-day pause.", &[(30.0, "day", E, false, "30-day")]),
            ("After a two-hour meeting they left.", &[(2.0, "hour", E, false, "two-hour")]),
            ("A five-year-old boy was found.", &[(5.0, "year", E, false, "five-year-old")]),
            ("A 30–day truce began.", &[(30.0, "day", E, false, "30–day")]),
            ("It was a one-year deal.", &[(1.0, "year", E, false, "one-year")]),
            ("It was a one-sided game.", &[]),
            ("They met one-on-one.", &[]),
            ("It was a one-for-one swap.", &[]),
            ("He turned twenty-first in line.", &[]),
            ("Some 30-odd boats came.", &[(30.0, "boat", A, false, "Some 30-odd boats")]),
        ]);
    }

    #[test]
    fn units_and_of() {
        check(&[
            (
                "Troops downed 76 of 112 Russian drones launched overnight.",
                &[
                    (76.0, "drone", E, false, "76"),
                    (112.0, "drone", E, false, "112 Russian drones"),
                ],
            ),
            (
                "Nine of the 14 ships returned.",
                &[(9.0, "ship", E, false, "Nine"), (14.0, "ship", E, false, "14 ships")],
            ),
            ("Three of the prisoners escaped.", &[(3.0, "prisoner", E, false, "Three")]),
            ("They freed 40 prisoners each.", &[(40.0, "prisoner", E, true, "40 prisoners")]),
            (
                "Both sides sent nine individuals from each country.",
                &[(9.0, "person", E, true, "nine individuals")],
            ),
            ("The teams got 5 tickets apiece.", &[(5.0, "ticket", E, true, "5 tickets")]),
            (
                "Four people and three children died.",
                &[
                    (4.0, "person", E, false, "Four people"),
                    (3.0, "child", E, false, "three children"),
                ],
            ),
            ("Twelve regions voted.", &[(12.0, "region", E, false, "Twelve regions")]),
            ("The 27 member states agreed.", &[(27.0, "state", E, false, "27 member states")]),
            ("We saw 40 armed men.", &[(40.0, "man", E, false, "40 armed men")]),
            ("The two leaders spoke.", &[(2.0, "leader", E, false, "two leaders")]),
            (
                "They killed 7 civilians and 3 soldiers.",
                &[
                    (7.0, "civilian", E, false, "7 civilians"),
                    (3.0, "soldier", E, false, "3 soldiers"),
                ],
            ),
            ("One soldier was hurt.", &[(1.0, "soldier", E, false, "One soldier")]),
            ("He ran 10km.", &[(10.0, "km", E, false, "10km")]),
            ("It hit 45C.", &[(45.0, "celsius", E, false, "45C")]),
            ("They sent 31 Abrams tanks.", &[(31.0, "tank", E, false, "31 Abrams tanks")]),
            ("They freed 103 Ukrainians.", &[(103.0, "ukrainian", E, false, "103 Ukrainians")]),
            ("The counts were 3 and 4.", &[(3.0, "", E, false, "3"), (4.0, "", E, false, "4")]),
            ("Around 3m people fled.", &[(3e6, "person", A, false, "Around 3m people")]),
            ("Sales rose to 3.2m.", &[(3.2e6, "", E, false, "3.2m")]),
            ("They built a 2m-high wall.", &[(2.0, "metre", E, false, "2m-high")]),
            ("One in five adults smoke.", &[(0.2, "fraction", E, false, "One in five")]),
            ("It cut 1 in 10 jobs in 2024.", &[(0.1, "fraction", E, false, "1 in 10")]),
            ("It carried 12 crew.", &[(12.0, "crew", E, false, "12 crew")]),
            (
                "Fifteen casualties were reported.",
                &[(15.0, "casualty", E, false, "Fifteen casualties")],
            ),
        ]);
    }

    #[test]
    fn fractions() {
        check(&[
            ("A fifth of the budget went there.", &[(0.2, "fraction", E, false, "A fifth")]),
            ("Half of the votes were counted.", &[(0.5, "fraction", E, false, "Half")]),
            (
                "About a third of voters stayed home.",
                &[(1.0 / 3.0, "fraction", A, false, "About a third")],
            ),
            ("Two-thirds of members agreed.", &[(2.0 / 3.0, "fraction", E, false, "Two-thirds")]),
            ("Sales fell by a quarter in May.", &[(0.25, "fraction", E, false, "a quarter")]),
            ("Cases rose by a third in April.", &[(1.0 / 3.0, "fraction", E, false, "a third")]),
            ("He served a third term.", &[]),
            ("In the first half they scored.", &[]),
            ("More than half the drones fell.", &[(0.5, "fraction", L, false, "More than half")]),
            ("They waited half an hour.", &[(0.5, "hour", E, false, "half an hour")]),
            ("Three quarters of staff left.", &[(0.75, "fraction", E, false, "Three quarters")]),
        ]);
    }

    #[test]
    fn bounds() {
        check(&[
            ("It lasted over three years.", &[(3.0, "year", L, false, "over three years")]),
            ("More than 30 buses burned.", &[(30.0, "bus", L, false, "More than 30 buses")]),
            ("At least 12 homes were hit.", &[(12.0, "home", L, false, "At least 12 homes")]),
            ("Under 20 staff remain.", &[(20.0, "staff", U, false, "Under 20 staff")]),
            ("Fewer than 50 voters came.", &[(50.0, "voter", U, false, "Fewer than 50 voters")]),
            ("Up to 400 troops may deploy.", &[(400.0, "troop", U, false, "Up to 400 troops")]),
            ("At most five boats left.", &[(5.0, "boat", U, false, "At most five boats")]),
            ("It struck within 20 miles of us.", &[(20.0, "mile", U, false, "within 20 miles")]),
            (
                "A 15,800-square-metre hall.",
                &[(15800.0, "square metre", E, false, "15,800-square-metre")],
            ),
            ("It burned two square miles.", &[(2.0, "square mile", E, false, "two square miles")]),
            ("About 300 people marched.", &[(300.0, "person", A, false, "About 300 people")]),
            ("Nearly 90 percent voted.", &[(90.0, "percent", A, false, "Nearly 90 percent")]),
            ("Hundreds of people marched.", &[(100.0, "person", A, false, "Hundreds")]),
            ("Tens of thousands of fans sang.", &[(1e4, "fan", A, false, "Tens of thousands")]),
            ("Dozens of homes burned.", &[(12.0, "home", A, false, "Dozens")]),
            (
                "Several thousand people came.",
                &[(1000.0, "person", A, false, "Several thousand people")],
            ),
            ("We need 30 or more seats.", &[(30.0, "seat", L, false, "30 or more seats")]),
            (
                "As many as 200 people died.",
                &[(200.0, "person", U, false, "As many as 200 people")],
            ),
        ]);
    }

    #[test]
    fn not_counts() {
        check(&[
            ("He came first and she came 21st.", &[]),
            ("Fighting began in 2022.", &[]),
            ("It happened in March 2022 and since 2014.", &[]),
            ("The 2014 annexation was condemned.", &[]),
            ("Pope Leo XIV met Louis XVI fans.", &[]),
            ("They met at 10:30 and at 3 p.m.", &[]),
            ("The vote is on May 19.", &[]),
            ("The vote is on 19 May.", &[]),
            ("One of the ships sank.", &[]),
            ("No one was hurt, the one who left said.", &[]),
            ("The desk works 24/7.", &[]),
            ("Call +44 20 7946 0958 now.", &[]),
            ("Call 020 7946 0958 now.", &[]),
            ("She had a plan and an idea.", &[]),
            ("The Covid-19 wave and F-16 jets.", &[]),
            ("A Boeing 737 landed under Article 5.", &[]),
            ("The phone has USB 2.0 and runs iOS 17.", &[]),
            ("He lives at 10 Downing Street.", &[]),
            ("In the 1990s prices fell.", &[]),
            ("The score was 3-1.", &[]),
            ("The 2024 elections loom.", &[]),
            ("One must wait.", &[]),
            ("They watched Channel Four.", &[]),
        ]);
    }

    #[test]
    fn years_can_be_counts() {
        check(&[(
            "Police detained 2000 protesters.",
            &[(2000.0, "protester", E, false, "2000 protesters")],
        )]);
    }

    #[test]
    fn spans_are_absolute_and_curly_text_reads_plain() {
        let s = "“About 40” people—nine of them children—left.";
        let q = find_quantities(s, 100);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(&s[q[0].start - 100..q[0].end - 100], "About 40");
        assert_eq!(q[0].bound, Bound::Approximate);
        assert_eq!(q[1].value, 9.0);
        assert_eq!(q[1].unit, "");
    }

    #[test]
    fn singulars() {
        for (plural, single) in [
            ("days", Some("day")),
            ("countries", Some("country")),
            ("churches", Some("church")),
            ("buses", Some("bus")),
            ("heroes", Some("hero")),
            ("boxes", Some("box")),
            ("minutes", Some("minute")),
            ("class", None),
            ("status", None),
            ("this", None),
        ] {
            assert_eq!(unit_noun(plural).as_deref(), single, "{plural}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,80}", base in 0usize..1000) {
            for q in find_quantities(&s, base) {
                prop_assert!(q.start >= base && q.end <= base + s.len() && q.start < q.end);
                prop_assert!(s.is_char_boundary(q.start - base) && s.is_char_boundary(q.end - base));
                prop_assert!(q.value.is_finite());
            }
        }

        #[test]
        fn numberish_text_never_panics(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("one"), Just("a"), Just("half"), Just("of"), Just("the"), Just("30"),
                    Just("-"), Just("—"), Just("1,200"), Just("2.5"), Just("$"), Just("%"),
                    Just("million"), Just("hundreds"), Just("and"), Just("May"), Just("2022"),
                    Just("thirds"), Just("each"), Just("more"), Just("than"), Just(","), Just("m"),
                    Just("or"), Just("+"), Just("drones"), Just("day"), Just("’s"), Just("twenty"),
                ],
                0..16,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(""), Just(" ")], 16),
        ) {
            let mut s = String::new();
            for (p, g) in parts.iter().zip(&glue) {
                s.push_str(p);
                s.push_str(g);
            }
            for q in find_quantities(&s, 7) {
                prop_assert!(q.start >= 7 && q.end <= 7 + s.len());
                prop_assert!(s.is_char_boundary(q.start - 7) && s.is_char_boundary(q.end - 7));
            }
        }
    }
}
