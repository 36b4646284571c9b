//! Cross-source resolution: every mention of a run gets one canonical name.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::{Error, Result};
use crate::model::{Claim, EntityKind};

use super::lexicon::{self, gazetteer};
use super::references::Person;

/// Aliases a user adds at run time: this spelling (or full name) is that entity.
///
/// An alias wins over every rule: all mentions whose name or surface is the alias, and all
/// mentions already named like the target, become one entity named exactly the target. Keys are
/// compared without case, accents, dots or apostrophes, so "Zelenskyy" also covers "zelenskyy".
///
/// # Examples
/// ```
/// use corroborate::entity::Aliases;
///
/// let mut aliases = Aliases::new();
/// aliases.add("Kiev", "Kyiv").add("the Holy See", "Vatican");
/// assert_eq!(aliases.get("KIEV"), Some("Kyiv"));
/// let parsed = Aliases::parse("# alias\tcanonical\nBoJo\tBoris Johnson\n", "aliases.tsv").unwrap();
/// assert_eq!(parsed.get("bojo"), Some("Boris Johnson"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aliases {
    map: BTreeMap<String, String>,
}

impl Aliases {
    /// No aliases.
    pub fn new() -> Aliases {
        Aliases::default()
    }

    /// Says that `alias` names the entity `canonical`. A later `add` of the same alias replaces
    /// the earlier one.
    pub fn add(&mut self, alias: &str, canonical: &str) -> &mut Aliases {
        let key = name_key(alias);
        if !key.is_empty() && !canonical.trim().is_empty() {
            self.map.insert(key, canonical.trim().to_string());
        }
        self
    }

    /// Reads aliases from text: one `alias<TAB>canonical` per line; blank lines and lines
    /// starting with `#` are skipped. `input` names the file in errors.
    ///
    /// # Errors
    /// [`Error::Malformed`] naming `input` and the 1-based line when a line lacks the tab or
    /// either side is empty.
    pub fn parse(text: &str, input: &str) -> Result<Aliases> {
        let mut aliases = Aliases::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((alias, canonical)) = line.split_once('\t') else {
                return Err(Error::malformed(input, n + 1, "expected `alias<TAB>canonical`"));
            };
            if name_key(alias).is_empty() || canonical.trim().is_empty() {
                return Err(Error::malformed(input, n + 1, "empty alias or canonical name"));
            }
            aliases.add(alias, canonical);
        }
        Ok(aliases)
    }

    /// The canonical name `name` is an alias of, if any.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(&name_key(name)).map(String::as_str)
    }

    /// How many aliases there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Gives every mention in `claims` (all sources of a run) its canonical name, with no user
/// aliases. See [`resolve_with`].
pub fn resolve(claims: &mut [Claim]) {
    resolve_with(claims, &Aliases::new());
}

/// Gives every mention in `claims` (all sources of a run) its canonical name, then resolves the
/// speakers of each source's attributions and quotes (see
/// [`resolve_references`](super::resolve_references)).
///
/// Rules, in order:
/// - a user alias wins (see [`Aliases`]);
/// - gazetteer names keep the gazetteer's name ("U.S." and "United States" → "United States");
/// - multi-word names whose last words are spelling variants (transliteration normalised:
///   accents, `iy`/`y`, `kh`/`h`, `ts`/`tz`, `w`/`v`, doubled letters; then Jaro-Winkler ≥ 0.92)
///   and whose first words agree (equal after normalising, or Jaro-Winkler ≥ 0.88) are one;
/// - a single word ("Zelenskiy", "Putin") joins the one full name whose last word it matches, if
///   the full name is a person; when two different full names share it, it stays on its own;
/// - a name without a regnal numeral ("Pope Leo") joins the one numbered name ("Leo XIV");
/// - an acronym joins the one multi-word name whose initials it spells.
///
/// The canonical name of an entity is the spelling with the most words, the most frequent among
/// those, then the lexicographically first: it depends on counts only, never on the order of the
/// claims. The entity kind becomes the most
/// frequent specific kind among the mentions.
///
/// # Complexity
/// Near-linear in the number of mentions: names are compared only within blocks sharing a
/// consonant skeleton of their last word, never all pairs.
pub fn resolve_with(claims: &mut [Claim], aliases: &Aliases) {
    let mut table = NameTable::default();
    table.add(claims);
    NameMap::resolve(&table, aliases).apply(claims);
    let mut by_source: BTreeMap<&crate::model::SourceId, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_source.entry(&c.source).or_default().push(i);
    }
    let mut orders: Vec<Vec<usize>> = by_source.into_values().collect();
    for order in &mut orders {
        order.sort_by_key(|&i| (claims[i].id.index(), claims[i].start));
    }
    // What the whole run says of each person's role ("Russian President …" in one source) helps
    // read "the Russian leader" in another, among the people that source names.
    let roles = super::references::run_roles(claims);
    resolve_sources(claims, orders, &roles);
}

