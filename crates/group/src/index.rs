//! Online story clustering: [`StoryIndex`] takes one article at a time, finds its copies
//! and the story it belongs to, and keeps enough state to answer story queries.
//!
//! Cost per article does not grow with the archive: candidates come from an inverted
//! index whose posting lists hold at most [`Config::posting_cap`] stories each (the most
//! recently updated), and from MinHash LSH buckets over a window of recent articles.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::features::{ArticleFeatures, MINHASH, jaccard};
use crate::hash::{self, Map};

mod memory;
pub use memory::Part as MemoryPart;

/// The knobs of the grouping stage. One configuration serves every set: the defaults are
/// the configuration measured in `docs/BENCHMARKS.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Weight of the TF-IDF cosine over stemmed terms.
    pub w_text: f32,
    /// Weight of the name-anchor cosine.
    pub w_names: f32,
    /// Weight of the figure-anchor cosine.
    pub w_figures: f32,
    /// Least combined similarity for an article to join a story active around its date.
    pub threshold: f32,
    /// Days a story may be quiet before it needs stronger evidence.
    pub dormant_days: f32,
    /// Threshold added per e-fold of dormancy beyond `dormant_days`.
    pub dormant_step: f32,
    /// The threshold never exceeds this, however old the story.
    pub max_threshold: f32,
    /// Terms kept per story centroid.
    pub story_terms: usize,
    /// Stories kept per posting list (most recently updated).
    pub posting_cap: usize,
    /// Heaviest article terms used to look up candidates.
    pub query_terms: usize,
    /// Candidate stories scored in full per article.
    pub candidates: usize,
    /// Least MinHash Jaccard for a near-duplicate copy.
    pub copy_jaccard: f32,
    /// Least estimated containment (of the shorter in the longer) for a partial copy.
    pub copy_containment: f32,
    /// Least TF-IDF cosine to an article of the same story and language for a rewrite.
    pub rewrite_cosine: f32,
    /// Least Jaccard of name and figure anchors for a translation.
    pub translation_anchors: f32,
    /// Recent articles kept for copy detection (signatures, term vectors).
    pub copy_window: usize,
    /// Least centroid similarity for two stories to be merged.
    pub merge_threshold: f32,
    /// A story whose members joined with a mean score m asks at least this share of m
    /// of a newcomer: a tight story does not take in a merely related article.
    pub cohesion_ratio: f32,
    /// Threshold added per main name of the article missing from the story, or of the
    /// story missing from the article (another protagonist: another event).
    pub missing_name_penalty: f32,
    /// For a merge, the article must reach this share of the second story's threshold.
    pub merge_article: f32,
    /// Threshold added when the article's language is none of the story's: the score is
    /// then made of the language-neutral anchors (names, figures) alone.
    pub cross_language_margin: f32,
    /// Across languages, name anchors agreeing at least this much shrink the dormancy
    /// rise of the threshold (by the agreement).
    pub resume_names: f32,
    /// Threshold added when none of the article's protagonists (the people its headline
    /// or lead names) is a protagonist of at least `protagonist_share` of the story's
    /// members that name one: the same kind of event with another protagonist.
    pub protagonist_penalty: f32,
    /// See `protagonist_penalty`.
    pub protagonist_share: f32,
    /// The penalty applies only to a story with a protagonist of its own: named by at
    /// least two and this share of its originals that name one.
    pub protagonist_main: f32,
    /// The share of the story's cohesion asked, instead of `cohesion_ratio`, of an
    /// article whose headline or lead names one of the story's own protagonists (see
    /// `protagonist_main`) and no one that none of the story's originals lead with: an
    /// article about the same people is held to the base threshold and a looser cohesion
    /// rule, not to the story's tightest joins.
    pub protagonist_cohesion: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            w_text: 0.6,
            w_names: 0.4,
            w_figures: 0.15,
            threshold: 0.25,
            dormant_days: 7.0,
            dormant_step: 0.08,
            max_threshold: 0.75,
            story_terms: 200,
            posting_cap: 128,
            query_terms: 24,
            candidates: 16,
            copy_jaccard: 0.5,
            copy_containment: 0.8,
            rewrite_cosine: 0.9,
            translation_anchors: 0.5,
            copy_window: 100_000,
            merge_threshold: 0.45,
            cohesion_ratio: 0.75,
            missing_name_penalty: 0.0,
            merge_article: 1.0,
            cross_language_margin: 0.05,
            resume_names: 0.5,
            protagonist_penalty: 0.05,
            protagonist_share: 0.34,
            protagonist_main: 0.5,
            protagonist_cohesion: 0.55,
        }
    }
}

/// How an article copies another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyKind {
    /// Same words (syndicated wire copy, a scraped page).
    Duplicate,
    /// Most of the words (light edits, different boilerplate).
    Near,
    /// One holds most of the other (an excerpt, or an article extended with more).
    Partial,
    /// The same content reworded (synonyms, reordered sentences).
    Rewrite,
    /// The same article in another language, linked by names and figures (lower confidence).
    Translation,
}

/// An article's link to the article it copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyLink {
    /// The id of the original (the earliest published, or the outlet the copy names).
    pub of: u64,
    pub kind: CopyKind,
    /// 0–1: MinHash Jaccard, containment, cosine or anchor overlap, by kind.
    pub similarity: f32,
    /// True for translations (linked by anchors only).
    pub low_confidence: bool,
    /// Figures of the copy that its original does not have (a garbled or changed number).
    pub figures_differ: Vec<String>,
}

/// What [`StoryIndex::add`] decided for one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The story the article belongs to (stable until stories are merged; ask
    /// [`StoryIndex::story_of`] later for the current one).
    pub story: u32,
    /// True when the article opened a new story.
    pub is_new: bool,
    /// The original this article copies, when it is a copy.
    pub copy_of: Option<u64>,
    /// Similarity to the story (or to the original, for a copy); 0 for a new story.
    pub score: f32,
    /// Details of the copy link.
    pub copy: Option<CopyLink>,
    /// A story merged into this one because the article bridged them.
    pub merged: Option<u32>,
}

/// One article as the index remembers it, for the whole archive.
#[derive(Debug, Clone, Serialize, Deserialize)]
///
/// Kept small (40 bytes): there is one per article for the whole archive, so optional
/// numbers are stored with a sentinel instead of an `Option` (see the accessors).
struct Record {
    id: u64,
    /// Publication time; [`NO_TIME`] when unknown.
    published: i64,
    story: u32,
    /// The outlet's and the language's symbols ([`Symbols`]; 0: unknown).
    outlet: u32,
    language: u32,
    /// Index (into `records`) of the original, for a copy; [`NOT_A_COPY`] otherwise.
    original: u32,
    /// Boxed: most articles are not copies.
    copy: Option<Box<KeptLink>>,
}

/// A copy link as a record keeps it: the figures that differ in one string (one
/// allocation instead of a vector of strings, which were most of the records' memory in a
/// copy-heavy archive). Serialized as a [`CopyLink`]: snapshots keep their layout.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "CopyLink", into = "CopyLink")]
struct KeptLink {
    of: u64,
    kind: CopyKind,
    similarity: f32,
    low_confidence: bool,
    /// The figures, each ended by [`FIGURE_END`].
    figures_differ: Box<str>,
}

/// Ends each figure in [`KeptLink::figures_differ`] (the unit separator; a figure's own
/// control characters of this kind become spaces).
const FIGURE_END: char = '\u{1f}';

impl From<CopyLink> for KeptLink {
    fn from(l: CopyLink) -> KeptLink {
        let mut figures = String::new();
        for f in &l.figures_differ {
            figures.extend(f.chars().map(|c| if c == FIGURE_END { ' ' } else { c }));
            figures.push(FIGURE_END);
        }
        KeptLink {
            of: l.of,
            kind: l.kind,
            similarity: l.similarity,
            low_confidence: l.low_confidence,
            figures_differ: figures.into_boxed_str(),
        }
    }
}

impl CopyLink {
    /// A link of `kind` just found, its original still to be named (translations are
    /// linked by anchors only: low confidence).
    fn found(kind: CopyKind, similarity: f32) -> CopyLink {
        CopyLink {
            of: 0,
            kind,
            similarity,
            low_confidence: kind == CopyKind::Translation,
            figures_differ: Vec::new(),
        }
    }
}

impl From<KeptLink> for CopyLink {
    fn from(l: KeptLink) -> CopyLink {
        CopyLink {
            of: l.of,
            kind: l.kind,
            similarity: l.similarity,
            low_confidence: l.low_confidence,
            figures_differ: l
                .figures_differ
                .split_terminator(FIGURE_END)
                .map(str::to_string)
                .collect(),
        }
    }
}

/// [`Record::published`] of an article without a date.
const NO_TIME: i64 = i64::MIN;
/// [`Record::original`] of an article that copies none.
const NOT_A_COPY: u32 = u32::MAX;

impl Record {
    fn published(&self) -> Option<i64> {
        (self.published != NO_TIME).then_some(self.published)
    }

    /// Index of the original, for a copy.
    fn copy_of(&self) -> Option<u32> {
        (self.original != NOT_A_COPY).then_some(self.original)
    }

    fn set_copy_of(&mut self, original: u32) {
        self.original = original;
    }
}

/// What [`StoryIndex::article`] tells of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleFacts<'a> {
    /// Publication time (seconds since 1970), when known.
    pub published: Option<i64>,
    pub outlet: Option<&'a str>,
    /// ISO 639-1.
    pub language: Option<&'a str>,
}

/// A recent article's features kept for copy detection.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Recent {
    minhash: Signature,
    shingles: u32,
    /// Symbols ([`Symbols`]; 0: unknown) of the language and of the outlet the article
    /// names as its source.
    language: u32,
    original_outlet: u32,
    /// Term weights, normalised to unit length (raw tf, no idf), top terms only.
    terms: Box<[(u64, f32)]>,
    /// Name and figure keys, sorted.
    anchors: Box<[u64]>,
    /// Figure keys, sorted.
    figures: Box<[u64]>,
}

/// A recent article's MinHash signature, inline: copy detection compares an article with
/// up to `LSH_BANDS × LSH_BUCKET_CAP` recent ones, and a signature behind a pointer of its
/// own costs a second cache miss each. Empty for a text too short to have one.
/// Serialized as a sequence, exactly like the boxed slice it replaced.
#[derive(Debug, Clone)]
struct Signature {
    len: u8,
    values: [u32; MINHASH],
}

impl Signature {
    fn new(values: &[u32]) -> Signature {
        let mut s = Signature {
            len: values.len().min(MINHASH) as u8,
            values: [0; MINHASH],
        };
        s.values[..s.len as usize].copy_from_slice(&values[..s.len as usize]);
        s
    }

