//! The full-text index beside the database (tantivy): one document per article (its
//! latest version), analysed by its language — stemmed for the languages tantivy's
//! stemmer knows, character bigrams for Chinese, Japanese and Korean, plain words
//! otherwise. The commit payload records the last version id indexed, so that the index
//! can be caught up from the database after a crash.
//!
//! Each analyser has one searchable field holding an article's title (twice, which
//! weighs it like a field boost of two), teaser, text and entity names. One field per
//! language keeps a query of plain words a pure union or intersection of terms: one word
//! tantivy answers with block-max pruning, several words [`crate::dense`] ranks and
//! counts in one walk; a boost or a disjunction over several fields would make every
//! match scored through tantivy's general path (at 1 M articles, up to 90 ms for one
//! common word).

use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query, QueryParser,
    RangeQuery, TermQuery, Weight,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};
use tantivy::{
    DocAddress, DocSet, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader,
    TERMINATED, TantivyDocument, Term,
};

use crate::StoreError;
use crate::cjk::CjkBigrams;
use crate::dense::{self, DenseCache};
use crate::record::IndexDoc;
use crate::top::TopK;

/// Bumped when the schema or the analysers change: an index of another layout is rebuilt.
const LAYOUT: &str = "storyline-index-2";

/// The languages stemmed (ISO 639-1 → tantivy's stemmer).
const STEMMED: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

/// The analyser an article's language uses: a stemmed language's code, `cjk` or `plain`.
pub fn analyser_of(lang: Option<&str>) -> &'static str {
    let lang = lang.unwrap_or_default();
    let lang = match lang {
        "nb" | "nn" => "no",
        other => other,
    };
    if let Some((code, _)) = STEMMED.iter().find(|(c, _)| *c == lang) {
        return code;
    }
    match lang {
        "zh" | "ja" | "ko" => "cjk",
        _ => "plain",
    }
}

fn analysers() -> impl Iterator<Item = &'static str> {
    STEMMED.iter().map(|(c, _)| *c).chain(["cjk", "plain"])
}

#[derive(Debug, Clone)]
struct Fields {
    article: Field,
    lang: Field,
    outlet: Field,
    day: Field,
    /// Each analyser's searchable field.
    words: Vec<(&'static str, Field)>,
}

impl Fields {
    fn words(&self, analyser: &str) -> Field {
        self.words
            .iter()
            .find(|(a, _)| *a == analyser)
            .or(self.words.last())
            .map(|(_, f)| *f)
            .expect("the plain analyser always exists")
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let article = b.add_u64_field("article", INDEXED | STORED | FAST);
    let lang = b.add_text_field("lang", STRING);
    let outlet = b.add_text_field("outlet", STRING);
    let day = b.add_i64_field("day", INDEXED | FAST);
    let mut words = Vec::new();
    for a in analysers() {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&format!("sl_{a}"))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        words.push((a, b.add_text_field(&format!("words_{a}"), opts)));
    }
    (
        b.build(),
        Fields {
            article,
            lang,
            outlet,
            day,
            words,
        },
    )
}

fn register(manager: &TokenizerManager) {
    for (code, language) in STEMMED {
        manager.register(
            &format!("sl_{code}"),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(48))
                .filter(LowerCaser)
                .filter(Stemmer::new(*language))
                .build(),
        );
    }
    manager.register(
        "sl_cjk",
        TextAnalyzer::builder(CjkBigrams)
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        "sl_plain",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .build(),
    );
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` day.
pub fn day_number(day: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(day.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((d - epoch).num_days())
}

/// The index in a folder.
pub struct Index {
    index: tantivy::Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
    /// Documents added or deleted since the last commit.
    pending: usize,
    /// The analysers with terms in a searcher generation (see [`Index::present`]).
    present: Mutex<Option<(u64, Vec<&'static str>)>>,
    /// Very common words as dense columns (see [`dense`]).
    dense: DenseCache,
}

/// What a search found: scores and article ids, best first, and how to make snippets.
pub struct Found {
    pub total: usize,
    /// `total` is extrapolated from a sample (see [`count`]).
    pub total_estimated: bool,
    pub hits: Vec<(f32, i64)>,
    searcher: Searcher,
    /// The words' query of each analyser searched.
    queries: Vec<(&'static str, Box<dyn Query>)>,
    fields: Fields,
}

impl Found {
    /// Makes snippets of texts analysed as `lang` around the query's words (`None` when
    /// the query names no word of that analyser's field). Made once per language of a
    /// page of hits: making one looks every query term up in the index.
    pub fn snippets(&self, lang: Option<&str>, max_chars: usize) -> Option<SnippetGenerator> {
        let analyser = analyser_of(lang);
        let (_, query) = self.queries.iter().find(|(a, _)| *a == analyser)?;
        let field = self.fields.words(analyser);
        let mut g = SnippetGenerator::create(&self.searcher, &**query, field).ok()?;
        g.set_max_num_chars(max_chars);
        Some(g)
    }
}

/// A search: words (tantivy's query syntax, lenient) and filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`: only articles of this day or later.
    pub since: Option<String>,
    pub limit: usize,
}