/// Resolves the references of each source (`orders`: each source's claims in text order), the
/// sources side by side when each one's claims lie together in `claims` (as when sources are
/// read one after another), else one after another. Each source reads and changes only its own
/// claims, so the order of the sources does not change the result.
fn resolve_sources(
    claims: &mut [Claim],
    mut orders: Vec<Vec<usize>>,
    roles: &HashMap<String, Person>,
) {
    use crate::par::*;
    let span = |order: &[usize]| {
        let lo = order.iter().copied().min().unwrap_or(0);
        let hi = order.iter().copied().max().map_or(0, |hi| hi + 1);
        (lo, hi)
    };
    let together = orders.iter().all(|o| {
        let (lo, hi) = span(o);
        hi - lo == o.len()
    });
    if !together {
        for order in &orders {
            super::references::resolve_in_order(claims, order, roles);
        }
        return;
    }
    // Disjoint ranges, cut out of `claims` left to right.
    orders.sort_by_key(|o| span(o).0);
    let mut jobs: Vec<(&mut [Claim], Vec<usize>)> = Vec::with_capacity(orders.len());
    let mut rest = claims;
    let mut offset = 0;
    for order in orders {
        let (lo, hi) = span(&order);
        let (_, tail) = std::mem::take(&mut rest).split_at_mut(lo - offset);
        let (own, tail) = tail.split_at_mut(hi - lo);
        rest = tail;
        offset = hi;
        jobs.push((own, order.into_iter().map(|i| i - lo).collect()));
    }
    jobs.into_par_iter()
        .for_each(|(own, order)| super::references::resolve_in_order(own, &order, roles));
}

/// The provisional names of a run with what resolution reads of each: how many mentions, of
/// which kinds, with which surface spellings. Adding a source adds its mentions, so a run that
/// grows (a [`crate::Stream`]) keeps its table instead of reading every mention again.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameTable {
    /// Provisional name → its mentions, per key kind (see [`key_kind`]).
    names: BTreeMap<String, [Option<NameCount>; 3]>,
}

#[derive(Clone, Debug, Default)]
struct NameCount {
    count: usize,
    kinds: [usize; 4],
    surfaces: BTreeSet<String>,
}

impl NameTable {
    /// Adds the mentions of `claims`.
    pub(crate) fn add(&mut self, claims: &[Claim]) {
        for e in claims.iter().flat_map(|c| &c.entities) {
            if !self.names.contains_key(&e.canonical) {
                self.names.insert(e.canonical.clone(), Default::default());
            }
            let Some(slots) = self.names.get_mut(&e.canonical) else { continue };
            let n = slots[key_kind(e.kind)].get_or_insert_with(NameCount::default);
            n.count += 1;
            n.kinds[kind_index(e.kind)] += 1;
            if !n.surfaces.contains(&e.surface) {
                n.surfaces.insert(e.surface.clone());
            }
        }
    }
}

/// What resolution decided: each provisional name's canonical name and kind (per key kind), and
/// the renames that speakers resolved against provisional names follow.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct NameMap {
    entities: HashMap<String, [Option<(String, EntityKind)>; 3]>,
    renames: HashMap<String, String>,
}

impl NameMap {
    /// Resolves the names of `table` (the rules of [`resolve_with`]).
    pub(crate) fn resolve(table: &NameTable, aliases: &Aliases) -> NameMap {
        let r = Resolution::build(table, aliases);
        let entities = r
            .node_of
            .iter()
            .map(|(name, slots)| {
                let resolved = slots.map(|node| {
                    node.map(|node| {
                        let root = r.root(node);
                        (r.canonical[&root].clone(), r.kind[&root])
                    })
                });
                (name.clone(), resolved)
            })
            .collect();
        NameMap { entities, renames: r.renames() }
    }