    fn as_slice(&self) -> &[u32] {
        &self.values[..self.len as usize]
    }

    fn len(&self) -> usize {
        self.len as usize
    }
}

impl Serialize for Signature {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de> Deserialize<'de> for Signature {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = Vec::<u32>::deserialize(deserializer)?;
        if values.len() > MINHASH {
            return Err(serde::de::Error::invalid_length(
                values.len(),
                &"a MinHash signature",
            ));
        }
        Ok(Signature::new(&values))
    }
}

/// Bits of each MinHash slot a [`Sketch`] keeps.
const SKETCH_BITS: usize = 4;
const SKETCH_WORDS: usize = MINHASH * SKETCH_BITS / 64;
/// The lowest bit of each slot's code in a sketch word.
const SKETCH_LOW: u64 = u64::MAX / ((1 << SKETCH_BITS) - 1);

/// The low [`SKETCH_BITS`] of each slot of a full MinHash signature, and the article's
/// shingle count: enough to bound, without reading the signature, how many slots two
/// signatures share (equal slots have equal low bits) and so which copy links they could
/// make. Most LSH candidates are ruled out by it.
#[derive(Debug, Clone, Copy, Default)]
struct Sketch {
    codes: [u64; SKETCH_WORDS],
    shingles: u32,
}

impl Sketch {
    fn new(sig: &[u32], shingles: u32) -> Sketch {
        let mut codes = [0u64; SKETCH_WORDS];
        let mask = (1u64 << SKETCH_BITS) - 1;
        for (i, &v) in sig.iter().take(MINHASH).enumerate() {
            let bit = i * SKETCH_BITS;
            codes[bit / 64] |= (u64::from(v) & mask) << (bit % 64);
        }
        Sketch { codes, shingles }
    }

    /// At least as many as the slots the two signatures share: the slots whose codes are
    /// equal.
    fn most_shared(&self, other: &Sketch) -> u32 {
        let mut differ = 0;
        for (a, b) in self.codes.iter().zip(&other.codes) {
            let mut x = a ^ b;
            let mut shift = 1;
            while shift < SKETCH_BITS {
                x |= x >> shift;
                shift <<= 1;
            }
            differ += (x & SKETCH_LOW).count_ones();
        }
        MINHASH as u32 - differ
    }
}

/// Outlet and language names, interned: records and recent articles keep a `u32`
/// (the name's index + 1; 0 for none) instead of a string each.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Symbols {
    names: Vec<String>,
    #[serde(skip)]
    lookup: std::collections::HashMap<String, u32>,
}

impl Symbols {
    fn intern(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else { return 0 };
        if self.lookup.len() != self.names.len() {
            self.lookup = (1..)
                .zip(&self.names)
                .map(|(i, n)| (n.clone(), i))
                .collect();
        }
        if let Some(&sym) = self.lookup.get(name) {
            return sym;
        }
        self.names.push(name.to_string());
        let sym = self.names.len() as u32;
        self.lookup.insert(name.to_string(), sym);
        sym
    }

    /// The symbol of a name: 0 for none, `u32::MAX` (which matches no stored symbol)
    /// for a name never interned.
    fn get(&self, name: Option<&str>) -> u32 {
        let Some(name) = name else { return 0 };
        if self.lookup.len() == self.names.len() {
            return self.lookup.get(name).copied().unwrap_or(u32::MAX);
        }
        self.names
            .iter()
            .position(|n| n == name)
            .map_or(u32::MAX, |i| i as u32 + 1)
    }

    fn name(&self, sym: u32) -> Option<&str> {
        let i = sym.checked_sub(1)?;
        self.names.get(i as usize).map(String::as_str)
    }
}

/// A story: the centroid of its original articles and what it needs for queries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Story {
    pub id: u32,
    /// Sum of the members' unit-length term vectors (pruned to `story_terms`), by key.
    terms: Vec<(u64, f32)>,
    /// Name anchors: key → number of members naming it.
    names: Vec<(u64, f32)>,
    figures: Vec<(u64, f32)>,
    /// Articles counted (copies excluded).
    pub originals: u32,
    /// Copies folded under originals.
    pub copies: u32,
    /// Earliest and latest publication time of its originals.
    pub first: Option<i64>,
    pub last: Option<i64>,
    /// The most recent original members (indices into records).
    members: Vec<u32>,
    /// The story it was merged into.
    merged_into: Option<u32>,
    /// Recent coverage: (time, outlet key) of the latest originals.
    activity: VecDeque<(i64, u64)>,
    /// Readable words for the heaviest terms, and the names.
    pub labels: Vec<String>,
    name_labels: Vec<String>,
    /// Sum and count of the scores with which members joined (the story's cohesion).
    joined_sum: f32,
    joined: u32,
    /// IDF-weighted norms of terms, names and figures, as of `norms_at` originals in the
    /// index (0: not computed). Refreshed when the story changes or IDF has drifted.
    norms: [f32; 3],
    norms_at: u32,
    /// Languages of its originals (ISO 639-1), in the order they joined.
    #[serde(default)]
    languages: Vec<String>,
    /// Protagonists of its originals: key → number of originals naming it in their
    /// headline or lead (at most [`PROTAGONISTS_KEPT`], the most frequent).
    #[serde(default)]
    protagonists: Vec<(u64, u32)>,
    /// Originals that name a protagonist.
    #[serde(default)]
    led: u32,
}

impl Story {
    /// Mean score with which members joined (0 for a single article).
    pub fn cohesion(&self) -> f32 {
        if self.joined == 0 {
            0.0
        } else {
            self.joined_sum / self.joined as f32
        }
    }
}

/// A main name weighs at least this share of the article's (or story's) heaviest.
const MAIN_NAME: f32 = 0.5;
const MEMBERS_KEPT: usize = 64;
/// Protagonists a story keeps count of.
const PROTAGONISTS_KEPT: usize = 32;
/// Recent members compared with a newcomer for rewrites and translations.
const MEMBERS_CHECKED: usize = 24;
const ACTIVITY_KEPT: usize = 256;
const RECENT_TERMS: usize = 80;
const LSH_BANDS: usize = 32;
const LSH_ROWS: usize = MINHASH / LSH_BANDS;
const LSH_BUCKET_CAP: usize = 64;
/// [`StoryIndex::parents`] of a story not merged into another.
const LIVE: u32 = u32::MAX;

/// The online story index. Feed it articles one at a time with [`StoryIndex::add`].
///
/// The state is serializable (serde) so it can be persisted; it is also rebuilt exactly
/// by replaying the same articles in the same order (everything is deterministic).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryIndex {
    config: Config,
    /// Originals seen: the N of IDF.
    docs: u32,
    /// Document frequency of every term, name and figure key, over originals.
    df: Map<u64, u32>,
    stories: Vec<Story>,
    /// Feature key → story ids, least recently updated first.
    postings: Map<u64, VecDeque<u32>>,
    records: Vec<Record>,
    /// Article id → index into `records`, only once ids were added out of increasing
    /// order; until then (always, for a store's ids) `records` is sorted by id and
    /// searched.
    ids: Option<Map<u64, u32>>,
    /// Features of the last `copy_window` articles; `recent[i]` is record `recent_base + i`.
    recent: VecDeque<Recent>,
    /// `sketches[i]` is `recent[i]`'s [`Sketch`], kept apart so that the copy candidates
    /// are screened in a small dense array. Not saved: rebuilt from `recent` when it is
    /// out of step (after loading).
    #[serde(skip)]
    sketches: VecDeque<Sketch>,
    recent_base: u32,
    /// LSH band → records, for copy candidates.
    lsh: Map<u64, Vec<u32>>,
    /// `parents[s]` is the story that story `s` was merged into ([`LIVE`]: none), in a
    /// dense array for [`StoryIndex::resolve`], which candidate lookup calls for every
    /// posting. Not saved: rebuilt from the stories when out of step (after loading).
    #[serde(skip)]
    parents: Vec<u32>,
    /// Original → the records in the copy window that copy it directly, in order (and
    /// some that have left the window since). Not saved: rebuilt from the records when
    /// `copies_synced` is false (after loading).
    #[serde(skip)]
    copies: Map<u32, Vec<u32>>,
    #[serde(skip)]
    copies_synced: bool,
    /// Outlet and language names of records and recent articles.
    symbols: Symbols,
}

impl Default for StoryIndex {
    fn default() -> Self {
        StoryIndex::new(Config::default())
    }
}

/// A sorted sparse vector's dot product with another, each weighted by `w(key)`.
fn dot(a: &[(u64, f32)], b: &[(u64, f32)], w: impl Fn(u64) -> f32) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1 * w(a[i].0);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn norm(a: &[(u64, f32)], w: impl Fn(u64) -> f32) -> f32 {
    a.iter()
        .map(|&(k, v)| (v * w(k)).powi(2))
        .sum::<f32>()
        .sqrt()
}

/// Adds `b` scaled by `scale` into the sorted vector `a`.
fn add_into(a: &mut Vec<(u64, f32)>, b: &[(u64, f32)], scale: f32) {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push((b[j].0, b[j].1 * scale));
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1 * scale));
            i += 1;
            j += 1;
        }
    }
    *a = out;
}

/// Adds counts into `a` (unsorted, unique keys), keeping the [`PROTAGONISTS_KEPT`] most
/// frequent (ties: the earlier).
fn add_counts(a: &mut Vec<(u64, u32)>, b: &[(u64, u32)]) {
    for &(k, n) in b {
        match a.iter_mut().find(|x| x.0 == k) {
            Some(x) => x.1 += n,
            None => a.push((k, n)),
        }
    }
    if a.len() > PROTAGONISTS_KEPT {
        // A stable sort: among equal counts the earlier stay.
        a.sort_by_key(|x| std::cmp::Reverse(x.1));
        a.truncate(PROTAGONISTS_KEPT);
    }
}

/// Keeps the `n` heaviest entries (ties by key), sorted by key.
fn prune(a: &mut Vec<(u64, f32)>, n: usize) {
    if a.len() <= n {
        return;
    }
    a.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    a.truncate(n);
    a.sort_by_key(|x| x.0);
}

fn unit(a: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let n = norm(a, |_| 1.0);
    if n <= 0.0 {
        return Vec::new();
    }
    a.iter().map(|&(k, v)| (k, v / n)).collect()
}

fn keyed_weighted(namespace: u8, items: &[(String, f32)]) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = items
        .iter()
        .map(|(s, w)| (hash::key(namespace, s), *w))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    v.dedup_by_key(|x| x.0);
    v
}

