//! The claims of many sources about many variables, in sparse form.
//!
//! A *variable* is an (object, attribute) pair ("book 9780306406157", "authors"); a *claim* is a
//! distinct (variable, value) pair; a source *makes* a claim when it states that value. The
//! source × claim incidence matrix is stored twice, row-major (each source's claims) and
//! column-major (each claim's sources), as CSR index arrays, and the claims of one variable are
//! numbered contiguously, so the "same variable" matrix `M` of the algorithms is a range.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::value::Value;

/// Sources, variables and claims, with the incidence between sources and claims.
///
/// Build one with [`DatasetBuilder`]. Indices (`source`, `variable`, `claim`) are dense `usize`
/// from 0, in order of first appearance (claims: grouped by variable, then first appearance).
#[derive(Clone, Debug)]
pub struct Dataset {
    sources: Vec<String>,
    variables: Vec<(String, String)>,
    values: Vec<Value>,
    claim_variable: Vec<u32>,
    variable_start: Vec<u32>,
    source_start: Vec<u32>,
    source_claims: Vec<u32>,
    claim_start: Vec<u32>,
    claim_sources: Vec<u32>,
}

impl Dataset {
    /// The number of sources.
    pub fn n_sources(&self) -> usize {
        self.sources.len()
    }

    /// The number of variables.
    pub fn n_variables(&self) -> usize {
        self.variables.len()
    }

    /// The number of distinct claims (variable, value).
    pub fn n_claims(&self) -> usize {
        self.values.len()
    }

    /// The number of (source, claim) statements.
    pub fn n_statements(&self) -> usize {
        self.source_claims.len()
    }

    /// A source's name.
    pub fn source_name(&self, source: usize) -> &str {
        &self.sources[source]
    }

    /// A source's index by name (linear search; for tests and reports).
    pub fn source_index(&self, name: &str) -> Option<usize> {
        self.sources.iter().position(|s| s == name)
    }

    /// A variable's object and attribute.
    pub fn variable(&self, variable: usize) -> (&str, &str) {
        let (o, a) = &self.variables[variable];
        (o, a)
    }

    /// A variable's index by object and attribute (linear search; for tests and reports).
    pub fn variable_index(&self, object: &str, attribute: &str) -> Option<usize> {
        self.variables.iter().position(|(o, a)| o == object && a == attribute)
    }

    /// The claims about `variable`: a range of claim indices.
    pub fn variable_claims(&self, variable: usize) -> std::ops::Range<usize> {
        self.variable_start[variable] as usize..self.variable_start[variable + 1] as usize
    }

    /// The value of a claim.
    pub fn value(&self, claim: usize) -> &Value {
        &self.values[claim]
    }

    /// The variable a claim is about.
    pub fn claim_variable(&self, claim: usize) -> usize {
        self.claim_variable[claim] as usize
    }

    /// The claims a source makes.
    pub fn claims_of(&self, source: usize) -> &[u32] {
        &self.source_claims
            [self.source_start[source] as usize..self.source_start[source + 1] as usize]
    }

    /// The sources making a claim.
    pub fn sources_of(&self, claim: usize) -> &[u32] {
        &self.claim_sources[self.claim_start[claim] as usize..self.claim_start[claim + 1] as usize]
    }
}

/// Builds a [`Dataset`] one statement at a time, interning names and values.
///
/// ```
/// use corroborate::truth::{DatasetBuilder, Value};
/// let mut b = DatasetBuilder::new();
/// b.add("a", "ceasefire", "days", Value::Number(30.0));
/// b.add("b", "ceasefire", "days", Value::Number(30.0));
/// b.add("c", "ceasefire", "days", Value::Number(3.0));
/// let data = b.build();
/// assert_eq!((data.n_sources(), data.n_variables(), data.n_claims()), (3, 1, 2));
/// ```
#[derive(Debug, Default)]
pub struct DatasetBuilder {
    sources: Interner,
    variables: Interner,
    variable_names: Vec<(String, String)>,
    claims: HashMap<(u32, Value), u32, FastHash>,
    claim_values: Vec<(u32, Value)>,
    statements: Vec<(u32, u32)>,
    key: String,
    /// The variable of the previous statement and its key: files usually group statements by
    /// object, so most lookups of the variable are skipped.
    last_variable: Option<u32>,
}

impl DatasetBuilder {
    /// An empty builder.
    pub fn new() -> DatasetBuilder {
        DatasetBuilder::default()
    }