    /// Gives the mentions of `claims` their canonical names and kinds, and speakers resolved
    /// against provisional names the canonical name of their entity.
    pub(crate) fn apply(&self, claims: &mut [Claim]) {
        for claim in claims.iter_mut() {
            for e in &mut claim.entities {
                if let Some((name, kind)) =
                    self.entities.get(&e.canonical).and_then(|s| s[key_kind(e.kind)].as_ref())
                {
                    e.canonical = name.clone();
                    e.kind = *kind;
                }
            }
            if let Some(a) = &mut claim.attribution
                && a.resolved
                && let Some(new) = self.renames.get(&a.speaker)
            {
                a.speaker = new.clone();
            }
            for q in &mut claim.quotes {
                if let Some(new) = q.speaker.as_ref().and_then(|s| self.renames.get(s)) {
                    q.speaker = Some(new.clone());
                }
            }
        }
    }

    /// The provisional names whose resolution differs between `self` and `other`.
    fn changed(&self, other: &NameMap) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (a, b) in [(self, other), (other, self)] {
            for (name, slots) in &a.entities {
                if b.entities.get(name) != Some(slots) {
                    out.insert(name.clone());
                }
            }
            for (name, new) in &a.renames {
                if b.renames.get(name) != Some(new) {
                    out.insert(name.clone());
                }
            }
        }
        out
    }
}

/// Resolution kept up to date as sources arrive, for a [`crate::Stream`]: the name table, what it
/// resolved to, and what each source says of people's roles. An update re-resolves only the
/// sources whose result can change — the new ones, those naming a name whose resolution moved,
/// and those naming a person whose run-wide roles moved — with the same result as
/// [`resolve_with`] over the whole run.
#[derive(Clone, Debug, Default)]
pub(crate) struct RunNames {
    table: NameTable,
    map: NameMap,
    /// Per source: the roles its claims give people (after renaming).
    roles_of: Vec<HashMap<String, Person>>,
    /// Provisional name (of a mention or a speaker) → the sources using it.
    naming: HashMap<String, BTreeSet<u32>>,
    /// Canonical person → the sources naming them.
    people: HashMap<String, BTreeSet<u32>>,
    /// The run's roles: the union of every source's.
    roles: HashMap<String, Person>,
}