fn keyed(namespace: u8, items: &[String]) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = items
        .iter()
        .map(|s| (hash::key(namespace, s), 1.0))
        .collect();
    v.sort_by_key(|x| x.0);
    v.dedup_by_key(|x| x.0);
    v
}

/// Figure anchors' keys, sorted (as a recent article keeps them).
fn figure_keys(figures: &[String]) -> Vec<u64> {
    let mut keys: Vec<u64> = figures.iter().map(|x| hash::key(b'f', x)).collect();
    keys.sort_unstable();
    keys
}

fn same_outlet(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let norm = |s: &str| -> String {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            let (a, b) = (norm(a), norm(b));
            !a.is_empty() && (a == b || a.starts_with(&b) || b.starts_with(&a))
        }
        _ => false,
    }
}

/// The article's vectors, weighted for this index's current IDF.
struct Query {
    /// The vectors again, each value multiplied by its key's IDF squared (for dot
    /// products with unweighted story vectors).
    weighted: [Vec<(u64, f32)>; 3],
    terms: Vec<(u64, f32)>,
    terms_norm: f32,
    names: Vec<(u64, f32)>,
    names_norm: f32,
    figures: Vec<(u64, f32)>,
    figures_norm: f32,
    /// Protagonists' keys.
    protagonists: Vec<u64>,
}

/// A story near another ("read also"), with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub story: u32,
    /// Centroid similarity, 0–1.
    pub score: f32,
    /// Shared names and words, heaviest first.
    pub shared: Vec<String>,
}

/// A story whose coverage rises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub story: u32,
    /// Distinct outlets (copies folded) in the 24 hours before `now`.
    pub outlets: usize,
    /// The story's own mean distinct outlets per day over the 7 days before that.
    pub own_baseline: f32,
    /// The archive's mean distinct outlets per active story in the last 24 hours.
    pub archive_baseline: f32,
    /// `outlets / (1 + max(own, archive))`.
    pub score: f32,
}

/// A candidate story's scores.
#[derive(Debug, Clone, Copy)]
struct Scored {
    story: u32,
    score: f32,
    threshold: f32,
    parts: [f32; 3],
    missing: [u8; 2],
    /// The article's protagonists are not the story's.
    other_protagonist: bool,
}

/// Why an article would (or would not) join a story: see [`StoryIndex::explain`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Candidate {
    pub story: u32,
    /// The combined similarity.
    pub score: f32,
    /// What the score must reach, given the story's dates.
    pub threshold: f32,
    /// TF-IDF cosine of the terms.
    pub text: f32,
    /// Cosine of the name anchors (0 when the article has none).
    pub names: f32,
    /// Cosine of the figure anchors (0 when the article has none).
    pub figures: f32,
    /// Mean score with which the story's members joined it (0 for a single article).
    pub cohesion: f32,
    /// How many of the article's main names the story never mentions, and how many of
    /// the story's main names the article never mentions.
    pub names_missing: [u8; 2],
    /// The best and the mean TF-IDF cosine to the story's recent members.
    pub members: [f32; 2],
    /// None of the article's protagonists is one of the story's.
    pub other_protagonist: bool,
}