impl Index {
    /// Opens the index in `dir`, creating it when absent and recreating it (empty) when
    /// it cannot be read or has another layout. `Ok((index, rebuilt))`.
    pub fn open(dir: &Path) -> Result<(Index, bool), StoreError> {
        let (schema, fields) = schema();
        let existing = readable(dir, &schema);
        let rebuilt = existing.is_none();
        let index = match existing {
            Some(i) => i,
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
                }
                std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
                tantivy::Index::create_in_dir(dir, schema)?
            }
        };
        register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok((
            Index {
                index,
                reader,
                writer: None,
                fields,
                pending: 0,
                present: Mutex::new(None),
                dense: DenseCache::new(dense::DENSE_CACHE_BYTES),
            },
            rebuilt,
        ))
    }

    /// Whether [`Index::open`] would create the index in `dir` anew (it is missing,
    /// unreadable or has another layout), so that the store must index every article.
    pub fn would_rebuild(dir: &Path) -> bool {
        readable(dir, &schema().0).is_none()
    }

    /// Sees what another process committed since this reader last looked.
    pub fn reload(&self) -> Result<(), StoreError> {
        Ok(self.reader.reload()?)
    }

    /// The last version id the committed index holds (0 for a new index).
    pub fn indexed_version(&self) -> i64 {
        payload_of(&self.index).unwrap_or(0)
    }

    /// Documents in the committed index.
    pub fn documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Takes the index's writer lock. `Ok(false)` when another process holds it.
    pub fn lock(&mut self) -> Result<bool, StoreError> {
        if self.writer.is_some() {
            return Ok(true);
        }
        match self.index.writer_with_num_threads(1, 64_000_000) {
            Ok(w) => {
                self.writer = Some(w);
                Ok(true)
            }
            Err(tantivy::TantivyError::LockFailure(..)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, StoreError> {
        if !self.lock()? {
            return Err(StoreError::Busy);
        }
        self.writer.as_mut().ok_or(StoreError::Busy)
    }

    /// Replaces (or adds) the document of an article.
    pub fn upsert(&mut self, article: i64, doc: &IndexDoc, day: &str) -> Result<(), StoreError> {
        let f = self.fields.clone();
        let words = f.words(analyser_of(doc.language.as_deref()));
        let mut d = TantivyDocument::default();
        d.add_u64(f.article, article as u64);
        if let Some(title) = &doc.title {
            // Twice: a title word counts as much as two of the text.
            d.add_text(words, title);
            d.add_text(words, title);
        }
        if let Some(teaser) = &doc.teaser {
            d.add_text(words, teaser);
        }
        d.add_text(words, &doc.text);
        // Canonical entity names ("Dmitry Peskov" where the text later says "Peskov");
        // quotes are spans of the text, already indexed with it.
        for name in &doc.entities {
            d.add_text(words, name);
        }
        if let Some(l) = &doc.language {
            d.add_text(f.lang, l.to_lowercase());
        }
        if let Some(o) = &doc.outlet {
            d.add_text(f.outlet, o.trim().to_lowercase());
        }
        if let Some(n) = day_number(day) {
            d.add_i64(f.day, n);
        }
        let w = self.writer()?;
        w.delete_term(Term::from_field_u64(f.article, article as u64));
        w.add_document(d)?;
        self.pending += 1;
        Ok(())
    }

    /// Removes every document (before a rebuild).
    pub fn clear(&mut self) -> Result<(), StoreError> {
        self.writer()?.delete_all_documents()?;
        self.pending += 1;
        Ok(())
    }

    /// Whether documents wait for a commit.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Commits what was added, recording `version` as the last version indexed.
    pub fn commit(&mut self, version: i64) -> Result<(), StoreError> {
        let w = self.writer()?;
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&format!("{LAYOUT}:{version}"));
        prepared.commit()?;
        self.pending = 0;
        self.reader.reload()?;
        Ok(())
    }

    /// Waits for background merges and releases the writer lock.
    pub fn close(&mut self) -> Result<(), StoreError> {
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads()?;
        }
        Ok(())
    }

    /// Runs a search: the words in each analyser's field (only that of `q.lang` when
    /// given), with the filters, best first.
    ///
    /// Each analyser is searched on its own and the hits merged by score (an article is
    /// in one analyser's field only, so the counts add up). Two plain words or more are
    /// ranked and counted exactly in one walk ([`dense::conjunction`]); a single word is
    /// ranked by tantivy with block-max pruning and counted from its document frequency;
    /// any other query's count is a separate pass, exact for a few thousand matches and
    /// estimated from an even sample beyond (see [`count`]).
    pub fn search(&self, q: &SearchQuery) -> Result<Found, StoreError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let lang = q.lang.as_deref().map(|l| l.trim().to_lowercase());
        let chosen: Vec<&'static str> = match &lang {
            Some(l) => vec![analyser_of(Some(l))],
            None => self.present(&searcher)?,
        };
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        // A stemmed language's field holds that language only: no filter needed (but
        // Norwegian's holds "nb" and "nn" too).
        if let Some(l) = &lang
            && (analyser_of(Some(l)) != l.as_str() || l == "no")
        {
            filters.push(term_query(f.lang, l));
        }
        if let Some(o) = &q.outlet {
            filters.push(term_query(f.outlet, &o.trim().to_lowercase()));
        }
        if let Some(n) = q.since.as_deref().and_then(day_number) {
            filters.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.day, n)),
                Bound::Unbounded,
            )));
        }
        let limit = q.limit.max(1);
        let mut total = 0;
        let mut total_estimated = false;
        let mut top = Vec::new();
        let mut queries = Vec::with_capacity(chosen.len());
        for analyser in chosen {
            let (words, _) = self.words_parser(analyser).parse_query_lenient(&q.text);
            let query: Box<dyn Query> = if filters.is_empty() {
                words.box_clone()
            } else {
                let mut clauses = vec![(Occur::Must, words.box_clone())];
                for filter in &filters {
                    // Filters match or not; they add nothing to the ranking.
                    clauses.push((
                        Occur::Must,
                        Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
                    ));
                }
                Box::new(BooleanQuery::new(clauses))
            };
            let plain = plain_terms(&*words);
            let best = match (&plain, phrase_terms(&*query)) {
                // Two words or more: ranked and counted exactly in one walk.
                (Some(terms), _) if terms.len() > 1 => {
                    let filters = filters
                        .iter()
                        .map(|q| q.weight(EnableScoring::disabled_from_searcher(&searcher)))
                        .collect::<Result<Vec<_>, _>>()?;
                    let (best, n) = dense::conjunction(
                        &searcher,
                        &self.dense,
                        terms,
                        &filters,
                        limit,
                        dense::DENSE_SHARE,
                        dense::DENSE_MIN_DOCS,
                    )?;
                    total += n;
                    top.extend(best);
                    queries.push((analyser, words));
                    continue;
                }
                (_, Some(terms)) => best_phrase_matches(&searcher, terms, &*query, limit)?,
                _ => searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?,
            };
            // Fewer than a page: no candidate was pruned (the threshold only rises once a
            // page is full), so these are all the matches and no count pass is needed.
            if best.len() < limit {
                total += best.len();
            } else if plain.is_some() && filters.is_empty() {
                // One word: its document frequency, less the deleted documents.
                let weight = words.weight(EnableScoring::disabled_from_searcher(&searcher))?;
                for seg in searcher.segment_readers() {
                    total += weight.count(seg)? as usize;
                }
            } else {
                let (n, estimated) = count(&searcher, &*query, SAMPLED_ENOUGH)?;
                total += n;
                total_estimated |= estimated;
            }
            top.extend(best);
            queries.push((analyser, words));
        }
        let top_len = top.len();
        top.sort_by(|a, b| b.0.total_cmp(&a.0));
        top.truncate(limit);
        // Article ids from the fast field, not the stored document (which would inflate
        // a block of the document store per hit).
        let mut columns = Vec::new();
        for seg in searcher.segment_readers() {
            columns.push(seg.fast_fields().u64("article")?);
        }
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let id = columns
                .get(addr.segment_ord as usize)
                .and_then(|col| col.first(addr.doc_id));
            if let Some(id) = id {
                hits.push((score, id as i64));
            }
        }
        if total_estimated {
            total = round_estimate(total.max(top_len));
        }
        Ok(Found {
            total,
            total_estimated,
            hits,
            searcher,
            queries,
            fields: f.clone(),
        })
    }

    /// The parser of a query's words in one analyser's field: tantivy's syntax, every
    /// word required unless the query says otherwise.
    fn words_parser(&self, analyser: &str) -> QueryParser {
        let mut parser = QueryParser::new(
            self.index.schema(),
            vec![self.fields.words(analyser)],
            self.index.tokenizers().clone(),
        );
        parser.set_conjunction_by_default();
        parser
    }

    /// The analysers whose fields hold a term in `searcher`'s segments, all of them when
    /// none does. A search looks its words up only in these: each of the other fields
    /// would cost a term lookup per word and segment (with twenty analysers, most of a
    /// search's time) and can match nothing.
    fn present(&self, searcher: &Searcher) -> Result<Vec<&'static str>, StoreError> {
        let generation = searcher.generation().generation_id();
        let mut kept = self.present.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, present)) = &*kept
            && *g == generation
        {
            return Ok(present.clone());
        }
        let mut present = Vec::new();
        for (a, field) in &self.fields.words {
            let mut has = false;
            for seg in searcher.segment_readers() {
                has |= seg.inverted_index(*field)?.terms().num_terms() > 0;
            }
            if has {
                present.push(*a);
            }
        }
        if present.is_empty() {
            present = analysers().collect();
        }
        *kept = Some((generation, present.clone()));
        Ok(present)
    }

    /// How many committed documents each article id has (for consistency checks).
    pub fn article_ids(&self) -> Result<Vec<i64>, StoreError> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for seg in searcher.segment_readers() {
            let col = seg.fast_fields().u64("article")?;
            let alive = seg.alive_bitset();
            for doc in 0..seg.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                if let Some(v) = col.first(doc) {
                    ids.push(v as i64);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }
}