impl RunNames {
    /// Adds the sources from `first` on of `sources` (each source's claims as extracted, all
    /// sources of the run in the order added) and returns the sources whose resolved claims may
    /// have changed, new ones included, each with its claims resolved, in source order.
    pub(crate) fn update(
        &mut self,
        sources: &[&[Claim]],
        first: usize,
        aliases: &Aliases,
    ) -> Vec<(usize, Vec<Claim>)> {
        for (s, claims) in sources.iter().enumerate().skip(first) {
            self.table.add(claims);
            for c in claims.iter() {
                let speakers = c.attribution.iter().map(|a| &a.speaker);
                let quoted = c.quotes.iter().filter_map(|q| q.speaker.as_ref());
                for name in c.entities.iter().map(|e| &e.canonical).chain(speakers).chain(quoted) {
                    if !self.naming.get(name).is_some_and(|n| n.contains(&(s as u32))) {
                        self.naming.entry(name.clone()).or_default().insert(s as u32);
                    }
                }
            }
        }
        let map = NameMap::resolve(&self.table, aliases);
        // A source's claims with the run's names, before its references are resolved.
        let renamed_claims = |map: &NameMap, s: u32| {
            let mut claims = sources[s as usize].to_vec();
            map.apply(&mut claims);
            claims
        };
        let mut redo: BTreeSet<u32> = (first as u32..sources.len() as u32).collect();
        for name in self.map.changed(&map) {
            redo.extend(self.naming.get(&name).into_iter().flatten());
        }
        self.map = map;

        // Renamed claims and role contributions of the sources to redo.
        self.roles_of.resize(sources.len(), HashMap::new());
        let mut renamed: BTreeMap<u32, Vec<Claim>> = BTreeMap::new();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        for &s in &redo {
            let claims = renamed_claims(&self.map, s);
            let roles = super::references::run_roles(&claims);
            let old = std::mem::replace(&mut self.roles_of[s as usize], roles);
            for person in old.keys() {
                if !self.roles_of[s as usize].contains_key(person) {
                    if let Some(set) = self.people.get_mut(person) {
                        set.remove(&s);
                    }
                    touched.insert(person.clone());
                }
            }
            for (person, said) in &self.roles_of[s as usize] {
                if old.get(person) != Some(said) {
                    touched.insert(person.clone());
                }
                self.people.entry(person.clone()).or_default().insert(s);
            }
            renamed.insert(s, claims);
        }
        // Run-wide roles of the people whose sources changed what they say.
        let mut more: BTreeSet<u32> = BTreeSet::new();
        for person in touched {
            let sources_of = self.people.get(&person).cloned().unwrap_or_default();
            let mut merged: Option<Person> = None;
            for &s in &sources_of {
                if let Some(said) = self.roles_of[s as usize].get(&person) {
                    match &mut merged {
                        Some(m) => m.merge(said),
                        None => merged = Some(said.clone()),
                    }
                }
            }
            if merged.as_ref() != self.roles.get(&person) {
                more.extend(&sources_of);
                match merged {
                    Some(m) => self.roles.insert(person, m),
                    None => self.roles.remove(&person),
                };
            }
        }
        for s in more {
            renamed.entry(s).or_insert_with(|| renamed_claims(&self.map, s));
        }
        renamed
            .into_iter()
            .map(|(s, mut claims)| {
                let mut order: Vec<usize> = (0..claims.len()).collect();
                order.sort_by_key(|&i| (claims[i].id.index(), claims[i].start));
                super::references::resolve_in_order(&mut claims, &order, &self.roles);
                (s as usize, claims)
            })
            .collect()
    }
}

/// Gazetteer mentions never merge with free names of another kind; free names of any kind
/// share one key space (resolution decides their kind).
fn key_kind(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
        _ => 0,
    }
}

/// A distinct provisional name and what resolution knows of it.
#[derive(Debug, Default)]
struct Node {
    /// The provisional canonical as written ("Volodymyr Zelenskiy", "Leo XIV").
    name: String,
    /// Normalised name words without a regnal numeral.
    words: Vec<String>,
    numeral: Option<String>,
    gazetteer: bool,
    count: usize,
    kinds: [usize; 4],
}

struct Resolution {
    nodes: Vec<Node>,
    /// Provisional name → node, per key kind (see [`key_kind`]).
    node_of: HashMap<String, [Option<usize>; 3]>,
    parent: Vec<usize>,
    canonical: HashMap<usize, String>,
    kind: HashMap<usize, EntityKind>,
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
        _ => 3,
    }
}

const KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Place, EntityKind::Organization, EntityKind::Other];

impl Resolution {
    fn build(table: &NameTable, aliases: &Aliases) -> Resolution {
        let gz_names = &gazetteer().canonicals;
        let mut r = Resolution {
            nodes: Vec::new(),
            node_of: HashMap::new(),
            parent: Vec::new(),
            canonical: HashMap::new(),
            kind: HashMap::new(),
        };
        // Surface spellings per node, for alias lookups.
        let mut surfaces: Vec<&BTreeSet<String>> = Vec::new();
        for (name, slots) in &table.names {
            for (slot, mentions) in slots.iter().enumerate() {
                let Some(mentions) = mentions else { continue };
                let (words, numeral) = name_words(name);
                r.nodes.push(Node {
                    name: name.clone(),
                    words,
                    numeral,
                    // Slot 0 holds persons and other names; places and organisations keep a
                    // gazetteer name.
                    gazetteer: slot != 0 && gz_names.contains(name),
                    count: mentions.count,
                    kinds: mentions.kinds,
                });
                surfaces.push(&mentions.surfaces);
                r.node_of.entry(name.clone()).or_default()[slot] = Some(r.nodes.len() - 1);
            }
        }
        r.parent = (0..r.nodes.len()).collect();
        // Visit nodes in name order so that every choice below is independent of claim order.
        let mut order: Vec<usize> = (0..r.nodes.len()).collect();
        order.sort_by(|&a, &b| {
            (&r.nodes[a].name, r.nodes[a].kinds).cmp(&(&r.nodes[b].name, r.nodes[b].kinds))
        });
        r.merge_full_names(&order);
        r.merge_numerals(&order);
        r.merge_surnames(&order);
        r.merge_acronyms(&order);
        let pinned = r.merge_aliases(&order, &surfaces, aliases);
        r.choose_names(&order, &pinned);
        r
    }