    /// Records that `source` states `value` for the `attribute` of `object`. Stating the same
    /// value twice counts once.
    pub fn add(&mut self, source: &str, object: &str, attribute: &str, value: Value) {
        let s = self.sources.intern(source);
        let same = self.last_variable.filter(|_| {
            let k = self.key.as_bytes();
            k.len() == object.len() + 1 + attribute.len()
                && k.starts_with(object.as_bytes())
                && k[object.len()] == 0x1f
                && k.ends_with(attribute.as_bytes())
        });
        let v = match same {
            Some(v) => v,
            None => {
                self.key.clear();
                self.key.push_str(object);
                self.key.push('\u{1f}');
                self.key.push_str(attribute);
                let before = self.variables.len();
                let v = self.variables.intern(&self.key);
                if self.variables.len() > before {
                    self.variable_names.push((object.to_string(), attribute.to_string()));
                }
                self.last_variable = Some(v);
                v
            }
        };
        let next = self.claim_values.len() as u32;
        let c = match self.claims.entry((v, value)) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                self.claim_values.push((v, e.key().1.clone()));
                e.insert(next);
                next
            }
        };
        self.statements.push((s, c));
    }

    /// The number of statements added so far (duplicates included).
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The dataset.
    ///
    /// **Complexity**: O(S log S) for S statements (a sort that drops repeated statements).
    pub fn build(self) -> Dataset {
        let n_sources = self.sources.len();
        let n_variables = self.variables.len();
        let n_claims = self.claim_values.len();
        // Renumber claims so that each variable's claims are contiguous, keeping first-appearance
        // order within a variable (a stable sort).
        let mut order: Vec<u32> = (0..n_claims as u32).collect();
        order.sort_by_key(|&c| self.claim_values[c as usize].0);
        let mut renumber = vec![0u32; n_claims];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let mut slots: Vec<Option<(u32, Value)>> =
            self.claim_values.into_iter().map(Some).collect();
        let mut values = Vec::with_capacity(n_claims);
        let mut claim_variable = Vec::with_capacity(n_claims);
        for &old in &order {
            let (v, value) = slots[old as usize].take().expect("each claim is moved once");
            claim_variable.push(v);
            values.push(value);
        }
        let mut variable_start = vec![0u32; n_variables + 1];
        for &v in &claim_variable {
            variable_start[v as usize + 1] += 1;
        }
        for i in 0..n_variables {
            variable_start[i + 1] += variable_start[i];
        }
        // Counting sort into rows (linear, where a comparison sort of a million pairs is not),
        // then sort and deduplicate each source's short row.
        let (mut source_start, mut source_claims) = bucket(
            n_sources,
            self.statements.iter().map(|&(s, c)| (s, renumber[c as usize])),
            self.statements.len(),
        );
        let mut write = 0usize;
        for s in 0..n_sources {
            let (lo, hi) = (source_start[s] as usize, source_start[s + 1] as usize);
            source_claims[lo..hi].sort_unstable();
            source_start[s] = write as u32;
            let mut prev = None;
            for i in lo..hi {
                let c = source_claims[i];
                if prev != Some(c) {
                    source_claims[write] = c;
                    write += 1;
                    prev = Some(c);
                }
            }
        }
        source_start[n_sources] = write as u32;
        source_claims.truncate(write);
        // Scanning sources in order leaves each claim's row sorted by source.
        let (claim_start, claim_sources) = bucket(
            n_claims,
            (0..n_sources).flat_map(|s| {
                let row = &source_claims[source_start[s] as usize..source_start[s + 1] as usize];
                row.iter().map(move |&c| (c, s as u32))
            }),
            source_claims.len(),
        );
        Dataset {
            sources: self.sources.names,
            variables: self.variable_names,
            values,
            claim_variable,
            variable_start,
            source_start,
            source_claims,
            claim_start,
            claim_sources,
        }
    }
}

/// Row pointers and column indices from (row, column) pairs in any order, by counting sort;
/// within a row, columns keep the order of the pairs.
fn bucket(
    n_rows: usize,
    pairs: impl Iterator<Item = (u32, u32)> + Clone,
    n_pairs: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; n_rows + 1];
    for (r, _) in pairs.clone() {
        start[r as usize + 1] += 1;
    }
    for i in 0..n_rows {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut cols = vec![0u32; n_pairs];
    for (r, c) in pairs {
        let slot = &mut next[r as usize];
        cols[*slot as usize] = c;
        *slot += 1;
    }
    (start, cols)
}

/// Names to dense indices, looked up without allocating when the name is known.
#[derive(Debug, Default)]
struct Interner {
    index: HashMap<String, u32, FastHash>,
    names: Vec<String>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// The FxHash function (rustc's): interning a million short keys is dominated by hashing, and
/// SipHash's protection against flooding is not needed for a batch tool's own input.
type FastHash = BuildHasherDefault<FxHasher>;

#[derive(Default)]
struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits depending only on the low input bits, and hashbrown
        // picks buckets by the low bits: without this final mix (MurmurHash3's fmix64), keys
        // that differ only in their last bytes ("s1234", "s1235") collide.
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_grouped_by_variable_and_statements_deduplicated() {
        let mut b = DatasetBuilder::new();
        b.add("s1", "x", "a", Value::Number(1.0));
        b.add("s1", "y", "a", Value::Number(5.0));
        b.add("s2", "x", "a", Value::Number(2.0));
        b.add("s2", "x", "a", Value::Number(2.0));
        b.add("s3", "x", "a", Value::Number(1.0));
        b.add("s3", "y", "a", Value::Number(5.0));
        let d = b.build();
        assert_eq!((d.n_sources(), d.n_variables(), d.n_claims(), d.n_statements()), (3, 2, 3, 5));
        let x = d.variable_index("x", "a").unwrap();
        let xs: Vec<f64> = d.variable_claims(x).map(|c| d.value(c).as_number().unwrap()).collect();
        assert_eq!(xs, vec![1.0, 2.0]);
        for c in 0..d.n_claims() {
            for &s in d.sources_of(c) {
                assert!(d.claims_of(s as usize).contains(&(c as u32)));
            }
            assert!(d.variable_claims(d.claim_variable(c)).contains(&c));
        }
        assert_eq!(d.sources_of(1).len(), 1, "s2's repeated statement counts once");
    }
}