/// The words of a quoted phrase, or of a conjunction of words and phrases (what the
/// parser makes of `"death toll" dam`), deduplicated; `None` for any other query (plain
/// words are pruned by tantivy itself; disjunctions, negations and filters take its
/// general path).
fn phrase_terms(query: &dyn Query) -> Option<Vec<Term>> {
    let mut terms = Vec::new();
    if let Some(p) = query.downcast_ref::<PhraseQuery>() {
        terms = p.phrase_terms();
    } else {
        let mut phrase = false;
        for (occur, clause) in query.downcast_ref::<BooleanQuery>()?.clauses() {
            if *occur != Occur::Must {
                return None;
            }
            if let Some(t) = clause.downcast_ref::<TermQuery>() {
                terms.push(t.term().clone());
            } else if let Some(p) = clause.downcast_ref::<PhraseQuery>() {
                terms.extend(p.phrase_terms());
                phrase = true;
            } else {
                return None;
            }
        }
        if !phrase {
            return None;
        }
    }
    terms.sort();
    terms.dedup();
    Some(terms)
}

/// The words of a query of plain words (one word, or words that must all be there, as
/// the parser makes of `dam collapse`), in order and with repeats; `None` for any other.
fn plain_terms(query: &dyn Query) -> Option<Vec<Term>> {
    if let Some(t) = query.downcast_ref::<TermQuery>() {
        return Some(vec![t.term().clone()]);
    }
    let clauses = query.downcast_ref::<BooleanQuery>()?.clauses();
    let mut terms = Vec::with_capacity(clauses.len());
    for (occur, clause) in clauses {
        if *occur != Occur::Must {
            return None;
        }
        terms.push(clause.downcast_ref::<TermQuery>()?.term().clone());
    }
    (!terms.is_empty()).then_some(terms)
}

