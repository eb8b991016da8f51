//! The full-text index beside the database (tantivy): one document per article (its
//! latest version), analysed by its language — stemmed for the languages tantivy's
//! stemmer knows, character bigrams for Chinese, Japanese and Korean, plain words
//! otherwise. The commit payload records the last version id indexed, so that the index
//! can be caught up from the database after a crash.

use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::StoreError;
use crate::cjk::CjkBigrams;
use crate::record::IndexDoc;

/// Bumped when the schema or the analysers change: an index of another layout is rebuilt.
const LAYOUT: &str = "storyline-index-1";

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

/// The three text fields of one analyser.
#[derive(Debug, Clone, Copy)]
struct Text {
    title: Field,
    body: Field,
    extra: Field,
}

#[derive(Debug, Clone)]
struct Fields {
    article: Field,
    lang: Field,
    outlet: Field,
    day: Field,
    text: Vec<(&'static str, Text)>,
}

impl Fields {
    fn text(&self, analyser: &str) -> Text {
        self.text
            .iter()
            .find(|(a, _)| *a == analyser)
            .or(self.text.last())
            .map(|(_, t)| *t)
            .expect("the plain analyser always exists")
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let article = b.add_u64_field("article", INDEXED | STORED | FAST);
    let lang = b.add_text_field("lang", STRING);
    let outlet = b.add_text_field("outlet", STRING);
    let day = b.add_i64_field("day", INDEXED | FAST);
    let mut text = Vec::new();
    for a in analysers() {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&format!("sl_{a}"))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let title = b.add_text_field(&format!("title_{a}"), opts.clone());
        let body = b.add_text_field(&format!("body_{a}"), opts.clone());
        let extra = b.add_text_field(&format!("extra_{a}"), opts);
        text.push((a, Text { title, body, extra }));
    }
    (
        b.build(),
        Fields {
            article,
            lang,
            outlet,
            day,
            text,
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
}

/// What a search found: scores and article ids, best first, and how to make snippets.
pub struct Found {
    pub total: usize,
    pub hits: Vec<(f32, i64)>,
    searcher: Searcher,
    query: Box<dyn Query>,
    fields: Fields,
}

impl Found {
    /// Makes snippets of texts analysed as `lang` around the query's words (`None` when
    /// the query names no word of that analyser's fields). Made once per language of a
    /// page of hits: making one looks every query term up in the index.
    pub fn snippets(&self, lang: Option<&str>, max_chars: usize) -> Option<SnippetGenerator> {
        let field = self.fields.text(analyser_of(lang)).body;
        let mut g = SnippetGenerator::create(&self.searcher, &*self.query, field).ok()?;
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
        let existing = if dir.join("meta.json").exists() {
            match tantivy::Index::open_in_dir(dir) {
                Ok(i) if i.schema() == schema && payload_of(&i).is_some() => Some(i),
                _ => None,
            }
        } else {
            None
        };
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
            },
            rebuilt,
        ))
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
        let t = f.text(analyser_of(doc.language.as_deref()));
        let mut d = TantivyDocument::default();
        d.add_u64(f.article, article as u64);
        if let Some(title) = &doc.title {
            d.add_text(t.title, title);
        }
        if let Some(teaser) = &doc.teaser {
            d.add_text(t.body, teaser);
        }
        d.add_text(t.body, &doc.text);
        for name in doc.entities.iter().chain(&doc.quotes) {
            d.add_text(t.extra, name);
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

    /// Runs a search.
    pub fn search(&self, q: &SearchQuery) -> Result<Found, StoreError> {
        let f = &self.fields;
        let mut texts = Vec::new();
        let mut boosts = Vec::new();
        let searcher = self.reader.searcher();
        let chosen: Vec<&str> = match &q.lang {
            Some(l) => vec![analyser_of(Some(l))],
            None => self.present(&searcher)?,
        };
        for a in chosen {
            let t = f.text(a);
            texts.extend([t.title, t.body, t.extra]);
            boosts.extend([(t.title, 2.0), (t.extra, 0.5)]);
        }
        let mut parser =
            QueryParser::new(self.index.schema(), texts, self.index.tokenizers().clone());
        parser.set_conjunction_by_default();
        for (field, boost) in boosts {
            parser.set_field_boost(field, boost);
        }
        let (words, _) = parser.parse_query_lenient(&q.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words)];
        if let Some(l) = &q.lang {
            clauses.push((Occur::Must, term_query(f.lang, &l.to_lowercase())));
        }
        if let Some(o) = &q.outlet {
            clauses.push((Occur::Must, term_query(f.outlet, &o.trim().to_lowercase())));
        }
        if let Some(n) = q.since.as_deref().and_then(day_number) {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_i64(f.day, n)),
                    Bound::Unbounded,
                )),
            ));
        }
        let query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        // One pass: the best hits and the count together. The query is a conjunction of
        // disjunctions over fields, which tantivy scores document by document (block-max
        // WAND prunes only plain disjunctions of terms), so a separate counting pass
        // would walk every match a second time.
        let (top, total) = searcher.search(
            &query,
            &(TopDocs::with_limit(q.limit.max(1)).order_by_score(), Count),
        )?;
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
        Ok(Found {
            total,
            hits,
            searcher,
            query,
            fields: f.clone(),
        })
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
        for (a, t) in &self.fields.text {
            let mut has = false;
            for seg in searcher.segment_readers() {
                for field in [t.title, t.body, t.extra] {
                    has |= seg.inverted_index(field)?.terms().num_terms() > 0;
                }
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