    fn root(&self, mut x: usize) -> usize {
        while self.parent[x] != x {
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        // The smaller index becomes the root: deterministic for a given node numbering, and the
        // final names never depend on which node is the root.
        if ra < rb {
            self.parent[rb] = ra;
        } else if rb < ra {
            self.parent[ra] = rb;
        }
    }

    fn free(&self, i: usize) -> bool {
        !self.nodes[i].gazetteer && !self.nodes[i].words.is_empty()
    }

    /// Multi-word names whose first and last words are variants of each other.
    fn merge_full_names(&mut self, order: &[usize]) {
        let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in order {
            if self.free(i) && self.nodes[i].words.len() >= 2 {
                blocks
                    .entry(skeleton(self.nodes[i].words.last().unwrap_or(&String::new())))
                    .or_default()
                    .push(i);
            }
        }
        for members in blocks.values() {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    let (na, nb) = (&self.nodes[a], &self.nodes[b]);
                    if na.numeral == nb.numeral
                        && similar(
                            &na.words[na.words.len() - 1],
                            &nb.words[nb.words.len() - 1],
                            0.92,
                        )
                        && similar(&na.words[0], &nb.words[0], 0.88)
                    {
                        self.union(a, b);
                    }
                }
            }
        }
    }

    /// "Leo" joins "Leo XIV" when exactly one numbered name has that base.
    fn merge_numerals(&mut self, order: &[usize]) {
        let mut numbered: HashMap<Vec<String>, BTreeSet<String>> = HashMap::new();
        for &i in order {
            if self.free(i)
                && let Some(num) = &self.nodes[i].numeral
            {
                numbered.entry(self.nodes[i].words.clone()).or_default().insert(num.clone());
            }
        }
        let mut by_base: HashMap<(Vec<String>, String), usize> = HashMap::new();
        for &i in order {
            if self.free(i)
                && let Some(num) = &self.nodes[i].numeral
            {
                by_base.insert((self.nodes[i].words.clone(), num.clone()), i);
            }
        }
        for &i in order {
            if !self.free(i) || self.nodes[i].numeral.is_some() {
                continue;
            }
            if let Some(nums) = numbered.get(&self.nodes[i].words)
                && nums.len() == 1
                && let Some(num) = nums.iter().next()
                && let Some(&target) = by_base.get(&(self.nodes[i].words.clone(), num.clone()))
            {
                self.union(i, target);
            }
        }
    }

    /// A single word joins the one person whose full name ends in it (a full name counts as a
    /// person's unless some mention of it is a place or an organisation).
    fn merge_surnames(&mut self, order: &[usize]) {
        // Components that hold a person, indexed by the skeleton of each full name's last word.
        let mut person_root: HashMap<usize, bool> = HashMap::new();
        for &i in order {
            let root = self.root(i);
            // A full name with no sign of being a place or body counts as a person's.
            let n = &self.nodes[i];
            let is_person = n.kinds[0] > 0 || (n.kinds[1] == 0 && n.kinds[2] == 0);
            *person_root.entry(root).or_insert(true) &= is_person || n.words.len() < 2;
        }
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in order {
            if self.free(i) && self.nodes[i].words.len() >= 2 {
                surnames
                    .entry(skeleton(self.nodes[i].words.last().unwrap_or(&String::new())))
                    .or_default()
                    .push(i);
            }
        }
        let mut singles: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut joins = Vec::new();
        for &i in order {
            let node = &self.nodes[i];
            if !self.free(i) || node.words.len() != 1 || node.numeral.is_some() {
                continue;
            }
            // An acronym is not a surname.
            if node.kinds[2] > 0
                && node.name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            {
                continue;
            }
            let word = &node.words[0];
            let key = skeleton(word);
            let mut roots = BTreeSet::new();
            for &full in surnames.get(&key).map_or(&[][..], Vec::as_slice) {
                let last = self.nodes[full].words.last().map_or("", String::as_str);
                if similar(word, last, 0.92) {
                    roots.insert(self.root(full));
                }
            }
            match roots.len() {
                0 => singles.entry(key).or_default().push(i),
                1 => {
                    let root = *roots.iter().next().unwrap_or(&i);
                    if person_root.get(&root).copied().unwrap_or(false) {
                        joins.push((i, root));
                    }
                }
                // Two different people share the surname: leave it alone.
                _ => {}
            }
        }
        for (a, b) in joins {
            self.union(a, b);
        }
        // Single words with no full name: spelling variants of each other are one.
        for members in singles.values() {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    if similar(&self.nodes[a].words[0], &self.nodes[b].words[0], 0.92) {
                        self.union(a, b);
                    }
                }
            }
        }
    }

    /// "IAEA" joins "International Atomic Energy Agency" when exactly one name has those initials.
    fn merge_acronyms(&mut self, order: &[usize]) {
        let mut by_initials: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for &i in order {
            let n = &self.nodes[i];
            if n.gazetteer || n.name.split_whitespace().count() < 2 {
                continue;
            }
            let initials: String = n
                .name
                .split_whitespace()
                .filter(|w| {
                    !matches!(w.to_lowercase().as_str(), "of" | "the" | "and" | "for" | "de")
                })
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            if initials.chars().count() >= 2 {
                by_initials.entry(initials).or_default().insert(i);
            }
        }
        let mut joins = Vec::new();
        for &i in order {
            let n = &self.nodes[i];
            let letters: String = n.name.chars().filter(|c| c.is_alphabetic()).collect();
            if n.gazetteer
                || n.name.contains(' ')
                || letters.chars().count() < 2
                || !letters.chars().all(char::is_uppercase)
            {
                continue;
            }
            if let Some(full) = by_initials.get(&letters) {
                let roots: BTreeSet<usize> = full.iter().map(|&f| self.root(f)).collect();
                if roots.len() == 1
                    && let Some(&root) = roots.iter().next()
                {
                    joins.push((i, root));
                }
            }
        }
        for (a, b) in joins {
            self.union(a, b);
        }
    }

    /// Applies user aliases; returns the pinned name of each component an alias touched.
    fn merge_aliases(
        &mut self,
        order: &[usize],
        surfaces: &[&BTreeSet<String>],
        aliases: &Aliases,
    ) -> HashMap<usize, String> {
        let mut targets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        if aliases.is_empty() {
            return HashMap::new();
        }
        let target_keys: HashMap<String, &str> =
            aliases.map.values().map(|t| (name_key(t), t.as_str())).collect();
        for &i in order {
            let n = &self.nodes[i];
            let hit = aliases
                .get(&n.name)
                .or_else(|| surfaces[i].iter().find_map(|s| aliases.get(s)))
                .or_else(|| target_keys.get(&name_key(&n.name)).copied());
            if let Some(t) = hit {
                targets.entry(t.to_string()).or_default().push(i);
            }
        }
        for members in targets.values() {
            for w in members.windows(2) {
                self.union(w[0], w[1]);
            }
        }
        // Roots are final only now that every union is done.
        targets
            .into_iter()
            .filter_map(|(t, members)| members.first().map(|&m| (self.root(m), t)))
            .collect()
    }

    fn choose_names(&mut self, order: &[usize], pinned: &HashMap<usize, String>) {
        let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in order {
            components.entry(self.root(i)).or_default().push(i);
        }
        for (root, members) in components {
            let mut kinds = [0usize; 4];
            for &m in &members {
                for (k, c) in self.nodes[m].kinds.iter().enumerate() {
                    kinds[k] += c;
                }
            }
            let name = if let Some(t) = pinned.get(&root) {
                t.clone()
            } else if let Some(g) = members
                .iter()
                .filter(|&&m| self.nodes[m].gazetteer)
                .map(|&m| &self.nodes[m].name)
                .min()
            {
                g.clone()
            } else {
                self.best_spelling(&members)
            };
            // The most frequent specific kind; Other only when nothing more is known.
            let kind = (0..3)
                .filter(|&k| kinds[k] > 0)
                .max_by_key(|&k| (kinds[k], 3 - k))
                .map_or(EntityKind::Other, |k| KINDS[k]);
            self.canonical.insert(root, name);
            self.kind.insert(root, kind);
        }
    }

    /// The full spelling (most words) that most mentions use; among equals the
    /// lexicographically first. Counts only, so the claim order never matters.
    fn best_spelling(&self, members: &[usize]) -> String {
        let words =
            |m: usize| self.nodes[m].words.len() + usize::from(self.nodes[m].numeral.is_some());
        let most = members.iter().map(|&m| words(m)).max().unwrap_or(0);
        members
            .iter()
            .filter(|&&m| words(m) == most)
            .map(|&m| (self.nodes[m].count, &self.nodes[m].name))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map_or_else(String::new, |(_, n)| n.clone())
    }

    /// Old provisional name → new canonical, where the old name maps to one entity only.
    fn renames(&self) -> HashMap<String, String> {
        let mut map: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (name, slots) in &self.node_of {
            for &node in slots.iter().flatten() {
                map.entry(name.clone())
                    .or_default()
                    .insert(self.canonical[&self.root(node)].clone());
            }
        }
        map.into_iter()
            .filter(|(_, v)| v.len() == 1)
            .filter_map(|(k, v)| v.into_iter().next().map(|n| (k, n)))
            .collect()
    }
}