/// The `limit` best matches of a phrase query, ranked by the BM25 of its words. tantivy
/// scores every document holding all the words to rank a phrase (no pruning: 40–70 ms
/// for a phrase of common words at 1 M articles), so the words' intersection, which it
/// prunes with block-max WAND, proposes the candidates in document order and only
/// those that could still enter the best `limit` have their positions checked.
fn best_phrase_matches(
    searcher: &Searcher,
    terms: Vec<Term>,
    query: &dyn Query,
    limit: usize,
) -> Result<Vec<(Score, DocAddress)>, StoreError> {
    let words: Vec<(Occur, Box<dyn Query>)> = terms
        .into_iter()
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
            (Occur::Must, q)
        })
        .collect();
    let scoring =
        BooleanQuery::new(words).weight(EnableScoring::enabled_from_searcher(searcher))?;
    let matching = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut top = TopK::new(limit);
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let mut phrase = matching.scorer(seg, 1.0)?;
        let alive = seg.alive_bitset();
        // The page's last score carries over from one segment to the next.
        let start = top.threshold().unwrap_or(Score::MIN);
        scoring.for_each_pruning(start, seg, &mut |doc, score| {
            // Candidates come in increasing order; the phrase's doc set only moves on.
            let matches = alive.is_none_or(|a| a.is_alive(doc))
                && (phrase.doc() == doc || (phrase.doc() < doc && phrase.seek(doc) == doc));
            if matches {
                top.push(score, DocAddress::new(ord as u32, doc));
            }
            top.threshold().unwrap_or(Score::MIN)
        })?;
    }
    Ok(top.into_sorted())
}