impl StoryIndex {
    /// An empty index.
    pub fn new(config: Config) -> StoryIndex {
        StoryIndex {
            config,
            docs: 0,
            df: Map::default(),
            stories: Vec::new(),
            postings: Map::default(),
            records: Vec::new(),
            ids: None,
            recent: VecDeque::new(),
            sketches: VecDeque::new(),
            recent_base: 0,
            lsh: Map::default(),
            parents: Vec::new(),
            copies: Map::default(),
            copies_synced: true,
            symbols: Symbols::default(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Articles added.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    fn idf(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The live story a (possibly merged) story id now belongs to.
    pub fn resolve(&self, mut story: u32) -> u32 {
        let mut guard = 0;
        if self.parents.len() == self.stories.len() {
            while let Some(&next) = self.parents.get(story as usize).filter(|&&p| p != LIVE) {
                story = next;
                guard += 1;
                if guard > 64 {
                    break;
                }
            }
            return story;
        }
        while let Some(next) = self.stories.get(story as usize).and_then(|s| s.merged_into) {
            story = next;
            guard += 1;
            if guard > 64 {
                break;
            }
        }
        story
    }

    /// The index into `records` of an article.
    fn position(&self, id: u64) -> Option<u32> {
        match &self.ids {
            Some(ids) => ids.get(&id).copied(),
            None => self
                .records
                .binary_search_by_key(&id, |r| r.id)
                .ok()
                .map(|i| i as u32),
        }
    }

    /// What the index remembers of an article: its date, outlet and language.
    pub fn article(&self, id: u64) -> Option<ArticleFacts<'_>> {
        let r = &self.records[self.position(id)? as usize];
        let name = |sym| self.symbols.name(sym).filter(|n| !n.is_empty());
        Some(ArticleFacts {
            published: r.published(),
            outlet: name(r.outlet),
            language: name(r.language),
        })
    }

    /// The story an article belongs to now.
    pub fn story_of(&self, id: u64) -> Option<u32> {
        let idx = self.position(id)?;
        Some(self.resolve(self.records[idx as usize].story))
    }

    /// The original an article copies, when it is a copy, with the link's details.
    pub fn copy_of(&self, id: u64) -> Option<(u64, CopyLink)> {
        let r = &self.records[self.position(id)? as usize];
        let link = CopyLink::from(r.copy.as_deref()?.clone());
        Some((self.original_of(id)?, link))
    }

    /// The id of the original an article copies, when it is a copy (no allocation).
    pub fn original_of(&self, id: u64) -> Option<u64> {
        let r = &self.records[self.position(id)? as usize];
        Some(self.records[r.copy_of()? as usize].id)
    }

    /// A story by id (merged stories are resolved to the story they joined).
    pub fn story(&self, id: u32) -> Option<&Story> {
        self.stories.get(self.resolve(id) as usize)
    }

    /// Every live story (not merged into another), by id.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter().filter(|s| s.merged_into.is_none())
    }

    /// Every article's id with its current story and copy link, in the order added.
    pub fn articles(&self) -> impl Iterator<Item = (u64, u32, Option<u64>)> + '_ {
        self.records.iter().map(|r| {
            (
                r.id,
                self.resolve(r.story),
                r.copy_of().map(|o| self.records[o as usize].id),
            )
        })
    }

    /// Article ids of a story, in the order added (copies included).
    pub fn members(&self, story: u32) -> Vec<u64> {
        let story = self.resolve(story);
        self.records
            .iter()
            .filter(|r| self.resolve(r.story) == story)
            .map(|r| r.id)
            .collect()
    }

    /// Rebuilds the stories' parents when they are out of step with the stories (an index
    /// just loaded: they are not saved).
    fn sync_parents(&mut self) {
        if self.parents.len() != self.stories.len() {
            self.parents = self
                .stories
                .iter()
                .map(|s| s.merged_into.unwrap_or(LIVE))
                .collect();
        }
    }

    /// Rebuilds the map of copies when it is out of step with the records (an index just
    /// loaded: it is not saved).
    fn sync_copies(&mut self) {
        if self.copies_synced {
            return;
        }
        self.copies.clear();
        for i in self.recent_base..self.records.len() as u32 {
            if let Some(o) = self.records[i as usize].copy_of() {
                self.copies.entry(o).or_default().push(i);
            }
        }
        self.copies_synced = true;
    }

    /// Makes record `i` a copy of record `o`, keeping [`StoryIndex::copies`] in step.
    fn set_original(&mut self, i: u32, o: u32) {
        if let Some(prev) = self.records[i as usize].copy_of()
            && let Some(list) = self.copies.get_mut(&prev)
        {
            if let Ok(p) = list.binary_search(&i) {
                list.remove(p);
            }
            if list.is_empty() {
                self.copies.remove(&prev);
            }
        }
        self.records[i as usize].set_copy_of(o);
        if i >= self.recent_base {
            let list = self.copies.entry(o).or_default();
            if let Err(p) = list.binary_search(&i) {
                list.insert(p, i);
            }
        }
    }

    /// Rebuilds the recent articles' sketches when they are out of step with them (an
    /// index just loaded: they are not saved).
    fn sync_sketches(&mut self) {
        if self.sketches.len() != self.recent.len() {
            self.sketches = self
                .recent
                .iter()
                .map(|r| Sketch::new(r.minhash.as_slice(), r.shingles))
                .collect();
        }
    }

    fn sketch(&self, idx: u32) -> Option<&Sketch> {
        let i = idx.checked_sub(self.recent_base)?;
        self.sketches.get(i as usize)
    }

    fn recent(&self, idx: u32) -> Option<&Recent> {
        let i = idx.checked_sub(self.recent_base)?;
        self.recent.get(i as usize)
    }

    fn query(&self, f: &ArticleFeatures) -> Query {
        let terms: Vec<(u64, f32)> = f.terms.clone();
        let names = keyed_weighted(b'n', &f.names);
        let figures = keyed(b'f', &f.figures);
        let w2 = |v: &[(u64, f32)]| -> Vec<(u64, f32)> {
            v.iter()
                .map(|&(k, x)| {
                    let i = self.idf(k);
                    (k, x * i * i)
                })
                .collect()
        };
        Query {
            weighted: [w2(&terms), w2(&names), w2(&figures)],
            terms_norm: norm(&terms, |k| self.idf(k)),
            names_norm: norm(&names, |k| self.idf(k)),
            figures_norm: norm(&figures, |k| self.idf(k)),
            terms,
            names,
            figures,
            protagonists: f.protagonists.iter().map(|p| hash::key(b'p', p)).collect(),
        }
    }

    /// Candidate stories from the posting lists of the article's heaviest features.
    fn candidates(&self, q: &Query) -> Vec<u32> {
        let mut feats: Vec<(u64, f32)> =
            q.terms.iter().map(|&(k, v)| (k, v * self.idf(k))).collect();
        feats.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        feats.truncate(self.config.query_terms);
        let mut anchors: Vec<(u64, f32)> = q
            .names
            .iter()
            .chain(q.figures.iter())
            .map(|&(k, _)| (k, self.idf(k)))
            .collect();
        anchors.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        anchors.truncate(self.config.query_terms);
        feats.extend(anchors);
        let lists: Vec<(&VecDeque<u32>, f32)> = feats
            .into_iter()
            .filter_map(|(k, w)| Some((self.postings.get(&k)?, w)))
            .collect();
        let mut acc: Map<u32, f32> = Map::with_capacity_and_hasher(
            lists.iter().map(|(l, _)| l.len()).sum(),
            Default::default(),
        );
        for (list, w) in lists {
            for &s in list {
                *acc.entry(self.resolve(s)).or_insert(0.0) += w;
            }
        }
        let mut c: Vec<(u32, f32)> = acc.into_iter().collect();
        // The best `candidates` (an order without ties: stories differ), sorted.
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let n = self.config.candidates;
        if c.len() > n {
            if n == 0 {
                return Vec::new();
            }
            c.select_nth_unstable_by(n - 1, order);
            c.truncate(n);
        }
        c.sort_by(order);
        c.into_iter().map(|(s, _)| s).collect()
    }

    /// Combined similarity of the article to a story, and the threshold it must reach
    /// given how long the story has been quiet.
    fn score(&self, q: &Query, f: &ArticleFeatures, story: &Story) -> Scored {
        let idf = |k| self.idf(k);
        let norms = if story.norms_at > 0 {
            story.norms
        } else {
            self.story_norms(story)
        };
        let _ = idf;
        let cos = |a: &[(u64, f32)], an: f32, b: &[(u64, f32)], bn: f32| -> f32 {
            if an <= 0.0 || bn <= 0.0 {
                0.0
            } else {
                dot(a, b, |_| 1.0) / (an * bn)
            }
        };
        let c = &self.config;
        let text = cos(&q.weighted[0], q.terms_norm, &story.terms, norms[0]);
        let mut total = c.w_text;
        let mut score = c.w_text * text;
        let mut names = 0.0;
        if !q.names.is_empty() {
            names = cos(&q.weighted[1], q.names_norm, &story.names, norms[1]);
            total += c.w_names;
            score += c.w_names * names;
        }
        let mut figures = 0.0;
        if !q.figures.is_empty() {
            figures = cos(&q.weighted[2], q.figures_norm, &story.figures, norms[2]);
            total += c.w_figures;
            score += c.w_figures * figures;
        }
        let mut score = if total > 0.0 { score / total } else { 0.0 };
        // Another language than the story's: the words cannot match, the names and
        // figures can. Scored on them alone, against a higher bar.
        let cross_language = f.language.as_ref().is_some_and(|l| {
            !story.languages.is_empty() && !story.languages.contains(l) && names > 0.0
        });
        if cross_language {
            let anchors = c.w_names
                + if q.figures.is_empty() {
                    0.0
                } else {
                    c.w_figures
                };
            score = score.max((c.w_names * names + c.w_figures * figures) / anchors);
        }
        let missing = [
            self.missing_names(&q.names, &story.names),
            if q.names.is_empty() {
                0
            } else {
                self.missing_names(&story.names, &q.names)
            },
        ];
        let other_protagonist = self.other_protagonist(&q.protagonists, story);
        let cohesion_ratio = if !other_protagonist && self.leads_with_own(&q.protagonists, story) {
            c.protagonist_cohesion
        } else {
            c.cohesion_ratio
        };
        let penalty = c.missing_name_penalty * f32::from(missing[0] + missing[1])
            + if other_protagonist {
                c.protagonist_penalty
            } else {
                0.0
            };
        Scored {
            missing,
            story: story.id,
            score,
            // Across languages the story's cohesion (made of word scores) does not
            // compare with an anchors-only score: the dated threshold and a margin.
            threshold: if cross_language {
                self.dated_threshold(f.published, story, names) + c.cross_language_margin + penalty
            } else {
                self.dated_threshold(f.published, story, names)
                    .max(cohesion_ratio * story.cohesion())
                    + penalty
            },
            parts: [text, names, figures],
            other_protagonist,
        }
    }

    /// The keys a story's led originals name most (at least two of them, and at least
    /// [`Config::protagonist_main`] of them): its own protagonists.
    fn main_protagonists(&self, story: &Story) -> Vec<u64> {
        let least = (self.config.protagonist_main * story.led as f32).max(2.0);
        story
            .protagonists
            .iter()
            .filter(|x| x.1 as f32 >= least)
            .map(|x| x.0)
            .collect()
    }

    /// Whether one of the article's protagonists is one of the story's own (see
    /// [`Self::main_protagonists`]) and every other one leads at least one of the story's
    /// originals: an article about the story's people, and no one new.
    fn leads_with_own(&self, protagonists: &[u64], story: &Story) -> bool {
        if protagonists.is_empty() || story.led < 2 {
            return false;
        }
        let least = (self.config.protagonist_main * story.led as f32).max(2.0);
        // Someone the story's originals never led with: perhaps the same person's next
        // event (a champion's next title defence, against another challenger).
        if !protagonists
            .iter()
            .all(|p| story.protagonists.iter().any(|x| x.0 == *p))
        {
            return false;
        }
        story
            .protagonists
            .iter()
            .any(|x| x.1 as f32 >= least && protagonists.contains(&x.0))
    }

    /// Whether two stories each have protagonists of their own (see
    /// [`Self::main_protagonists`]) and neither's lead the other: the same kind of event
    /// about other people, which a merge must not join (with a positive
    /// [`Config::protagonist_penalty`] only).
    fn protagonists_differ(&self, a: u32, b: u32) -> bool {
        if self.config.protagonist_penalty <= 0.0 {
            return false;
        }
        let (Some(x), Some(y)) = (self.stories.get(a as usize), self.stories.get(b as usize))
        else {
            return false;
        };
        let (mx, my) = (self.main_protagonists(x), self.main_protagonists(y));
        !mx.is_empty()
            && !my.is_empty()
            && self.other_protagonist(&mx, y)
            && self.other_protagonist(&my, x)
    }

    /// Whether the article names protagonists, the story's originals do too, and none of
    /// the article's leads at least [`Config::protagonist_share`] of those originals.
    fn other_protagonist(&self, protagonists: &[u64], story: &Story) -> bool {
        if protagonists.is_empty() || story.led == 0 {
            return false;
        }
        // The story has a protagonist of its own: one that most of its led originals name.
        let main = story.protagonists.iter().map(|x| x.1).max().unwrap_or(0);
        if main < 2 || (main as f32) < self.config.protagonist_main * story.led as f32 {
            return false;
        }
        let best = protagonists
            .iter()
            .filter_map(|p| story.protagonists.iter().find(|x| x.0 == *p))
            .map(|x| x.1)
            .max()
            .unwrap_or(0);
        (best as f32) < self.config.protagonist_share * story.led as f32
    }

    /// The best and the mean TF-IDF cosine of an article's unit term vector to the
    /// recent members of a story.
    fn member_similarity(&self, tf_unit: &[(u64, f32)], story: u32) -> [f32; 2] {
        let Some(s) = self.stories.get(story as usize) else {
            return [0.0; 2];
        };
        let mut a = tf_unit.to_vec();
        prune(&mut a, RECENT_TERMS);
        let na = norm(&a, |k| self.idf(k));
        let (mut best, mut sum, mut n) = (0.0f32, 0.0, 0);
        for &m in &s.members {
            let Some(r) = self.recent(m) else { continue };
            let nb = norm(&r.terms, |k| self.idf(k));
            if na <= 0.0 || nb <= 0.0 {
                continue;
            }
            let c = dot(&a, &r.terms, |k| self.idf(k).powi(2)) / (na * nb);
            best = best.max(c);
            sum += c;
            n += 1;
        }
        [best, if n > 0 { sum / n as f32 } else { 0.0 }]
    }

    /// How many of the main names of `a` (its three heaviest by weight × IDF, each
    /// weighing at least [`MAIN_NAME`] of the heaviest) are absent from `b`.
    fn missing_names(&self, a: &[(u64, f32)], b: &[(u64, f32)]) -> u8 {
        let mut top: Vec<(u64, f32)> = a.iter().map(|&(k, w)| (k, w * self.idf(k))).collect();
        top.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let Some(&(_, max)) = top.first() else {
            return 0;
        };
        top.iter()
            .take(3)
            .filter(|(_, w)| *w >= MAIN_NAME * max)
            .filter(|(k, _)| b.binary_search_by_key(k, |x| x.0).is_err())
            .count() as u8
    }

    /// A story's cached norms, or computed now when not cached.
    fn cached_norms(&self, story: &Story) -> [f32; 3] {
        if story.norms_at > 0 {
            story.norms
        } else {
            self.story_norms(story)
        }
    }

    /// A story's IDF-weighted norms (terms, names, figures) under the current IDF.
    fn story_norms(&self, story: &Story) -> [f32; 3] {
        let idf = |k| self.idf(k);
        [
            norm(&story.terms, idf),
            norm(&story.names, idf),
            norm(&story.figures, idf),
        ]
    }

    /// Recomputes a story's cached norms when it changed or IDF drifted (5% more
    /// originals since they were computed).
    fn refresh_norms(&mut self, story: u32, force: bool) {
        let Some(s) = self.stories.get(story as usize) else {
            return;
        };
        let stale = s.norms_at == 0 || self.docs as f32 > 1.05 * s.norms_at as f32;
        if force || stale {
            let norms = self.story_norms(s);
            let at = self.docs.max(1);
            let s = &mut self.stories[story as usize];
            s.norms = norms;
            s.norms_at = at;
        }
    }

    /// [`Self::threshold`] for an article that names the story's protagonists: the rise
    /// for dormancy shrinks as the name anchors agree (a story that resumes months later
    /// names the same people and places).
    fn dated_threshold(&self, at: Option<i64>, story: &Story, names: f32) -> f32 {
        let c = &self.config;
        let base = self.threshold(at, story);
        if names < c.resume_names {
            return base;
        }
        c.threshold + (base - c.threshold) * (1.0 - names).max(0.0)
    }

    /// The threshold for joining `story`: the base near the story's dates, rising with
    /// the log of the time since (or before) it was last active.
    fn threshold(&self, at: Option<i64>, story: &Story) -> f32 {
        let c = &self.config;
        let gap_days = match (at, story.first, story.last) {
            (Some(t), Some(first), Some(last)) => {
                if t > last {
                    (t - last) as f32 / 86_400.0
                } else if t < first {
                    (first - t) as f32 / 86_400.0
                } else {
                    0.0
                }
            }
            _ => 0.0,
        };
        let over = (gap_days - c.dormant_days).max(0.0);
        let d = c.dormant_days.max(0.01);
        (c.threshold + c.dormant_step * (1.0 + over / d).ln()).min(c.max_threshold)
    }

    /// The stories nearest `story` ("read also"), best first, with the names and words
    /// they share. Candidates come from the same posting lists as for articles.
    pub fn related(&self, story: u32, n: usize) -> Vec<Related> {
        let story = self.resolve(story);
        let Some(s) = self.stories.get(story as usize) else {
            return Vec::new();
        };
        let w2 = |v: &[(u64, f32)]| -> Vec<(u64, f32)> {
            v.iter()
                .map(|&(k, x)| {
                    let i = self.idf(k);
                    (k, x * i * i)
                })
                .collect()
        };
        let q = Query {
            weighted: [w2(&s.terms), w2(&s.names), w2(&s.figures)],
            terms_norm: norm(&s.terms, |k| self.idf(k)),
            names_norm: norm(&s.names, |k| self.idf(k)),
            figures_norm: norm(&s.figures, |k| self.idf(k)),
            terms: s.terms.clone(),
            names: s.names.clone(),
            figures: s.figures.clone(),
            protagonists: Vec::new(),
        };
        let mut out: Vec<Related> = self
            .candidates(&q)
            .into_iter()
            .filter(|&c| c != story)
            .filter_map(|c| {
                let score = self.centroid_similarity(story, c);
                let o = self.stories.get(c as usize)?;
                let shared: Vec<String> = s
                    .name_labels
                    .iter()
                    .filter(|n| o.name_labels.contains(n))
                    .chain(s.labels.iter().filter(|l| o.labels.contains(l)))
                    .take(8)
                    .cloned()
                    .collect();
                (score > 0.05).then_some(Related {
                    story: c,
                    score,
                    shared,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.story.cmp(&b.story)));
        out.truncate(n);
        out
    }

    /// Stories whose coverage in the 24 hours before `now` (seconds since 1970; the
    /// caller's clock, or the newest article's date) is high against their own previous
    /// week and against the archive: at least two distinct outlets, best first.
    pub fn trends(&self, now: i64, n: usize) -> Vec<Trend> {
        const DAY: i64 = 86_400;
        let mut rows: Vec<(u32, usize, f32)> = Vec::new();
        for s in self.stories() {
            if s.last.is_none_or(|l| l <= now - DAY) {
                continue;
            }
            let mut recent: Vec<u64> = s
                .activity
                .iter()
                .filter(|(t, _)| *t > now - DAY && *t <= now)
                .map(|x| x.1)
                .collect();
            recent.sort_unstable();
            recent.dedup();
            let mut days: Vec<(i64, u64)> = s
                .activity
                .iter()
                .filter(|(t, _)| *t > now - 8 * DAY && *t <= now - DAY)
                .map(|&(t, o)| (t.div_euclid(DAY), o))
                .collect();
            days.sort_unstable();
            days.dedup();
            rows.push((s.id, recent.len(), days.len() as f32 / 7.0));
        }
        let active = rows.iter().filter(|r| r.1 > 0).count().max(1);
        let archive = rows.iter().map(|r| r.1).sum::<usize>() as f32 / active as f32;
        let mut out: Vec<Trend> = rows
            .into_iter()
            .filter(|r| r.1 >= 2)
            .map(|(story, outlets, own)| Trend {
                story,
                outlets,
                own_baseline: own,
                archive_baseline: archive,
                score: outlets as f32 / (1.0 + own.max(archive)),
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.story.cmp(&b.story)));
        out.truncate(n);
        out
    }

    /// The stories with articles published on `day` (days since 1970-01-01, UTC), each
    /// with those articles' ids (copies included, marked by [`StoryIndex::copy_of`]);
    /// stories with most articles first.
    pub fn day(&self, day: i64) -> Vec<(u32, Vec<u64>)> {
        let mut by: Map<u32, Vec<u64>> = Map::default();
        for r in &self.records {
            if r.published().map(|p| p.div_euclid(86_400)) == Some(day) {
                by.entry(self.resolve(r.story)).or_default().push(r.id);
            }
        }
        let mut out: Vec<(u32, Vec<u64>)> = by.into_iter().collect();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        out
    }

    /// `candidates` scored against the article, best margin over its threshold first
    /// (ties: the older story).
    fn ranked(&self, q: &Query, f: &ArticleFeatures, candidates: &[u32]) -> Vec<Scored> {
        let mut scored: Vec<Scored> = candidates
            .iter()
            .filter_map(|&s| self.stories.get(s as usize))
            .map(|s| self.score(q, f, s))
            .collect();
        scored.sort_by(|a, b| {
            (b.score - b.threshold)
                .total_cmp(&(a.score - a.threshold))
                .then(a.story.cmp(&b.story))
        });
        scored
    }

    /// The candidate stories for an article and their scores, best first, without adding
    /// it (for diagnostics and tests).
    pub fn explain(&self, f: &ArticleFeatures) -> Vec<Candidate> {
        let q = self.query(f);
        self.ranked(&q, f, &self.candidates(&q))
            .into_iter()
            .map(|s| Candidate {
                story: s.story,
                score: s.score,
                threshold: s.threshold,
                text: s.parts[0],
                names: s.parts[1],
                figures: s.parts[2],
                cohesion: self.stories[s.story as usize].cohesion(),
                names_missing: s.missing,
                members: self.member_similarity(&unit(&f.terms), s.story),
                other_protagonist: s.other_protagonist,
            })
            .collect()
    }

    /// Adds one article: finds the article it copies (if any) and its story.
    ///
    /// Adding an id twice returns the first assignment again and changes nothing.
    pub fn add(&mut self, f: &ArticleFeatures) -> Assignment {
        if let Some(idx) = self.position(f.id) {
            let r = &self.records[idx as usize];
            return Assignment {
                story: self.resolve(r.story),
                is_new: false,
                copy_of: r.copy_of().map(|o| self.records[o as usize].id),
                score: r.copy.as_ref().map_or(0.0, |c| c.similarity),
                copy: r.copy.as_deref().map(|c| CopyLink::from(c.clone())),
                merged: None,
            };
        }
        let idx = self.records.len() as u32;
        self.sync_sketches();
        self.sync_parents();
        self.sync_copies();
        let q = self.query(f);
        let tf_unit = unit(&f.terms);
        let mut candidates = self.candidates(&q);

        // 1. Copies by shingles (same words).
        let mut copy = self.shingle_copy(f);
        if let Some((orig, _)) = &copy {
            let s = self.resolve(self.records[*orig as usize].story);
            if !candidates.contains(&s) {
                candidates.push(s);
            }
        }

        // 2. Score the candidate stories (their cached norms refreshed first).
        for &c in &candidates {
            self.refresh_norms(c, false);
        }
        let scored = self.ranked(&q, f, &candidates);

        // 3. Rewrites and translations among the members of the closest stories.
        if copy.is_none() {
            copy = self.member_copy(f, &tf_unit, &scored);
        }

        let anchors = {
            let mut a: Vec<u64> = q
                .names
                .iter()
                .chain(q.figures.iter())
                .map(|x| x.0)
                .collect();
            a.sort_unstable();
            a
        };
        let recent = Recent {
            minhash: Signature::new(&f.minhash),
            shingles: f.shingles,
            language: self.symbols.intern(f.language.as_deref()),
            original_outlet: self.symbols.intern(f.original_outlet.as_deref()),
            terms: {
                let mut t = tf_unit.clone();
                prune(&mut t, RECENT_TERMS);
                t.into_boxed_slice()
            },
            anchors: anchors.into_boxed_slice(),
            figures: figure_keys(&f.figures).into_boxed_slice(),
        };

        if let Some((orig, mut link)) = copy {
            let orig_story = self.resolve(self.records[orig as usize].story);
            link.figures_differ = self
                .recent(orig)
                .map(|o| {
                    f.figures
                        .iter()
                        .filter(|x| o.figures.binary_search(&hash::key(b'f', x)).is_err())
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            let root = self.root(orig);
            let target = self.named_original(f, root).unwrap_or(root);
            link.of = self.records[target as usize].id;
            let promote = self.should_replace_root(f, target);
            self.push_record(f, idx, orig_story, recent);
            let similarity = link.similarity;
            if promote {
                // The new article is the original: the old root and its copies point to it.
                self.swap_root(target, idx, link);
                let story = &mut self.stories[orig_story as usize];
                if let Some(p) = f.published {
                    story.first = Some(story.first.map_or(p, |x| x.min(p)));
                    story.last = Some(story.last.map_or(p, |x| x.max(p)));
                }
                return Assignment {
                    story: orig_story,
                    is_new: false,
                    copy_of: None,
                    score: similarity,
                    copy: None,
                    merged: None,
                };
            }
            self.set_original(idx, target);
            self.records[idx as usize].copy = Some(Box::new(link.clone().into()));
            self.stories[orig_story as usize].copies += 1;
            return Assignment {
                story: orig_story,
                is_new: false,
                copy_of: Some(link.of),
                score: similarity,
                copy: Some(link),
                merged: None,
            };
        }

        let best = scored.first().copied().filter(|s| s.score >= s.threshold);
        let (story, is_new, score) = match best {
            Some(b) => (b.story, false, b.score),
            None => {
                let id = self.stories.len() as u32;
                self.stories.push(Story {
                    id,
                    terms: Vec::new(),
                    names: Vec::new(),
                    figures: Vec::new(),
                    originals: 0,
                    copies: 0,
                    first: None,
                    last: None,
                    members: Vec::new(),
                    merged_into: None,
                    activity: VecDeque::new(),
                    labels: Vec::new(),
                    name_labels: Vec::new(),
                    joined_sum: 0.0,
                    joined: 0,
                    norms: [0.0; 3],
                    norms_at: 0,
                    languages: Vec::new(),
                    protagonists: Vec::new(),
                    led: 0,
                });
                self.parents.push(LIVE);
                (id, true, 0.0)
            }
        };
        self.push_record(f, idx, story, recent);
        self.join(story, idx, f, &q, &tf_unit);
        self.refresh_norms(story, true);
        if !is_new {
            let s = &mut self.stories[story as usize];
            s.joined_sum += score;
            s.joined += 1;
        }

        // 4. Merge check: a second story the article matches as well, whose centroid is
        // close to the first's, is the same story split early.
        let mut merged = None;
        if let Some(b) = best {
            for other in scored.iter().skip(1).take(3) {
                if other.score < self.config.merge_article * other.threshold
                    || other.story == b.story
                {
                    continue;
                }
                let (x, y) = (self.resolve(b.story), self.resolve(other.story));
                if x == y {
                    continue;
                }
                if self.centroid_similarity(x, y) >= self.config.merge_threshold
                    && !self.protagonists_differ(x, y)
                {
                    self.merge(x, y);
                    self.refresh_norms(x, true);
                    merged = Some(y);
                    break;
                }
            }
        }
        Assignment {
            story: self.resolve(story),
            is_new,
            copy_of: None,
            score,
            copy: None,
            merged,
        }
    }

    fn push_record(&mut self, f: &ArticleFeatures, idx: u32, story: u32, recent: Recent) {
        let outlet = self.symbols.intern(f.outlet.as_deref());
        let language = self.symbols.intern(f.language.as_deref());
        if self.ids.is_none() && self.records.last().is_some_and(|last| last.id >= f.id) {
            // Out of order: from now on ids are looked up in a map.
            self.ids = Some((0..).zip(&self.records).map(|(i, r)| (r.id, i)).collect());
        }
        if let Some(ids) = &mut self.ids {
            ids.insert(f.id, idx);
        }
        self.records.push(Record {
            id: f.id,
            published: f.published.unwrap_or(NO_TIME),
            story,
            outlet,
            language,
            original: NOT_A_COPY,
            copy: None,
        });
        // LSH buckets.
        if recent.minhash.len() == MINHASH {
            for band in 0..LSH_BANDS {
                let key = band_key(band, recent.minhash.as_slice());
                let bucket = self.lsh.entry(key).or_default();
                bucket.push(idx);
                if bucket.len() > LSH_BUCKET_CAP {
                    bucket.remove(0);
                }
            }
        }
        self.sketches
            .push_back(Sketch::new(recent.minhash.as_slice(), recent.shingles));
        self.recent.push_back(recent);
        while self.recent.len() > self.config.copy_window.max(1) {
            self.recent.pop_front();
            self.sketches.pop_front();
            self.recent_base += 1;
            // Sweep dead bucket entries now and then, so the buckets stay bounded.
            if self.recent_base & 0xffff == 0 {
                let base = self.recent_base;
                self.lsh.retain(|_, b| {
                    b.retain(|&i| i >= base);
                    !b.is_empty()
                });
                self.copies.retain(|_, c| {
                    c.retain(|&i| i >= base);
                    !c.is_empty()
                });
            }
        }
    }

    /// An article joins a story as an original: centroid, anchors, postings, IDF.
    fn join(
        &mut self,
        story: u32,
        idx: u32,
        f: &ArticleFeatures,
        q: &Query,
        tf_unit: &[(u64, f32)],
    ) {
        self.docs += 1;
        for &(k, _) in q.terms.iter().chain(q.names.iter()).chain(q.figures.iter()) {
            *self.df.entry(k).or_insert(0) += 1;
        }
        let cap = self.config.story_terms;
        let outlet_key = f
            .outlet
            .as_deref()
            .map_or(0, |o| hash::key(b'o', &o.to_lowercase()));
        {
            let s = &mut self.stories[story as usize];
            add_into(&mut s.terms, tf_unit, 1.0);
            prune(&mut s.terms, cap);
            add_into(&mut s.names, &unit(&q.names), 1.0);
            prune(&mut s.names, cap);
            add_into(&mut s.figures, &unit(&q.figures), 1.0);
            prune(&mut s.figures, cap);
            s.originals += 1;
            if let Some(l) = &f.language
                && !s.languages.contains(l)
            {
                s.languages.push(l.clone());
            }
            if !q.protagonists.is_empty() {
                s.led += 1;
                let kept: Vec<(u64, u32)> = q.protagonists.iter().map(|&p| (p, 1)).collect();
                add_counts(&mut s.protagonists, &kept);
            }
            if let Some(p) = f.published {
                s.first = Some(s.first.map_or(p, |x| x.min(p)));
                s.last = Some(s.last.map_or(p, |x| x.max(p)));
                s.activity.push_back((p, outlet_key));
                if s.activity.len() > ACTIVITY_KEPT {
                    s.activity.pop_front();
                }
            }
            s.members.push(idx);
            if s.members.len() > MEMBERS_KEPT {
                s.members.remove(0);
            }
            if s.labels.len() < 8 {
                for (_, l) in f.labels.iter().take(8) {
                    if s.labels.len() < 8 && !s.labels.contains(l) {
                        s.labels.push(l.clone());
                    }
                }
            }
            if s.name_labels.len() < 16 {
                for (n, _) in &f.names {
                    if s.name_labels.len() < 16 && !s.name_labels.contains(n) {
                        s.name_labels.push(n.clone());
                    }
                }
            }
        }
        // Postings: the article's heaviest terms and all its anchors point to the story.
        let mut keys: Vec<(u64, f32)> =
            q.terms.iter().map(|&(k, v)| (k, v * self.idf(k))).collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        keys.truncate(self.config.query_terms * 2);
        let anchors: Vec<u64> = q
            .names
            .iter()
            .chain(q.figures.iter())
            .map(|x| x.0)
            .collect();
        let posting_cap = self.config.posting_cap.max(1);
        for k in keys.into_iter().map(|x| x.0).chain(anchors) {
            let list = self.postings.entry(k).or_default();
            if let Some(pos) = list.iter().rposition(|&s| s == story) {
                list.remove(pos);
            }
            list.push_back(story);
            if list.len() > posting_cap {
                list.pop_front();
            }
        }
    }

    /// The copy link a MinHash Jaccard `j` makes between texts of `a` and `b` shingles,
    /// if any: its kind and similarity.
    fn shingle_link(&self, j: f32, a: u32, b: u32) -> Option<(CopyKind, f32)> {
        let (a, b) = (a as f32, b as f32);
        if j >= 0.9 {
            Some((CopyKind::Duplicate, j))
        } else if j >= self.config.copy_jaccard {
            Some((CopyKind::Near, j))
        } else {
            let containment = containment(j, a, b);
            (containment >= self.config.copy_containment && a.min(b) >= 20.0 && j >= 0.1)
                .then_some((CopyKind::Partial, containment))
        }
    }

    /// The highest similarity of a copy link that a Jaccard of at most `j` could make
    /// between texts of `a` and `b` shingles; `None` when it could make none.
    /// (The similarity of each kind grows with `j`.)
    fn shingle_link_bound(&self, j: f32, a: u32, b: u32) -> Option<f32> {
        let near = (j >= 0.9 || j >= self.config.copy_jaccard).then_some(j);
        let (a, b) = (a as f32, b as f32);
        let c = containment(j, a, b);
        let partial =
            (c >= self.config.copy_containment && a.min(b) >= 20.0 && j >= 0.1).then_some(c);
        match (near, partial) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        }
    }

    /// The best copy by shingles among recent articles sharing an LSH band.
    ///
    /// Each candidate's [`Sketch`] bounds its Jaccard first; its signature (a cache miss
    /// at the scale of a real archive) is read only when that bound could make a copy
    /// link better than the best found so far. The result is the same as comparing every
    /// signature.
    fn shingle_copy(&self, f: &ArticleFeatures) -> Option<(u32, CopyLink)> {
        if f.minhash.len() != MINHASH {
            return None;
        }
        let own = Sketch::new(&f.minhash, f.shingles);
        // Up to LSH_BANDS × LSH_BUCKET_CAP candidates (templated news fills the
        // buckets), each once, in the order found; those outside the window are dropped.
        let base = self.recent_base;
        let mut seen = vec![0u64; self.recent.len().div_ceil(64)];
        let mut candidates: Vec<u32> = Vec::with_capacity(LSH_BANDS * LSH_BUCKET_CAP);
        for band in 0..LSH_BANDS {
            let Some(bucket) = self.lsh.get(&band_key(band, &f.minhash)) else {
                continue;
            };
            for &i in bucket {
                let Some(slot) = i.checked_sub(base).map(|s| s as usize) else {
                    continue;
                };
                if let Some(word) = seen.get_mut(slot / 64)
                    && *word & (1 << (slot % 64)) == 0
                {
                    *word |= 1 << (slot % 64);
                    candidates.push(i);
                }
            }
        }
        // Every candidate's bound first: independent reads of the sketches, which the
        // processor overlaps (they are cache misses in a large archive).
        let bounds: Vec<Option<f32>> = candidates
            .iter()
            .map(|&i| {
                let sketch = self.sketch(i)?;
                let most = own.most_shared(sketch) as f32 / MINHASH as f32;
                self.shingle_link_bound(most, f.shingles, sketch.shingles)
            })
            .collect();
        let mut best: Option<(u32, CopyLink)> = None;
        for (&i, bound) in candidates.iter().zip(bounds) {
            match bound {
                Some(bound) if best.as_ref().is_none_or(|(_, l)| bound > l.similarity) => {}
                _ => continue,
            }
            let Some(r) = self.recent(i) else { continue };
            let j = jaccard(&f.minhash, r.minhash.as_slice());
            if let Some((kind, sim)) = self.shingle_link(j, f.shingles, r.shingles)
                && best.as_ref().is_none_or(|(_, l)| sim > l.similarity)
            {
                best = Some((i, CopyLink::found(kind, sim)));
            }
        }
        best
    }

    /// Rewrites (same language, very close term vectors) and translations (other
    /// language, shared names and figures) among the recent members of the closest
    /// candidate stories.
    fn member_copy(
        &self,
        f: &ArticleFeatures,
        tf_unit: &[(u64, f32)],
        scored: &[Scored],
    ) -> Option<(u32, CopyLink)> {
        let anchors: Vec<u64> = {
            let mut a: Vec<u64> = keyed_weighted(b'n', &f.names)
                .into_iter()
                .chain(keyed(b'f', &f.figures))
                .map(|x| x.0)
                .collect();
            a.sort_unstable();
            a
        };
        let mut best: Option<(u32, CopyLink)> = None;
        let a = {
            let mut t = tf_unit.to_vec();
            prune(&mut t, RECENT_TERMS);
            t
        };
        let na = norm(&a, |k| self.idf(k));
        let language = self.symbols.get(f.language.as_deref());
        for s in scored.iter().take(3) {
            let Some(story) = self.stories.get(s.story as usize) else {
                continue;
            };
            // A rewrite is very close to its story; a translation shares its anchors.
            let rewrite_possible = s.parts[0] >= 0.5 * self.config.rewrite_cosine;
            let translation_possible = s.parts[1] > 0.0 || s.parts[2] > 0.0;
            let start = story.members.len().saturating_sub(MEMBERS_CHECKED);
            for &m in &story.members[start..] {
                let Some(r) = self.recent(m) else { continue };
                let same_lang = r.language == language;
                if (same_lang && !rewrite_possible) || (!same_lang && !translation_possible) {
                    continue;
                }
                let (kind, sim) = if same_lang {
                    // Unweighted cosine first: cheap, and a rewrite is close either way.
                    if dot(&a, &r.terms, |_| 1.0) < 0.6 * self.config.rewrite_cosine {
                        continue;
                    }
                    let nb = norm(&r.terms, |k| self.idf(k));
                    let cos = if na > 0.0 && nb > 0.0 {
                        dot(&a, &r.terms, |k| self.idf(k).powi(2)) / (na * nb)
                    } else {
                        0.0
                    };
                    if cos < self.config.rewrite_cosine {
                        continue;
                    }
                    (CopyKind::Rewrite, cos)
                } else {
                    let shared = count_shared(&anchors, &r.anchors);
                    let union = anchors.len() + r.anchors.len() - shared;
                    let j = if union > 0 {
                        shared as f32 / union as f32
                    } else {
                        0.0
                    };
                    if shared < 4 || j < self.config.translation_anchors {
                        continue;
                    }
                    (CopyKind::Translation, j)
                };
                if best.as_ref().is_none_or(|(_, l)| sim > l.similarity) {
                    best = Some((m, CopyLink::found(kind, sim)));
                }
            }
        }
        best
    }

    /// The outlet of a record.
    fn outlet(&self, idx: u32) -> Option<&str> {
        self.symbols.name(self.records[idx as usize].outlet)
    }

    /// The original at the root of a copy chain.
    fn root(&self, mut idx: u32) -> u32 {
        let mut guard = 0;
        while let Some(o) = self.records[idx as usize].copy_of() {
            idx = o;
            guard += 1;
            if guard > 64 {
                break;
            }
        }
        idx
    }

    /// When the copy names its original outlet, the article of that outlet among the
    /// root and its copies.
    fn named_original(&self, f: &ArticleFeatures, root: u32) -> Option<u32> {
        let named = f.original_outlet.as_deref()?;
        if same_outlet(self.outlet(root), Some(named)) {
            return Some(root);
        }
        // In the recent window only: copies are published close to their original.
        self.copies.get(&root)?.iter().copied().find(|&i| {
            i >= self.recent_base
                && self.records[i as usize].copy_of() == Some(root)
                && same_outlet(self.outlet(i), Some(named))
        })
    }

    /// True when the new article, not `root`, is the original: it was published
    /// earlier, or the root names the new article's outlet as its source.
    fn should_replace_root(&self, f: &ArticleFeatures, root: u32) -> bool {
        let r = &self.records[root as usize];
        if let Some(ro) = self
            .recent(root)
            .and_then(|x| self.symbols.name(x.original_outlet))
            && same_outlet(f.outlet.as_deref(), Some(ro))
        {
            return true;
        }
        if let Some(named) = f.original_outlet.as_deref()
            && same_outlet(self.symbols.name(r.outlet), Some(named))
        {
            return false;
        }
        matches!((f.published, r.published()), (Some(a), Some(b)) if a < b)
            && f.original_outlet.is_none()
    }

    /// Makes `new` the original of `old` (a root) and of its copies.
    fn swap_root(&mut self, old: u32, new: u32, mut link: CopyLink) {
        let new_id = self.records[new as usize].id;
        link.of = new_id;
        link.figures_differ.clear();
        // The copies of `old` in the recent window.
        let base = self.recent_base;
        let moved: Vec<u32> = self.copies.get(&old).map_or_else(Vec::new, |l| {
            l.iter()
                .copied()
                .filter(|&i| i >= base && self.records[i as usize].copy_of() == Some(old))
                .collect()
        });
        for i in moved {
            self.set_original(i, new);
            if let Some(c) = &mut self.records[i as usize].copy {
                c.of = new_id;
            }
        }
        self.set_original(old, new);
        self.records[old as usize].copy = Some(Box::new(link.into()));
        // The counts: one original, one more copy (the new one replaces the old root).
        let story = self.resolve(self.records[old as usize].story);
        self.stories[story as usize].copies += 1;
    }

    /// Cosine of two stories' centroids (terms and names), with the current IDF.
    fn centroid_similarity(&self, a: u32, b: u32) -> f32 {
        let (Some(x), Some(y)) = (self.stories.get(a as usize), self.stories.get(b as usize))
        else {
            return 0.0;
        };
        let idf = |k| self.idf(k);
        let (nx, ny) = (self.cached_norms(x), self.cached_norms(y));
        let cos = |p: &[(u64, f32)], q: &[(u64, f32)], np: f32, nq: f32| {
            if np > 0.0 && nq > 0.0 {
                dot(p, q, |k| idf(k) * idf(k)) / (np * nq)
            } else {
                0.0
            }
        };
        let c = &self.config;
        let mut total = c.w_text;
        let mut s = c.w_text * cos(&x.terms, &y.terms, nx[0], ny[0]);
        if !x.names.is_empty() && !y.names.is_empty() {
            total += c.w_names;
            s += c.w_names * cos(&x.names, &y.names, nx[1], ny[1]);
        }
        s / total
    }

    /// Merges story `b` into `a`.
    fn merge(&mut self, a: u32, b: u32) {
        if a == b {
            return;
        }
        let other = std::mem::replace(
            &mut self.stories[b as usize],
            Story {
                id: b,
                terms: Vec::new(),
                names: Vec::new(),
                figures: Vec::new(),
                originals: 0,
                copies: 0,
                first: None,
                last: None,
                members: Vec::new(),
                merged_into: Some(a),
                activity: VecDeque::new(),
                labels: Vec::new(),
                name_labels: Vec::new(),
                joined_sum: 0.0,
                joined: 0,
                norms: [0.0; 3],
                norms_at: 0,
                languages: Vec::new(),
                protagonists: Vec::new(),
                led: 0,
            },
        );
        if let Some(p) = self.parents.get_mut(b as usize) {
            *p = a;
        }
        let cap = self.config.story_terms;
        let s = &mut self.stories[a as usize];
        add_into(&mut s.terms, &other.terms, 1.0);
        prune(&mut s.terms, cap);
        add_into(&mut s.names, &other.names, 1.0);
        prune(&mut s.names, cap);
        add_into(&mut s.figures, &other.figures, 1.0);
        prune(&mut s.figures, cap);
        s.originals += other.originals;
        s.copies += other.copies;
        s.joined_sum += other.joined_sum;
        s.joined += other.joined;
        s.first = match (s.first, other.first) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        s.last = match (s.last, other.last) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        for l in other.languages {
            if !s.languages.contains(&l) {
                s.languages.push(l);
            }
        }
        s.led += other.led;
        add_counts(&mut s.protagonists, &other.protagonists);
        s.members.extend(other.members);
        s.members.sort_unstable();
        let extra = s.members.len().saturating_sub(MEMBERS_KEPT);
        s.members.drain(..extra);
        let mut act: Vec<(i64, u64)> = s.activity.drain(..).chain(other.activity).collect();
        act.sort_unstable();
        let extra = act.len().saturating_sub(ACTIVITY_KEPT);
        s.activity = act.into_iter().skip(extra).collect();
    }
}

fn count_shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Estimated containment of the shorter of two texts (of `a` and `b` shingles) in the
/// longer, from their MinHash Jaccard `j`; 0 when either is empty.
fn containment(j: f32, a: f32, b: f32) -> f32 {
    let inter = j / (1.0 + j) * (a + b);
    if a.min(b) > 0.0 {
        (inter / a.min(b)).min(1.0)
    } else {
        0.0
    }
}

fn band_key(band: usize, sig: &[u32]) -> u64 {
    let mut h = hash::mix(band as u64 + 1);
    for &v in &sig[band * LSH_ROWS..(band + 1) * LSH_ROWS] {
        h = hash::mix(h ^ u64::from(v));
    }
    h
}

#[cfg(test)]
mod signature_tests {
    use super::{CopyKind, CopyLink, KeptLink, MINHASH, Signature, Sketch, StoryIndex};
    use crate::features::{ArticleFeatures, jaccard};
    use crate::hash;

    impl StoryIndex {
        /// [`StoryIndex::shingle_copy`] comparing every candidate's signature (as it did
        /// before sketches screened them).
        fn shingle_copy_unscreened(&self, f: &ArticleFeatures) -> Option<(u32, CopyLink)> {
            let mut seen: hash::Set<u32> = hash::Set::default();
            let mut best: Option<(u32, CopyLink)> = None;
            for band in 0..super::LSH_BANDS {
                let Some(bucket) = self.lsh.get(&super::band_key(band, &f.minhash)) else {
                    continue;
                };
                for &i in bucket {
                    let Some(r) = self.recent(i).filter(|_| seen.insert(i)) else {
                        continue;
                    };
                    let j = jaccard(&f.minhash, r.minhash.as_slice());
                    if let Some((kind, sim)) = self.shingle_link(j, f.shingles, r.shingles)
                        && best.as_ref().is_none_or(|(_, l)| sim > l.similarity)
                    {
                        best = Some((i, CopyLink::found(kind, sim)));
                    }
                }
            }
            best
        }
    }

    /// The map of copies holds exactly the window's copy links, in order, as it is kept
    /// up to date through copies, promoted originals and the window's moves, and as it
    /// is rebuilt after loading.
    #[test]
    fn the_map_of_copies_follows_the_copy_links_of_the_window() {
        let window = |idx: &StoryIndex| -> Vec<(u32, Vec<u32>)> {
            let mut m: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
            for i in idx.recent_base..idx.records.len() as u32 {
                if let Some(o) = idx.records[i as usize].copy_of() {
                    m.entry(o).or_default().push(i);
                }
            }
            m.into_iter().collect()
        };
        let kept = |idx: &StoryIndex| -> Vec<(u32, Vec<u32>)> {
            let mut v: Vec<(u32, Vec<u32>)> = idx
                .copies
                .iter()
                .map(|(&o, l)| {
                    (
                        o,
                        l.iter()
                            .copied()
                            .filter(|&i| i >= idx.recent_base)
                            .collect(),
                    )
                })
                .filter(|(_, l): &(u32, Vec<u32>)| !l.is_empty())
                .collect();
            v.sort();
            v
        };
        let mut x = 3u64;
        let mut next = || {
            x = hash::mix(x);
            x
        };
        let mut idx = StoryIndex::new(super::Config {
            copy_window: 300,
            ..super::Config::default()
        });
        let bases: Vec<Vec<u32>> = (0..6)
            .map(|_| (0..MINHASH).map(|_| next() as u32).collect())
            .collect();
        let outlets = ["Wire", "Courier", "Herald", "Gazette"];
        let (mut copies, mut promoted) = (0, 0);
        for id in 1..=1200u64 {
            let base = &bases[(next() % bases.len() as u64) as usize];
            let minhash: Vec<u32> = base
                .iter()
                .map(|&v| if next() % 8 == 0 { next() as u32 } else { v })
                .collect();
            let outlet = outlets[(next() % 4) as usize];
            let named = (next() % 3 == 0).then(|| outlets[(next() % 4) as usize].to_string());
            let f = ArticleFeatures {
                id,
                minhash,
                shingles: 100,
                // Now and then earlier than what came before: it becomes the original.
                published: Some(1_000_000 + (next() % 100_000) as i64),
                outlet: Some(outlet.into()),
                original_outlet: named,
                ..ArticleFeatures::default()
            };
            let a = idx.add(&f);
            copies += usize::from(a.copy_of.is_some());
            promoted += usize::from(a.copy_of.is_none() && !a.is_new && a.score > 0.0);
            assert_eq!(kept(&idx), window(&idx), "after article {id}");
        }
        assert!(
            copies > 500 && promoted > 20,
            "{copies} copies, {promoted} promoted"
        );
        let mut back: StoryIndex =
            serde_json::from_slice(&serde_json::to_vec(&idx).unwrap()).unwrap();
        assert!(back.copies.is_empty());
        back.sync_copies();
        assert_eq!(kept(&back), window(&idx));
    }

    #[test]
    fn a_sketch_never_counts_fewer_shared_slots_than_the_signatures_share() {
        let mut x = 1u64;
        let mut next = || {
            x = hash::mix(x);
            x
        };
        for _ in 0..500 {
            let a: Vec<u32> = (0..MINHASH).map(|_| next() as u32).collect();
            let keep = next() % (MINHASH as u64 + 1);
            let b: Vec<u32> = a
                .iter()
                .map(|&v| {
                    if next() % (MINHASH as u64) < keep {
                        v
                    } else {
                        next() as u32
                    }
                })
                .collect();
            let shared = a.iter().zip(&b).filter(|(p, q)| p == q).count() as u32;
            let most = Sketch::new(&a, 1).most_shared(&Sketch::new(&b, 1));
            assert!(most >= shared, "{most} < {shared}");
            assert!(most <= MINHASH as u32);
        }
        let a: Vec<u32> = (0..MINHASH as u32).collect();
        assert_eq!(Sketch::new(&a, 1).most_shared(&Sketch::new(&a, 1)), 64);
    }

    /// Screening candidates by their sketches finds exactly the copy that comparing every
    /// signature finds, on families of near-duplicates, partial copies (texts of very
    /// different lengths) and unrelated texts sharing a band now and then.
    #[test]
    fn screened_copy_detection_finds_what_comparing_every_signature_finds() {
        let mut x = 7u64;
        let mut next = || {
            x = hash::mix(x);
            x
        };
        let mut idx = StoryIndex::default();
        let bases: Vec<Vec<u32>> = (0..12)
            .map(|_| (0..MINHASH).map(|_| (next() % 5000) as u32).collect())
            .collect();
        let (mut copies, mut partial) = (0, 0);
        for id in 1..=1500u64 {
            let base = &bases[(next() % bases.len() as u64) as usize];
            // Keep between none and all of the base's slots (and a small value range, so
            // that unrelated slots sometimes agree, in their low bits or wholly).
            let keep = next() % (MINHASH as u64 + 1);
            let minhash: Vec<u32> = base
                .iter()
                .map(|&v| {
                    if next() % 64 < keep {
                        v
                    } else {
                        (next() % 5000) as u32
                    }
                })
                .collect();
            let shingles = match next() % 4 {
                0 => 10 + (next() % 30) as u32,
                1 => 200 + (next() % 2000) as u32,
                _ => 40 + (next() % 200) as u32,
            };
            let f = ArticleFeatures {
                id,
                minhash,
                shingles,
                ..ArticleFeatures::default()
            };
            let want = idx.shingle_copy_unscreened(&f);
            assert_eq!(idx.shingle_copy(&f), want, "article {id}");
            copies += usize::from(want.is_some());
            partial += usize::from(want.is_some_and(|(_, l)| l.kind == CopyKind::Partial));
            idx.add(&f);
        }
        assert!(
            copies > 300 && partial > 20,
            "{copies} copies, {partial} partial"
        );
        // After a round trip (sketches are not saved) the screening still agrees.
        let mut back: StoryIndex =
            serde_json::from_slice(&serde_json::to_vec(&idx).unwrap()).unwrap();
        let f = ArticleFeatures {
            id: 5000,
            minhash: bases[0].clone(),
            shingles: 100,
            ..ArticleFeatures::default()
        };
        back.sync_sketches();
        assert_eq!(back.shingle_copy(&f), idx.shingle_copy_unscreened(&f));
        assert!(back.shingle_copy(&f).is_some());
    }

    #[test]
    fn a_kept_link_gives_back_its_copy_link_and_serializes_like_it() {
        for figures in [
            vec![],
            vec!["41 dead".to_string(), String::new(), "€2m".into()],
        ] {
            let link = CopyLink {
                of: 7,
                kind: CopyKind::Translation,
                similarity: 0.625,
                low_confidence: true,
                figures_differ: figures.clone(),
            };
            let kept = KeptLink::from(link.clone());
            assert_eq!(
                serde_json::to_value(&kept).unwrap(),
                serde_json::to_value(&link).unwrap()
            );
            let back: KeptLink =
                serde_json::from_value(serde_json::to_value(&link).unwrap()).unwrap();
            assert_eq!(CopyLink::from(back), link);
        }
        // A figure holding the separator keeps its place (the separator becomes a space).
        let link = CopyLink {
            of: 1,
            kind: CopyKind::Near,
            similarity: 0.7,
            low_confidence: false,
            figures_differ: vec!["a\u{1f}b".into(), "c".into()],
        };
        assert_eq!(
            CopyLink::from(KeptLink::from(link)).figures_differ,
            vec!["a b".to_string(), "c".to_string()]
        );
    }

    #[test]
    fn a_signature_serializes_like_the_boxed_slice_it_replaced() {
        let full: Vec<u32> = (0..MINHASH as u32).map(|x| x * 7919).collect();
        for values in [Vec::new(), vec![3, 1, 2], full] {
            let boxed: Box<[u32]> = values.clone().into();
            let sig = Signature::new(&values);
            assert_eq!(sig.as_slice(), &values[..]);
            let bytes = serde_json::to_vec(&sig).unwrap();
            assert_eq!(bytes, serde_json::to_vec(&boxed).unwrap());
            let back: Signature = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(back.as_slice(), &values[..]);
        }
        let too_long = vec![0u32; MINHASH + 1];
        let bytes = serde_json::to_vec(&too_long).unwrap();
        assert!(serde_json::from_slice::<Signature>(&bytes).is_err());
    }
}

#[cfg(test)]
mod protagonist_tests {
    use super::{Config, StoryIndex};
    use crate::features::ArticleFeatures;
    use crate::hash;

    fn injury(id: u64, protagonists: &[&str]) -> ArticleFeatures {
        let mut f = ArticleFeatures::from_parts(
            id,
            "Club puts player on injured list",
            "The club placed its player on the injured list after scans showed a torn \
             hamstring, ending the season with four matches left, the coach said.",
            Some("2025-04-14"),
            Some("Harbour Post"),
            Some("en"),
        );
        f.protagonists = protagonists.iter().map(|s| s.to_string()).collect();
        f
    }

    fn keys(p: &[&str]) -> Vec<u64> {
        p.iter().map(|s| hash::key(b'p', s)).collect()
    }

    /// An index of `n` single-article stories (a threshold nothing reaches).
    fn stories(n: u64) -> StoryIndex {
        let mut idx = StoryIndex::new(Config {
            threshold: 2.0,
            max_threshold: 2.0,
            ..Config::default()
        });
        for id in 0..n {
            let mut f = injury(id, &[]);
            // Other words, so that no article is a copy of another.
            f.terms = vec![(id + 1, 1.0)];
            f.minhash.clear();
            idx.add(&f);
        }
        assert_eq!(idx.stories().count(), n as usize);
        idx
    }

    /// Sets a story's protagonist counts and its led originals.
    fn lead(idx: &mut StoryIndex, story: u32, counts: &[(&str, u32)], led: u32) {
        let s = &mut idx.stories[story as usize];
        s.protagonists = counts
            .iter()
            .map(|&(p, n)| (hash::key(b'p', p), n))
            .collect();
        s.led = led;
    }

    #[test]
    fn an_article_led_by_another_protagonist_faces_a_higher_threshold() {
        let mut idx = stories(1);
        lead(
            &mut idx,
            0,
            &[("brenner", 4), ("marsh", 2), ("sandor", 1)],
            5,
        );
        let s = idx.stories[0].clone();
        assert_eq!(idx.main_protagonists(&s), keys(&["brenner"]));
        assert!(idx.other_protagonist(&keys(&["okafor"]), &s));
        // Marsh leads two of five: at least `protagonist_share` (a third); Sandor one.
        assert!(!idx.other_protagonist(&keys(&["okafor", "marsh"]), &s));
        assert!(idx.other_protagonist(&keys(&["okafor", "sandor"]), &s));
        assert!(!idx.other_protagonist(&keys(&["brenner"]), &s));
        assert!(!idx.other_protagonist(&[], &s));
        // A story without a protagonist of its own (named by fewer than two) asks nothing.
        lead(&mut idx, 0, &[("brenner", 1)], 1);
        let s = idx.stories[0].clone();
        assert!(idx.main_protagonists(&s).is_empty());
        assert!(!idx.other_protagonist(&keys(&["okafor"]), &s));
        // The penalty is added to the threshold.
        lead(&mut idx, 0, &[("brenner", 2)], 2);
        let mut f = injury(9, &["okafor"]);
        f.terms = vec![(1, 1.0)];
        let other = idx.explain(&f)[0];
        f.protagonists = vec!["brenner".into()];
        let same = idx.explain(&f)[0];
        assert!(other.other_protagonist && !same.other_protagonist);
        let raise = other.threshold - same.threshold;
        assert!(
            (raise - Config::default().protagonist_penalty).abs() < 1e-6,
            "{raise}"
        );
    }

    #[test]
    fn stories_of_different_protagonists_are_not_merged() {
        let mut idx = stories(3);
        lead(&mut idx, 0, &[("brenner", 2)], 2);
        lead(&mut idx, 1, &[("okafor", 2), ("marsh", 1)], 2);
        assert!(idx.protagonists_differ(0, 1));
        // Story 2 has no protagonist of its own.
        assert!(!idx.protagonists_differ(0, 2));
        // Sharing a protagonist (Brenner in one of two of story 1's leads) is enough.
        lead(&mut idx, 1, &[("okafor", 2), ("brenner", 1)], 2);
        assert!(!idx.protagonists_differ(0, 1));
        // Without the penalty the check is off.
        lead(&mut idx, 1, &[("okafor", 2)], 2);
        assert!(idx.protagonists_differ(0, 1));
        idx.config.protagonist_penalty = 0.0;
        assert!(!idx.protagonists_differ(0, 1));
    }
}