/// The lookup key of a name: lowercase plain letters and digits, accents stripped
/// ([`crate::text::fold`]), dots and apostrophes dropped, words separated by one space.
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::new();
    let mut folded = String::new();
    for word in name.split(|c: char| c.is_whitespace() || crate::text::plain_char(c) == '-') {
        folded.clear();
        crate::text::push_fold(word, &mut folded);
        if !folded.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(folded.chars().filter(|c| c.is_alphanumeric()));
    }
    out
}

/// The normalised words of a name and its regnal numeral, if the last word is one.
fn name_words(name: &str) -> (Vec<String>, Option<String>) {
    let mut raw: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let numeral = match raw.last() {
        Some(w) if raw.len() >= 2 && lexicon::is_roman(w) => {
            let n = w.to_string();
            raw.pop();
            Some(n)
        }
        _ => None,
    };
    let words = raw
        .iter()
        // Name particles carry no identity: "von der Leyen" ~ "Von der Leyen" ~ "Leyen".
        .filter(|w| !lexicon::is_connector(&w.to_lowercase()))
        .map(|w| transliterate(&name_key(w).replace(' ', "")))
        .filter(|w| !w.is_empty())
        .collect();
    (words, numeral)
}

/// One spelling for the usual transliteration variants of a (lowercase, accent-free) word:
/// Zelenskiy / Zelenskyy / Zelensky, Khodorkovsky / Hodorkovsky, Wladimir / Vladimir.
pub(crate) fn transliterate(word: &str) -> String {
    let mut s = word
        .replace("kh", "h")
        .replace("tz", "ts")
        .replace('w', "v")
        .replace("ph", "f")
        .replace('j', "y")
        .replace("ck", "k");
    // Doubled letters collapse: "Zelenskyy" → "zelensky".
    let mut collapsed = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if Some(c) != prev {
            collapsed.push(c);
        }
        prev = Some(c);
    }
    s = collapsed;
    for (from, to) in [("iy", "y"), ("yi", "y"), ("ij", "y")] {
        if let Some(stem) = s.strip_suffix(from) {
            s = format!("{stem}{to}");
        }
    }
    if s.len() > 2
        && let Some(stem) = s.strip_suffix('i')
    {
        s = format!("{stem}y");
    }
    s
}

/// A coarse key for blocking: the first letter and the consonants after it.
fn skeleton(word: &str) -> String {
    let mut chars = word.chars();
    let mut out: String = chars.next().into_iter().collect();
    out.extend(chars.filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h')));
    out
}

/// Whether two normalised words are the same name: equal, or Jaro-Winkler ≥ `threshold` for
/// words of four letters or more (short words must be equal).
fn similar(a: &str, b: &str, threshold: f64) -> bool {
    a == b
        || (a.chars().count() >= 4
            && b.chars().count() >= 4
            && strsim::jaro_winkler(a, b) >= threshold)
}