/// A count is estimated once an even sample of the index holds at least this many
/// matches (a relative error of about 3 %, below the two digits an estimate shows).
const SAMPLED_ENOUGH: usize = 1_000;
/// A sample takes the first docs of every run of this many in each segment.
const SAMPLE_STRIDE: u32 = 1_024;
/// The sample's docs per stride, tried in turn: 1/64, 1/16, then 1/4 of the index.
const SAMPLE_WIDTHS: [u32; 3] = [16, 64, 256];

/// How many live documents match `query`, and whether that is an estimate.
///
/// The count first walks an even sample of every segment — the first 16 docs of every
/// 1,024, spread over the archive's years as the documents are — and extrapolates once
/// the sample holds [`SAMPLED_ENOUGH`] matches; a wider sample (1/16, 1/4) is tried when
/// the last one predicts it will, and a count the widest sample could not reach is walked
/// in full, exactly. Three common words over a million articles thus cost a few thousand
/// matches walked instead of every one of them, while a count of a few thousand stays
/// exact. (`enough` is [`SAMPLED_ENOUGH`] but for tests.)
fn count(
    searcher: &Searcher,
    query: &dyn Query,
    enough: usize,
) -> Result<(usize, bool), StoreError> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let segments = searcher.segment_readers();
    let positions: u64 = segments.iter().map(|s| u64::from(s.max_doc())).sum();
    let mut width = Some(SAMPLE_WIDTHS[0]);
    while let Some(w) = width {
        let (n, sampled) = count_sample(&*weight, segments, w)?;
        if n >= enough && sampled > 0 {
            return Ok(((n as u64 * positions / sampled) as usize, true));
        }
        // The narrowest wider sample expected to hold enough; none: count in full.
        width = SAMPLE_WIDTHS
            .iter()
            .copied()
            .filter(|&wider| wider > w)
            .find(|&wider| (n.max(1) as u64) * u64::from(wider) >= (enough as u64) * u64::from(w));
    }
    // A sample as wide as its stride is every document.
    let (n, _) = count_sample(&*weight, segments, SAMPLE_STRIDE)?;
    Ok((n, false))
}

/// The live matches among the first `width` docs of every [`SAMPLE_STRIDE`] in each
/// segment, and how many doc positions that sample holds.
fn count_sample(
    weight: &dyn Weight,
    segments: &[SegmentReader],
    width: u32,
) -> Result<(usize, u64), StoreError> {
    let mut n = 0;
    let mut sampled = 0u64;
    for seg in segments {
        let max = seg.max_doc();
        sampled += u64::from(max / SAMPLE_STRIDE * width + (max % SAMPLE_STRIDE).min(width));
        let mut scorer = weight.scorer(seg, 1.0)?;
        let alive = seg.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            let start = doc - doc % SAMPLE_STRIDE;
            let end = start + width;
            if doc >= end {
                // Past this stride's sample: on to the next stride's.
                doc = match start.checked_add(SAMPLE_STRIDE) {
                    Some(next) if next < max => scorer.seek(next),
                    _ => TERMINATED,
                };
                continue;
            }
            if alive.is_none_or(|a| a.is_alive(doc)) {
                n += 1;
            }
            doc = scorer.advance();
        }
    }
    Ok((n, sampled))
}

/// An estimated count to two significant digits (412,345 → 410,000): no false precision.
fn round_estimate(n: usize) -> usize {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

/// The index in `dir` when it exists, can be read and has this layout.
fn readable(dir: &Path, schema: &Schema) -> Option<tantivy::Index> {
    if !dir.join("meta.json").exists() {
        return None;
    }
    match tantivy::Index::open_in_dir(dir) {
        Ok(i) if &i.schema() == schema && payload_of(&i).is_some() => Some(i),
        _ => None,
    }
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// The last version id recorded in the index's commit payload, when it has our layout.
fn payload_of(index: &tantivy::Index) -> Option<i64> {
    let metas = index.load_metas().ok()?;
    match metas.payload {
        None => Some(0).filter(|_| metas.segments.is_empty()),
        Some(p) => p.strip_prefix(LAYOUT)?.strip_prefix(':')?.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_keep_two_significant_digits() {
        assert_eq!(round_estimate(0), 0);
        assert_eq!(round_estimate(97), 97);
        assert_eq!(round_estimate(412_345), 410_000);
        assert_eq!(round_estimate(20_950), 21_000);
        assert_eq!(round_estimate(995), 1_000);
    }

    #[test]
    fn a_phrase_is_ranked_among_its_matches_only() {
        let dir = tempfile::tempdir().unwrap();
        let (mut index, _) = Index::open(dir.path()).unwrap();
        let texts = [
            "the death toll rose again",
            "toll roads and the death of a bridge",
            "death toll death toll: the toll of death",
            "a toll on the road, no death",
            "the death toll",
        ];
        for part in 0..2 {
            for i in 0..200 {
                let doc = IndexDoc {
                    text: format!(
                        "{} {}",
                        texts[i % texts.len()],
                        "filler words ".repeat(i % 7)
                    ),
                    language: Some("en".into()),
                    ..IndexDoc::default()
                };
                index
                    .upsert(part * 1_000 + i as i64, &doc, "2024-03-10")
                    .unwrap();
            }
            index.commit(part + 1).unwrap();
        }
        let searcher = index.reader.searcher();
        let parser = index.words_parser("en");
        for text in ["\"death toll\"", "\"death toll\" rose", "\"the death\""] {
            let query = parser.parse_query_lenient(text).0;
            let terms = phrase_terms(&*query).unwrap_or_else(|| panic!("{text}: {query:?}"));
            let all: std::collections::HashSet<DocAddress> = searcher
                .search(&query, &TopDocs::with_limit(10_000).order_by_score())
                .unwrap()
                .into_iter()
                .map(|(_, a)| a)
                .collect();
            assert!(!all.is_empty(), "{text}");
            // With room for every match: the same documents as tantivy's own phrase search.
            let every = best_phrase_matches(&searcher, terms.clone(), &*query, 10_000).unwrap();
            let found: std::collections::HashSet<DocAddress> =
                every.iter().map(|(_, a)| *a).collect();
            assert_eq!(found, all, "{text}");
            // A page of them: matches only, and the best-scored of those matches.
            let mut page = best_phrase_matches(&searcher, terms, &*query, 7).unwrap();
            page.sort_by(|a, b| b.0.total_cmp(&a.0));
            page.truncate(7);
            let mut scores: Vec<Score> = every.iter().map(|(s, _)| *s).collect();
            scores.sort_by(|a, b| b.total_cmp(a));
            assert_eq!(page.len(), 7);
            for (i, (score, addr)) in page.iter().enumerate() {
                assert!(all.contains(addr), "{text}");
                assert_eq!(*score, scores[i], "{text}");
            }
        }
        assert!(phrase_terms(&*parser.parse_query_lenient("death toll").0).is_none());
        assert!(phrase_terms(&*parser.parse_query_lenient("\"death toll\" OR bridge").0).is_none());
    }

    /// A small index where "common" is in about half the documents, "often" in a fifth,
    /// "some" in one in twenty and "rare" in one in two hundred, with varied lengths and
    /// repeats, three segments, some deletions and two outlets.
    fn words_index() -> (tempfile::TempDir, Index) {
        let dir = tempfile::tempdir().unwrap();
        let (mut index, _) = Index::open(dir.path()).unwrap();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut version = 0;
        for part in 0..3i64 {
            for i in 0..3_000i64 {
                let mut words = Vec::new();
                for (word, per_mille) in
                    [("common", 500), ("often", 200), ("some", 50), ("rare", 5)]
                {
                    if next(1_000) < per_mille {
                        for _ in 0..=next(3) {
                            words.push(word);
                        }
                    }
                }
                words.extend(std::iter::repeat_n("filler", next(40) as usize));
                let doc = IndexDoc {
                    text: words.join(" "),
                    language: Some("en".into()),
                    outlet: Some(
                        if i % 3 == 0 {
                            "Harbour Ledger"
                        } else {
                            "Daily"
                        }
                        .into(),
                    ),
                    ..IndexDoc::default()
                };
                let day = if i % 2 == 0 {
                    "2024-03-10"
                } else {
                    "2024-05-01"
                };
                version += 1;
                index.upsert(part * 10_000 + i, &doc, day).unwrap();
            }
            index.commit(version).unwrap();
        }
        for gone in [3, 10_004, 20_007, 20_010] {
            index
                .upsert(gone, &IndexDoc::default(), "2024-03-10")
                .unwrap();
        }
        index.commit(version + 1).unwrap();
        (dir, index)
    }

    #[test]
    fn a_conjunction_ranks_and_counts_as_tantivy_does() {
        let (_dir, index) = words_index();
        let searcher = index.reader.searcher();
        let f = index.fields.words("en");
        let parser = index.words_parser("en");
        let outlet: Box<dyn Query> = term_query(index.fields.outlet, "harbour ledger");
        let since: Box<dyn Query> = Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_i64(
                index.fields.day,
                day_number("2024-04-01").unwrap(),
            )),
            Bound::Unbounded,
        ));
        let filter_sets: [Vec<Box<dyn Query>>; 3] =
            [vec![], vec![outlet.box_clone()], vec![outlet, since]];
        let mut dense_columns_used = false;
        for text in [
            "common often",
            "common often some",
            "common rare",
            "often some rare",
            "common common often",
            "common absent",
        ] {
            // A word named twice counts twice (the parser folds repeats; a query built
            // by hand need not).
            let words: Box<dyn Query> = match text {
                "common common often" => Box::new(BooleanQuery::new(
                    ["common", "common", "often"]
                        .iter()
                        .map(|w| {
                            let q: Box<dyn Query> = Box::new(TermQuery::new(
                                Term::from_field_text(f, w),
                                IndexRecordOption::WithFreqs,
                            ));
                            (Occur::Must, q)
                        })
                        .collect(),
                )),
                _ => parser.parse_query_lenient(text).0,
            };
            let terms = plain_terms(&*words).unwrap();
            for filters in &filter_sets {
                let mut clauses = vec![(Occur::Must, words.box_clone())];
                for q in filters {
                    clauses.push((
                        Occur::Must,
                        Box::new(ConstScoreQuery::new(q.box_clone(), 0.0)) as Box<dyn Query>,
                    ));
                }
                let query = BooleanQuery::new(clauses);
                let expected = searcher
                    .search(&query, &TopDocs::with_limit(100_000).order_by_score())
                    .unwrap();
                let expected_count = searcher.search(&query, &tantivy::collector::Count).unwrap();
                let weights: Vec<Box<dyn Weight>> = filters
                    .iter()
                    .map(|q| {
                        q.weight(EnableScoring::disabled_from_searcher(&searcher))
                            .unwrap()
                    })
                    .collect();
                // Every word as postings, then the common ones as dense columns.
                for (share, min_docs) in [(1, u32::MAX), (32, 64)] {
                    let cache = DenseCache::new(1 << 20);
                    let (all, n) = dense::conjunction(
                        &searcher, &cache, &terms, &weights, 100_000, share, min_docs,
                    )
                    .unwrap();
                    assert_eq!(n, expected_count, "{text} {share}");
                    assert_eq!(all.len(), expected.len(), "{text} {share}");
                    let mut scores: std::collections::HashMap<DocAddress, Score> =
                        expected.iter().map(|(s, a)| (*a, *s)).collect();
                    for (score, addr) in &all {
                        let theirs = scores
                            .remove(addr)
                            .unwrap_or_else(|| panic!("{text}: {addr:?} not a match"));
                        assert!(
                            (score - theirs).abs() < 1e-4,
                            "{text}: {score} against {theirs}"
                        );
                    }
                    // A page: the best ten, best first.
                    let (page, n) = dense::conjunction(
                        &searcher, &cache, &terms, &weights, 10, share, min_docs,
                    )
                    .unwrap();
                    assert_eq!(n, expected_count);
                    assert_eq!(page.len(), expected_count.min(10));
                    for (i, (score, _)) in page.iter().enumerate() {
                        assert!((score - all[i].0).abs() < 1e-6, "{text}");
                    }
                    dense_columns_used |= cache.bytes() > 0;
                }
            }
        }
        assert!(dense_columns_used);
    }

    #[test]
    fn the_dense_cache_stays_within_its_budget() {
        let (_dir, index) = words_index();
        let searcher = index.reader.searcher();
        let f = index.fields.words("en");
        let terms: Vec<Term> = ["common", "often"]
            .iter()
            .map(|w| Term::from_field_text(f, w))
            .collect();
        // Room for about two columns of a 3,000-document segment.
        let cache = DenseCache::new(7_000);
        let (_, n) = dense::conjunction(&searcher, &cache, &terms, &[], 10, 32, 64).unwrap();
        assert!(n > 0);
        assert!(cache.bytes() <= 7_000 + 3_400, "{}", cache.bytes());
        assert!(cache.bytes() > 0);
    }

    #[test]
    fn the_search_counts_plain_words_exactly() {
        let (_dir, index) = words_index();
        let searcher = index.reader.searcher();
        for (text, lang) in [
            ("common often", None),
            ("often", Some("en")),
            ("common some", Some("en")),
        ] {
            let found = index
                .search(&SearchQuery {
                    text: text.into(),
                    lang: lang.map(str::to_string),
                    limit: 5,
                    ..SearchQuery::default()
                })
                .unwrap();
            let parser = index.words_parser("en");
            let query = parser.parse_query_lenient(text).0;
            let expected = searcher.search(&query, &tantivy::collector::Count).unwrap();
            assert_eq!(
                (found.total, found.total_estimated),
                (expected, false),
                "{text}"
            );
            assert_eq!(found.hits.len(), 5);
        }
    }

    #[test]
    fn a_count_is_exact_under_its_bound_and_a_close_estimate_above() {
        let dir = tempfile::tempdir().unwrap();
        let (mut index, _) = Index::open(dir.path()).unwrap();
        let mut version = 0;
        // Three segments; "flood" in every third article, "storm" in all of them.
        for part in 0..3 {
            for i in 0..1_200 {
                let text = if i % 3 == 0 {
                    "storm and flood"
                } else {
                    "storm"
                };
                let doc = IndexDoc {
                    text: text.into(),
                    language: Some("en".into()),
                    ..IndexDoc::default()
                };
                version += 1;
                index.upsert(part * 10_000 + i, &doc, "2024-03-10").unwrap();
            }
            index.commit(version).unwrap();
        }
        // A deleted document is not counted.
        index
            .upsert(
                0,
                &IndexDoc {
                    text: "calm".into(),
                    ..IndexDoc::default()
                },
                "2024-03-10",
            )
            .unwrap();
        index.commit(version + 1).unwrap();
        let searcher = index.reader.searcher();
        let words = |text: &str| index.words_parser("en").parse_query_lenient(text).0;
        assert_eq!(
            count(&searcher, &*words("flood"), 10_000).unwrap(),
            (1_199, false)
        );
        assert_eq!(
            count(&searcher, &*words("storm"), 10_000).unwrap(),
            (3_599, false)
        );
        let (n, estimated) = count(&searcher, &*words("storm"), 500).unwrap();
        assert!(estimated);
        assert!((3_400..=3_800).contains(&n), "{n}");
        let (n, estimated) = count(&searcher, &*words("flood"), 200).unwrap();
        assert!(estimated);
        assert!((1_100..=1_300).contains(&n), "{n}");
    }
}
