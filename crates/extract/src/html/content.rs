//! Main content: finds the article body in a parsed page and returns its paragraphs
//! and in-body links, without the site's boilerplate.
//!
//! One iterative walk over the tree (no recursion: any nesting depth works) builds
//! * an arena of elements in document order, each with its parent, the end of its
//!   subtree, its text and link-text length and its class/id verdict (boilerplate,
//!   content-like, hidden, standfirst), and
//! * the page's text blocks (paragraphs, headings, list items, table rows, bare text
//!   in a `div`), each owned by its nearest block-level element.
//!
//! Then, in the spirit of Readability: every substantial block adds a score to its
//! ancestors (commas and length), containers are weighed by tag, class and link
//! density, the best one is taken (moving up to a common ancestor when several good
//! candidates share one) and joined by good siblings. Inside it, boilerplate
//! sub-trees (share bars, related links, captions, …), link lists, headline copies and
//! short stock phrases ("Advertisement", "Read more", "© 2024 …") are dropped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Node};
use storyline_core::Link;

use crate::text::collapse_whitespace;

const NONE: u32 = u32::MAX;

/// What the content extractor found on a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Content {
    /// Body paragraphs in order; headings are paragraphs of their own.
    pub paragraphs: Vec<String>,
    /// Links inside the kept paragraphs, absolute.
    pub links: Vec<Link>,
    /// The standfirst, when the page marks one up (kept out of `paragraphs`).
    pub teaser: Option<String>,
    /// The outlet a credit line in or just after the body names ("Source: …", "Avec
    /// AFP"); the line itself is kept out of `paragraphs`.
    pub original_outlet: Option<String>,
    /// The first byline/dateline line dropped from the body ("Par Claire Martin ·
    /// Publié le 12/03/2024"), for authors and date when metadata lacks them.
    pub byline: Option<String>,
    /// The first date line dropped from the body ("Publié le 12/03/2024 à 10h05"), for
    /// the date when metadata lacks it.
    pub dateline: Option<String>,
    /// Why nothing was found, when nothing was.
    pub warnings: Vec<String>,
}

/// Tags the extractor cares about; everything else is `Other` (inline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Other,
    Html,
    Body,
    Div,
    P,
    H(u8),
    Li,
    List,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Cell,
    A,
    Br,
    Article,
    Section,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Figure,
    Figcaption,
    OtherBlock,
    Skip,
}

fn tag_of(name: &str) -> Tag {
    match name {
        "p" => Tag::P,
        "div" => Tag::Div,
        "a" => Tag::A,
        "br" => Tag::Br,
        "li" => Tag::Li,
        "ul" | "ol" | "dl" => Tag::List,
        "dt" => Tag::Dt,
        "dd" => Tag::Dd,
        "h1" => Tag::H(1),
        "h2" => Tag::H(2),
        "h3" => Tag::H(3),
        "h4" => Tag::H(4),
        "h5" => Tag::H(5),
        "h6" => Tag::H(6),
        "blockquote" => Tag::Blockquote,
        "pre" => Tag::Pre,
        "table" => Tag::Table,
        "tr" => Tag::Tr,
        "td" | "th" => Tag::Cell,
        "article" => Tag::Article,
        "section" => Tag::Section,
        "main" => Tag::Main,
        "header" => Tag::Header,
        "footer" => Tag::Footer,
        "nav" => Tag::Nav,
        "aside" => Tag::Aside,
        "form" => Tag::Form,
        "figure" => Tag::Figure,
        "figcaption" => Tag::Figcaption,
        "html" => Tag::Html,
        "body" => Tag::Body,
        "address" | "center" | "details" | "summary" | "fieldset" | "caption" | "hr" | "tbody"
        | "thead" | "tfoot" | "hgroup" | "menu" | "dialog" | "legend" => Tag::OtherBlock,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "video" | "audio" | "select" | "option" | "button" | "input"
        | "textarea" | "head" | "img" | "picture" | "source" | "map" | "label" => Tag::Skip,
        _ => Tag::Other,
    }
}

/// How an element's text joins its neighbours' in a short text (a heading, a date):
/// `Some(true)` a block, line break or cell (a space on either side), `Some(false)` an
/// inline element (no space: `Planning <span>C</span>ycle` reads "Planning Cycle"),
/// `None` an element whose text is not page text (scripts, styles, forms).
pub(super) fn separates(name: &str) -> Option<bool> {
    match tag_of(name) {
        Tag::Skip => None,
        Tag::Other | Tag::A => Some(false),
        _ => Some(true),
    }
}

impl Tag {
    fn is_block(self) -> bool {
        !matches!(self, Tag::Other | Tag::A | Tag::Br | Tag::Cell | Tag::Skip)
    }
}

// Element flags.
const NEG: u8 = 1; // boilerplate by tag or class/id (a candidate: see `honoured`)
const POS: u8 = 2; // content-like class/id
const TEASER: u8 = 4; // standfirst-like class/id
const SCORED: u8 = 8; // has a candidate score
const TAG_NEG: u8 = 16; // boilerplate by its tag alone
const CAPTION: u8 = 32; // a figure, caption or photo credit (its credits are not the article's)

struct El {
    parent: u32,
    end: u32,
    tag: Tag,
    flags: u8,
    children: u32,
    /// Non-whitespace characters of text in the subtree.
    text: u32,
    /// Of which inside links.
    link: u32,
    /// Non-whitespace characters in substantial, mostly unlinked blocks.
    good: u32,
    /// Like `good`, leaving out honoured boilerplate (filled by `score`).
    clean: u32,
    class_weight: f32,
    score: f32,
    /// Nearest honoured boilerplate ancestor-or-self (filled after the walk).
    neg: u32,
    class_key: u32,
}

struct Block {
    owner: u32,
    para: u32,
    /// Nearest boilerplate-candidate ancestor of the text (element index or NONE).
    neg: u32,
    text: String,
    chars: u32,
    /// Non-whitespace characters, and how many of them are inside links.
    solid: u32,
    link_chars: u32,
    links: Vec<(String, String)>,
}

/// Class/id verdicts, cached per distinct attribute string.
#[derive(Clone, Copy)]
struct Verdict {
    flags: u8,
    skip: bool,
    weight: f32,
}

static STRONG_NEG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "comment|disqus|sharing|share-|-share|sharebar|social|related|recommend|newsletter|\
         signup|sign-up|promo|sponsor|advert|cookie|consent|gdpr|breadcrumb|byline|\
         author-bio|authorbio|author-box|authorbox|about-author|author-info|authorinfo|\
         tag-list|taglist|tagcloud|trending|popular|most-read|mostread|readmore|read-more|\
         more-from|also-read|outbrain|taboola|caption|credit|donat|pagination|pager|\
         rating|reaction|follow-us|playlist|newsfeed|(?:^|[^a-z0-9])(?:ads?|adv|dfp|adslot|\
         adunit|adsense|adsbygoogle|toc|rss|share|tags?|print|social|subnav)(?:[^a-z0-9]|$)",
    )
    .expect("static regex")
});

static WEAK_NEG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "sidebar|side-bar|(?:^|[^a-z0-9])nav(?:[^a-z0-9]|$)|(?:^|\\s)widget|menu|header|masthead|navbar|navigation|banner|popup|modal|\
         overlay|footer|toolbar|skip|combx|shoutbox|skyscraper|sticky|subscri|paywall|aside|\
         tooltip|dropdown|search|offcanvas|login|signin|(?:^|[^a-z0-9])meta(?:[^a-z0-9]|$)|\
         abonnement|(?:^|[^a-z0-9])abo(?:[^a-z0-9]|$)",
    )
    .expect("static regex")
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("article|body|content|entry|hentry|main|post|text|blog|story|prose|markdown")
        .expect("static regex")
});

static HIDDEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "sr-only|visually-hidden|visuallyhidden|screen-reader|screenreader|\
         (?:^|\\s)(?:hidden|d-none|hide|is-hidden|invisible)(?:\\s|$)",
    )
    .expect("static regex")
});

static TEASER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "standfirst|(?:^|[^a-z0-9])(?:dek|deck|lead|lede|intro|summary|teaser|subtitle|\
         sub-title|subhead|subheadline|chapo|chapeau|excerpt|strapline|sapo|abstract|\
         vorspann|entradilla|entradeta|sumario|bajada|sommario|catenaccio|linha-fina)(?:[^a-z0-9]|$)",
    )
    .expect("static regex")
});

static STOCK_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)^(?:advertisement|advertising|anzeige|werbung|publicité|sponsored( content)?|\
         loading|table of contents|contents|in this article|like this|share( this)?( article| story| post)?|\
         related( articles| stories| posts| content)?|recommended( for you)?|you (?:may|might) also like|\
         more from .{0,40}|back to top|skip to( main)? content|advertisement - scroll to continue|\
         (?:like this:?\\s*)?like\\s+loading)\\W*$",
    )
    .expect("static regex")
});

/// "Read more: <link>"-style pointers to other articles (dropped when mostly linked).
static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)^(?:read (?:more|also|next)|also read|see also|related|more|watch|listen|recommended)\\b.{0,20}:",
    )
    .expect("static regex")
});

/// Affiliate disclosures and date lines ("Last updated on 3 May 2024", "Publié le
/// 12/03/2024", "Veröffentlicht am 11.03.2024", "Опубликовано 12 марта").
static DISCLOSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)affiliate links?\\b|may earn (?:us )?(?:a )?(?:small )?commission|earn from qualifying purchases|\
         ^(?:(?:last )?(?:updated|published|posted|modified)|publié|mis à jour|actualisé|\
         veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|\
         опубликовано|обновлено)(?: on| le| am| el| il)?:? [^.]{0,40}\\d",
    )
    .expect("static regex")
});

/// Subscription and newsletter promos ("Abonnez-vous pour 1 €…", "Jetzt abonnieren!",
/// "Suscríbete…", "Подпишитесь…", "Subscribe to our newsletter").
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)abonnez[- ]vous|je m['’]abonne|inscrivez[- ]vous à (?:notre|la) newsletter|\
         jetzt (?:kostenlos )?(?:abonnieren|registrieren|anmelden)|abonnieren sie|\
         suscr[íi]bete|hazte suscriptor|reg[íi]strate gratis|\
         abbonati|iscriviti alla newsletter|assine já|\
         подпишитесь|подписывайтесь|\
         (?:^|[.!?] )(?:subscribe|sign up)(?: now| today)?(?: to| for|!|$)|\
         (?:^|[.!?] )(?:get|receive) (?:our|the) [^.]{0,30}newsletter",
    )
    .expect("static regex")
});

/// "Avec AFP", "With Reuters", "Mit Material von dpa", "Con información de EFE",
/// "(AP)", "— AFP".
static WITH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)^(?:\\((.{2,25})\\)|(?:with|avec|mit(?: material von)?|con(?: información de)?|\\p{Pd})\\s*\\(?(.{2,40}?)\\)?)\\.?$",
    )
    .expect("static regex")
});

/// A dateline crediting an agency: "WASHINGTON (AP) —", "PARIS (Reuters) -".
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^\\p{Lu}[\\p{Lu}\\s.,'’/-]{1,40}\\(([^()]{2,25})\\)\\s*[\\p{Pd}:]")
        .expect("static regex")
});

/// A byline opening a line: "By Jane Doe", "Von Anna Keller", "Par Claire Martin",
/// "Por Lucía Gómez", "Di Marco Rossi", "Автор: Ирина Соколова".
static BYLINE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|[Dd]oor|[Aa]utor(?:in)?:|[Aa]uteur ?:|\
         Автор:?|Текст:?|(?i:written by|reported by|reporting by|words by|text by))\\s+\\p{Lu}",
    )
    .expect("static regex")
});

/// Titles and headlines of error pages ("404", "Page not found", "Seite nicht gefunden").
static ERROR_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)^(?:(?:error|erreur|fehler|errore|ошибка)\\s*)?404\\b|\\b(?:page|file) not found\\b|\
         can['’]t find (?:that|this|the) page|page (?:introuvable|non trouvée)|\
         seite nicht gefunden|seite wurde nicht gefunden|página no encontrada|\
         pagina non trovata|страница не найдена|页面不存在|找不到页面|ページが見つかりません",
    )
    .expect("static regex")
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)©|\\(c\\) ?\\d{4}|all rights reserved|copyright \\d{4}").expect("static regex")
});

/// The five class/id patterns in one automaton: one scan per distinct attribute string.
static CLASS_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new([
        STRONG_NEG.as_str(),
        WEAK_NEG.as_str(),
        POSITIVE.as_str(),
        TEASER_RE.as_str(),
        HIDDEN.as_str(),
    ])
    .expect("static regex")
});

fn judge(key: &str) -> Verdict {
    let m = CLASS_SET.matches(key);
    let strong = m.matched(0);
    let weak = !strong && m.matched(1);
    let pos = m.matched(2);
    let mut flags = 0;
    if strong || (weak && !pos) {
        flags |= NEG;
    }
    if pos {
        flags |= POS;
    }
    if m.matched(3) {
        flags |= TEASER;
    }
    if ["caption", "photo", "image", "gallery", "figure"]
        .iter()
        .any(|k| key.contains(k))
    {
        flags |= CAPTION;
    }
    let mut weight = 0.0;
    if pos {
        weight += 25.0;
    }
    if strong || weak {
        weight -= 25.0;
    }
    Verdict {
        flags,
        skip: m.matched(4),
        weight,
    }
}

/// Collapses whitespace like [`collapse_whitespace`] and counts, in the same pass, the
/// characters of the result and those that are not spaces.
fn squeeze(s: &str) -> (String, u32, u32) {
    let mut out = String::with_capacity(s.len());
    let (mut chars, mut solid) = (0u32, 0u32);
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                chars += 1;
                pending = false;
            }
            out.push(c);
            chars += 1;
            solid += 1;
        }
    }
    (out, chars, solid)
}

/// Reads the attributes the walk needs in one pass: class, id, href and whether the
/// element is hidden (`hidden`, `aria-hidden=true`, `display:none` / `visibility:hidden`).
fn read_attrs(e: &scraper::node::Element) -> (&str, &str, Option<&str>, bool) {
    let (mut class, mut id, mut href, mut hidden) = ("", "", None, false);
    for (k, v) in e.attrs() {
        match k {
            "class" => class = v,
            "id" => id = v,
            "href" => href = Some(v),
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= v.eq_ignore_ascii_case("true"),
            "style" => {
                let compact: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                hidden |= compact.contains("display:none") || compact.contains("visibility:hidden");
            }
            _ => {}
        }
    }
    (class, id, href, hidden)
}

/// A fast hasher for the per-page class-name cache (FxHash's mixing step).
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// Everything the walk collects.
struct Page {
    els: Vec<El>,
    blocks: Vec<Block>,
}

struct Walker {
    els: Vec<El>,
    blocks: Vec<Block>,
    stack: Vec<u32>,
    block_stack: Vec<u32>,
    neg_stack: Vec<u32>,
    buf: String,
    link_start: Option<(usize, String)>,
    links: Vec<(String, String)>,
    link_chars: u32,
    link_depth: u32,
    para: u32,
    /// Open lists: the running item number of an `<ol>`, `None` for other lists.
    lists: Vec<Option<u32>>,
    cache: HashMap<String, (Verdict, u32), FxBuild>,
    key_buf: String,
}

impl Walker {
    fn flush(&mut self) {
        let (text, chars, solid) = squeeze(&self.buf);
        // Text of invisible characters only (a word joiner, a soft hyphen) is no block:
        // it would make an empty-looking paragraph.
        if !text.is_empty() && !crate::text::is_blank(&text) {
            let owner = self.block_stack.last().copied().unwrap_or(0);
            if chars >= 25
                && self.link_chars * 2 < solid
                && let Some(el) = self.els.get_mut(owner as usize)
            {
                el.good += solid;
            }
            self.blocks.push(Block {
                owner,
                para: self.para,
                neg: self.neg_stack.last().copied().unwrap_or(NONE),
                text,
                chars,
                solid,
                link_chars: self.link_chars.min(solid),
                links: std::mem::take(&mut self.links),
            });
        } else {
            self.links.clear();
        }
        self.buf.clear();
        self.link_chars = 0;
        if let Some((start, _)) = &mut self.link_start {
            *start = 0;
        }
    }

    /// Returns whether to descend into the element.
    fn open(&mut self, e: &scraper::node::Element) -> bool {
        let tag = tag_of(e.name());
        let parent = self.stack.last().copied().unwrap_or(NONE);
        let mut verdict = Verdict {
            flags: 0,
            skip: false,
            weight: 0.0,
        };
        let mut class_key = NONE;
        let (class, id, href, hidden) = read_attrs(e);
        // React's streamed server rendering parks finished chunks in
        // `<div hidden id="S:0">` until a script moves them in place: they are content.
        let hidden = hidden && !id.starts_with("S:");
        if (!class.is_empty() || !id.is_empty()) && !matches!(tag, Tag::Html | Tag::Body) {
            self.key_buf.clear();
            self.key_buf.push_str(class);
            self.key_buf.push(' ');
            self.key_buf.push_str(id);
            self.key_buf.make_ascii_lowercase();
            if let Some((v, k)) = self.cache.get(self.key_buf.as_str()) {
                verdict = *v;
                class_key = *k;
            } else {
                verdict = judge(&self.key_buf);
                class_key = self.cache.len() as u32;
                self.cache
                    .insert(self.key_buf.clone(), (verdict, class_key));
            }
            if matches!(tag, Tag::Main) {
                verdict.flags &= !NEG;
            }
        }
        let mut flags = verdict.flags;
        // Hidden elements are boilerplate, not skipped outright: some pages hide their
        // whole body until a script runs, and the good-text guard keeps those.
        if verdict.skip || hidden {
            flags |= NEG;
        }
        if matches!(
            tag,
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header | Tag::Form | Tag::Figcaption
        ) {
            flags |= NEG | TAG_NEG;
        }
        if matches!(tag, Tag::Figure | Tag::Figcaption) {
            flags |= CAPTION;
        }
        let idx = self.els.len() as u32;
        if let Some(p) = self.els.get_mut(parent as usize) {
            p.children += 1;
        }
        self.els.push(El {
            parent,
            end: idx + 1,
            tag,
            flags,
            children: 0,
            text: 0,
            link: 0,
            good: 0,
            clean: 0,
            class_weight: verdict.weight,
            score: 0.0,
            neg: NONE,
            class_key,
        });
        if tag == Tag::Skip {
            return false;
        }
        if tag == Tag::Br || matches!(tag, Tag::Cell) {
            self.buf.push(' ');
        }
        let neg = flags & NEG != 0;
        if tag.is_block() || neg {
            self.flush();
            if tag.is_block() {
                self.para += 1;
            }
        }
        self.stack.push(idx);
        if tag.is_block() {
            self.block_stack.push(idx);
        }
        if neg {
            self.neg_stack.push(idx);
        }
        if tag == Tag::List {
            self.lists.push((e.name() == "ol").then_some(0));
        }
        if tag == Tag::Li
            && let Some(Some(n)) = self.lists.last_mut()
        {
            *n += 1;
            let _ = write!(self.buf, "{n}. ");
        }
        if tag == Tag::A {
            self.link_depth += 1;
            if self.link_start.is_none() {
                let href = href.unwrap_or("").to_owned();
                self.link_start = Some((self.buf.len(), href));
            }
        }
        true
    }

    fn close(&mut self) {
        let Some(idx) = self.stack.pop() else { return };
        let end = self.els.len() as u32;
        let (tag, flags) = {
            let Some(el) = self.els.get_mut(idx as usize) else {
                return;
            };
            el.end = end;
            (el.tag, el.flags)
        };
        if tag == Tag::A {
            self.link_depth = self.link_depth.saturating_sub(1);
            if self.link_depth == 0
                && let Some((start, href)) = self.link_start.take()
            {
                let anchor = self.buf.get(start..).map(collapse_whitespace);
                if let Some(anchor) = anchor.filter(|a| !a.is_empty()) {
                    self.links.push((anchor, href));
                }
            }
        }
        let neg = flags & NEG != 0;
        if tag.is_block() || neg {
            self.flush();
            if tag.is_block() {
                self.para += 1;
            }
        }
        if tag.is_block() {
            self.block_stack.pop();
        }
        if tag == Tag::List {
            self.lists.pop();
        }
        if neg {
            self.neg_stack.pop();
        }
        let Some(&El {
            text,
            link,
            good,
            parent,
            ..
        }) = self.els.get(idx as usize)
        else {
            return;
        };
        if let Some(p) = self.els.get_mut(parent as usize) {
            p.text += text;
            p.link += link;
            p.good += good;
        }
    }

    fn text(&mut self, t: &str) {
        // Characters that are not whitespace (UTF-8 lead bytes of non-ASCII ones).
        let n = t
            .bytes()
            .filter(|&b| !b.is_ascii_whitespace() && !(0x80..0xC0).contains(&b))
            .count() as u32;
        if let Some(&top) = self.stack.last()
            && let Some(el) = self.els.get_mut(top as usize)
        {
            el.text += n;
            if self.link_depth > 0 {
                el.link += n;
            }
        }
        if self.link_depth > 0 {
            self.link_chars += n;
        }
        self.buf.push_str(t);
    }
}

/// Walks the document once, iteratively, building the element arena and the blocks.
fn walk(doc: &Html) -> Page {
    let mut w = Walker {
        els: Vec::with_capacity(4096),
        blocks: Vec::with_capacity(512),
        stack: Vec::with_capacity(64),
        block_stack: Vec::with_capacity(64),
        neg_stack: Vec::new(),
        buf: String::new(),
        link_start: None,
        links: Vec::new(),
        link_chars: 0,
        link_depth: 0,
        para: 0,
        lists: Vec::new(),
        cache: HashMap::default(),
        key_buf: String::new(),
    };
    let Some(html) = doc.tree.root().children().find(|n| n.value().is_element()) else {
        return Page {
            els: w.els,
            blocks: w.blocks,
        };
    };
    let root = html;
    let mut node = root;
    'outer: loop {
        let mut descend = false;
        match node.value() {
            Node::Element(e) => descend = w.open(e),
            Node::Text(t) => w.text(t),
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            w.close();
        }
        // Move to the next sibling, closing finished ancestors.
        loop {
            if node.id() == root.id() {
                break 'outer;
            }
            if let Some(sib) = node.next_sibling() {
                node = sib;
                break;
            }
            match node.parent() {
                Some(p) => {
                    node = p;
                    if node.value().is_element() {
                        w.close();
                    }
                }
                None => break 'outer,
            }
        }
    }
    w.flush();
    Page {
        els: w.els,
        blocks: w.blocks,
    }
}

impl Page {
    fn el(&self, i: u32) -> Option<&El> {
        self.els.get(i as usize)
    }

    fn link_density(&self, i: u32) -> f32 {
        self.el(i)
            .map(|e| {
                if e.text == 0 {
                    0.0
                } else {
                    e.link as f32 / e.text as f32
                }
            })
            .unwrap_or(0.0)
    }

    fn contains(&self, outer: u32, inner: u32) -> bool {
        self.el(outer)
            .is_some_and(|e| outer <= inner && inner < e.end)
    }

    /// Decides which boilerplate candidates to honour (not the ones holding most of the
    /// page) and fills each element's nearest honoured boilerplate ancestor-or-self.
    /// With `strict` false only tag-based boilerplate (nav, footer, …) is honoured: the
    /// fallback when class names hid everything.
    fn resolve_negatives(&mut self, strict: bool) {
        let want = if strict { NEG } else { TAG_NEG };
        let total = self.els.first().map(|e| e.good).unwrap_or(0);
        for i in 0..self.els.len() {
            let parent_neg = {
                let p = self.els[i].parent;
                self.els.get(p as usize).map(|p| p.neg).unwrap_or(NONE)
            };
            let el = &mut self.els[i];
            let big = total > 500 && el.good as f32 > 0.5 * total as f32;
            el.neg = if el.flags & want != 0 && !big {
                i as u32
            } else {
                parent_neg
            };
        }
    }

    /// Readability-style candidate scoring.
    fn score(&mut self) {
        for e in &mut self.els {
            e.flags &= !SCORED;
            e.score = 0.0;
            e.clean = 0;
        }
        for b in &self.blocks {
            if b.chars >= 25
                && b.link_chars * 2 < b.solid
                && self.honoured_neg(b) == NONE
                && let Some(e) = self.els.get_mut(b.owner as usize)
            {
                e.clean += b.solid;
            }
        }
        // Children come after their parents: one backward pass sums subtrees.
        for i in (1..self.els.len()).rev() {
            let (p, c) = (self.els[i].parent, self.els[i].clean);
            if let Some(pe) = self.els.get_mut(p as usize) {
                pe.clean += c;
            }
        }
        for b in 0..self.blocks.len() {
            let (owner, chars, score) = {
                let bl = &self.blocks[b];
                if bl.chars < 25 || self.honoured_neg(bl) != NONE {
                    continue;
                }
                let Some(o) = self.el(bl.owner) else { continue };
                if !matches!(
                    o.tag,
                    Tag::P
                        | Tag::Div
                        | Tag::Pre
                        | Tag::Blockquote
                        | Tag::Tr
                        | Tag::Section
                        | Tag::Article
                        | Tag::Dd
                        | Tag::Main
                        | Tag::Body
                ) {
                    continue;
                }
                let commas = bl
                    .text
                    .chars()
                    .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
                    .count();
                let score = 1.0 + commas as f32 + (bl.chars as f32 / 100.0).min(3.0);
                (bl.owner, bl.chars, score)
            };
            let _ = chars;
            let mut cur = self.el(owner).map(|e| e.parent).unwrap_or(NONE);
            let mut level = 0u32;
            while cur != NONE && level < 5 {
                let Some(e) = self.els.get_mut(cur as usize) else {
                    break;
                };
                if matches!(e.tag, Tag::Html) {
                    break;
                }
                if e.flags & SCORED == 0 {
                    e.flags |= SCORED;
                    e.score = initial_score(e.tag) + e.class_weight;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                e.score += score / divider;
                cur = e.parent;
                level += 1;
            }
        }
        for i in 0..self.els.len() {
            if self.els[i].flags & SCORED != 0 {
                let ld = self.link_density(i as u32);
                self.els[i].score *= 1.0 - ld;
            }
        }
    }

    /// Little running text and mostly links: a home page, section front or search page.
    fn looks_like_listing(&self) -> bool {
        let Some(body) = self.els.iter().find(|e| e.tag == Tag::Body) else {
            return false;
        };
        let ld = if body.text == 0 {
            0.0
        } else {
            body.link as f32 / body.text as f32
        };
        body.clean < LISTING_MAX_CLEAN && ld > LISTING_MIN_LINK_DENSITY
    }

    fn honoured_neg(&self, b: &Block) -> u32 {
        if b.neg == NONE {
            return NONE;
        }
        self.el(b.neg).map(|e| e.neg).unwrap_or(NONE)
    }

    /// The best container and its good siblings, as element ranges.
    fn select(&self) -> Option<Vec<u32>> {
        let mut cands: Vec<(f32, u32)> = self
            .els
            .iter()
            .enumerate()
            .filter(|(_, e)| e.flags & SCORED != 0)
            .map(|(i, e)| (e.score, i as u32))
            .collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        cands.truncate(5);
        let &(top_score, mut top) = cands.first()?;
        // Several good candidates under one ancestor: take the ancestor.
        let alts: Vec<u32> = cands
            .iter()
            .skip(1)
            .filter(|(s, _)| *s / top_score >= 0.75)
            .map(|(_, i)| *i)
            .collect();
        if alts.len() >= 2 {
            let mut anc = self.el(top).map(|e| e.parent).unwrap_or(NONE);
            while let Some(a) = self.el(anc) {
                if matches!(a.tag, Tag::Body | Tag::Html) {
                    break;
                }
                let n = alts.iter().filter(|&&x| self.contains(anc, x)).count();
                if n >= 2 {
                    top = anc;
                    break;
                }
                anc = a.parent;
            }
        }
        // Climb while the parent scores higher.
        let mut last = self.el(top).map(|e| e.score).unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut p = self.el(top).map(|e| e.parent).unwrap_or(NONE);
        while let Some(pe) = self.el(p) {
            if matches!(pe.tag, Tag::Body | Tag::Html) {
                break;
            }
            if pe.flags & SCORED == 0 {
                p = pe.parent;
                continue;
            }
            if pe.score < threshold {
                break;
            }
            if pe.score > last {
                top = p;
                break;
            }
            last = pe.score;
            p = pe.parent;
        }
        // Climb while the parent holds much more clean text (a body split in sections).
        while let Some(pe) = self.el(top).and_then(|e| self.el(e.parent)) {
            let cur = self.el(top).map(|e| e.clean).unwrap_or(0);
            if matches!(pe.tag, Tag::Body | Tag::Html)
                || (pe.clean as f32) < CLIMB_RATIO * cur as f32
            {
                break;
            }
            top = self.el(top).map(|e| e.parent).unwrap_or(top);
        }
        // Readability's pick holds little of the page's clean text: take instead the
        // smallest element holding most of it.
        let total = self
            .els
            .iter()
            .find(|e| e.tag == Tag::Body)
            .or(self.els.first())
            .map(|e| e.clean)
            .unwrap_or(0);
        let top_clean = self.el(top).map(|e| e.clean).unwrap_or(0);
        if (top_clean as f32) < MIN_SHARE * total as f32 {
            let want = MASS_SHARE * total as f32;
            if let Some(i) = self.els.iter().rposition(|e| e.clean as f32 >= want) {
                top = i as u32;
            }
        }
        // Climb through wrappers with a single child.
        while let Some(pe) = self.el(top).and_then(|e| self.el(e.parent)) {
            if matches!(pe.tag, Tag::Body | Tag::Html) || pe.children != 1 {
                break;
            }
            top = self.el(top).map(|e| e.parent).unwrap_or(top);
        }
        let top_el = self.el(top)?;
        let top_score = if top_el.flags & SCORED != 0 {
            top_el.score
        } else {
            top_score
        };
        let mut picked = Vec::new();
        let parent = top_el.parent;
        let Some(pe) = self.el(parent).filter(|pe| !matches!(pe.tag, Tag::Html)) else {
            picked.push(top);
            return Some(picked);
        };
        let threshold = (top_score * 0.2).max(10.0);
        let mut c = parent + 1;
        while c < pe.end {
            let Some(ce) = self.el(c) else { break };
            if c == top {
                picked.push(c);
            } else if ce.neg == NONE && ce.tag != Tag::Skip {
                let bonus = if ce.class_key != NONE && ce.class_key == top_el.class_key {
                    top_score * 0.2
                } else {
                    0.0
                };
                let ld = self.link_density(c);
                let good = (ce.flags & SCORED != 0 && ce.score + bonus >= threshold)
                    || (ce.tag == Tag::P && ce.text > 80 && ld < 0.25);
                if good {
                    picked.push(c);
                }
            }
            c = ce.end.max(c + 1);
        }
        Some(picked)
    }
}

/// Below this share of the page's clean text, Readability's pick is replaced by …
const MIN_SHARE: f32 = 0.5;
/// … the smallest element holding this share.
const MASS_SHARE: f32 = 0.6;

/// Move up to the parent when it holds this many times the clean text.
const CLIMB_RATIO: f32 = 1.3;

fn initial_score(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article => 5.0,
        Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
        Tag::List | Tag::Li | Tag::Dt | Tag::Dd | Tag::Form => -3.0,
        Tag::H(_) => -5.0,
        _ => 0.0,
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn resolve_link(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let lower = href.get(..11).unwrap_or(href).to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with("data:")
    {
        return None;
    }
    match url::Url::parse(href) {
        Ok(u) => Some(u.to_string()),
        Err(_) => base.and_then(|b| b.join(href).ok()).map(|u| u.to_string()),
    }
}

/// Finds the main content of `doc`. `base` resolves relative links; `title` (the
/// headline from metadata) keeps a copy of the headline out of the paragraphs.
pub fn extract_content(doc: &Html, base: Option<&url::Url>, title: Option<&str>) -> Content {
    extract_content_with(doc, base, title, None)
}

/// Like [`extract_content`]; `description` (the meta description) makes a first
/// paragraph equal to it the teaser.
pub fn extract_content_with(
    doc: &Html,
    base: Option<&url::Url>,
    title: Option<&str>,
    description: Option<&str>,
) -> Content {
    let mut page = walk(doc);
    let title_norm = title.map(normalise).filter(|t| !t.is_empty());
    let description_norm = description.map(normalise).filter(|d| d.len() >= 20);
    let mut content = Content::default();
    let teaser = find_teaser(&page);
    let mut hints = Hints {
        base,
        title_norm: title_norm.as_deref(),
        description_norm: description_norm.as_deref(),
        teaser: None,
    };
    let mut found = Assembled::default();
    let mut standfirst = None;
    'passes: for strict in [true, false] {
        page.resolve_negatives(strict);
        page.score();
        if strict {
            standfirst = teaser
                .as_ref()
                .map(|(s, e, _)| (*s, *e))
                .filter(|&r| is_standfirst(&page, r));
            hints.teaser = standfirst;
        }
        // Without the standfirst first; with it when the body is too short without.
        for with_teaser in [false, true] {
            if with_teaser && hints.teaser.is_none() && hints.description_norm.is_none() {
                break;
            }
            if with_teaser {
                hints.teaser = None;
                hints.description_norm = None;
            }
            found = assemble(&page, &hints);
            let total: usize = found.paragraphs.iter().map(|p| p.chars().count()).sum();
            if total >= MIN_ARTICLE_CHARS {
                break 'passes;
            }
        }
        hints.teaser = standfirst;
        hints.description_norm = description_norm.as_deref();
    }
    let mut paragraphs = std::mem::take(&mut found.paragraphs);
    let mut links = std::mem::take(&mut found.links);
    let total: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if total < MIN_ARTICLE_CHARS {
        content.warnings.push("no article body found".into());
        paragraphs.clear();
        links.clear();
    } else if total < ERROR_PAGE_MAX_CHARS && is_error_page(&page, title) {
        content
            .warnings
            .push("page is an error page (not found)".into());
        paragraphs.clear();
        links.clear();
    }
    if !paragraphs.is_empty() && page.looks_like_listing() {
        content
            .warnings
            .push("page looks like a listing or home page, not an article".into());
    }
    // A standfirst kept out of the body is the teaser; another teaser-like element is
    // the teaser only when the body does not hold it (never twice).
    // A first paragraph taken out as equal to the description is the teaser first.
    let standfirst_out = standfirst.is_some() && hints.teaser.is_some();
    content.teaser = found
        .description_teaser
        .take()
        .or_else(|| match teaser.map(|(_, _, t)| t) {
            Some(t) if standfirst_out => Some(t),
            Some(t) if !paragraphs.contains(&t) => Some(t),
            _ => None,
        });
    if let Some(t) = &content.teaser {
        paragraphs.retain(|p| p != t);
    }
    content.original_outlet = found.original_outlet;
    content.byline = found.byline;
    content.dateline = found.dateline;
    content.paragraphs = paragraphs;
    content.links = links;
    content
}

/// An error page ("404", "Page not found") with less body text than this has no article.
const ERROR_PAGE_MAX_CHARS: usize = 1500;

/// Blocks with more of their text in links than this are link lists, not prose.
const MAX_LINK_DENSITY: f32 = 0.8;

/// A page with less clean text than this …
const LISTING_MAX_CLEAN: u32 = 800;
/// … and more of its text in links than this is flagged as a listing.
const LISTING_MIN_LINK_DENSITY: f32 = 0.4;

/// Fewer characters than this in the kept paragraphs: not an article.
const MIN_ARTICLE_CHARS: usize = 100;

/// What [`assemble`] takes besides the page.
struct Hints<'a> {
    base: Option<&'a url::Url>,
    title_norm: Option<&'a str>,
    /// The meta description, normalised: a first paragraph equal to it is the teaser.
    description_norm: Option<&'a str>,
    /// The standfirst element's range: its blocks are the teaser, not the body.
    teaser: Option<(u32, u32)>,
}

/// What [`assemble`] found.
#[derive(Default)]
struct Assembled {
    paragraphs: Vec<String>,
    links: Vec<Link>,
    /// The first paragraph, dropped because it equals the meta description.
    description_teaser: Option<String>,
    original_outlet: Option<String>,
    byline: Option<String>,
    dateline: Option<String>,
}

/// The outlet a short credit line names ("Source: The X", "Avec AFP", "(AP)").
fn credit_outlet(text: &str, chars: u32) -> Option<String> {
    if chars > 120 {
        return None;
    }
    if let Some(c) = crate::lines::CREDIT_LINE.captures(text) {
        return c
            .get(1)
            .and_then(|m| crate::outlet::outlet_from_credit(m.as_str()));
    }
    let c = WITH_AGENCY.captures(text)?;
    let name = c.get(1).or(c.get(2))?.as_str();
    crate::outlet::known_outlet_from_credit(name)
}

/// A byline or dateline line ("Par Claire Martin, envoyée spéciale · Publié le …",
/// "By Jane Doe | 10 March 2024"), not a sentence that opens with "By".
fn is_byline_line(text: &str, chars: u32) -> bool {
    if chars > 200 || !BYLINE_LINE.is_match(text) {
        return false;
    }
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '»'));
    if t.ends_with(['!', '?']) || (t.ends_with('.') && chars > 60) {
        return false;
    }
    !crate::html::metadata::byline::split_byline_with(text, &[], true).is_empty()
}

impl Page {
    /// Whether the element or one of its close ancestors is a figure or caption.
    fn in_caption(&self, mut i: u32) -> bool {
        for _ in 0..12 {
            let Some(e) = self.el(i) else { return false };
            if e.flags & CAPTION != 0 {
                return true;
            }
            i = e.parent;
        }
        false
    }
}

/// Selects the container and keeps its good blocks as paragraphs and links.
fn assemble(page: &Page, hints: &Hints<'_>) -> Assembled {
    let ranges: Vec<(u32, u32)> = match page.select() {
        Some(picked) => picked
            .iter()
            .filter_map(|&i| page.el(i).map(|e| (i, e.end)))
            .collect(),
        None => match page.els.iter().position(|e| e.tag == Tag::Body) {
            Some(b) => vec![(b as u32, page.els[b].end)],
            None => vec![(0, page.els.len() as u32)],
        },
    };
    let in_range = |owner: u32| ranges.iter().find(|&&(s, e)| s <= owner && owner < e);
    // A first paragraph equal to the meta description, and the parents of the first
    // two paragraphs: a standfirst sits beside the body's paragraphs, not among them.
    let mut description_first = false;
    let mut parents: Vec<u32> = Vec::with_capacity(2);
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut cur_para = NONE;
    let mut out = Assembled::default();
    let mut last_block = None;
    for (bi, b) in page.blocks.iter().enumerate() {
        let Some(&(start, end)) = in_range(b.owner) else {
            continue;
        };
        last_block = Some(bi);
        if crate::text::is_blank(&b.text) {
            continue;
        }
        // Credit lines are often marked as credits (boilerplate by class): read them first.
        if out.original_outlet.is_none()
            && b.chars <= 120
            && !page.in_caption(b.owner)
            && let Some(o) = credit_outlet(&b.text, b.chars)
        {
            out.original_outlet = Some(o);
            continue;
        }
        let h = page.honoured_neg(b);
        if h != NONE && start < h && h < end {
            continue;
        }
        if let Some((ts, te)) = hints.teaser
            && ts <= b.owner
            && b.owner < te
        {
            continue;
        }
        let owner_tag = page.el(b.owner).map(|e| e.tag).unwrap_or(Tag::Other);
        if owner_tag == Tag::H(1) {
            continue;
        }
        if let Some(t) = hints.title_norm
            && (b.solid as usize) >= t.len() / 4
            && (b.solid as usize) <= t.len() + 20
            && normalise(&b.text) == t
        {
            continue;
        }
        if b.link_chars as f32 > MAX_LINK_DENSITY * b.solid as f32 {
            continue;
        }
        if b.chars < 120 && STOCK_PHRASE.is_match(&b.text) {
            continue;
        }
        if b.link_chars as f32 >= 0.4 * b.solid as f32
            && b.chars < 300
            && READ_MORE.is_match(&b.text)
        {
            continue;
        }
        if b.chars < 200 && crate::lines::READ_ALSO_LINE.is_match(&b.text) {
            continue;
        }
        if b.chars < 250 && PROMO.is_match(&b.text) {
            continue;
        }
        if b.chars < 250 && (COPYRIGHT.is_match(&b.text) || DISCLOSURE.is_match(&b.text)) {
            if out.dateline.is_none() && DISCLOSURE.is_match(&b.text) {
                out.dateline = Some(b.text.clone());
            }
            continue;
        }
        if is_byline_line(&b.text, b.chars) {
            if out.byline.is_none() {
                out.byline = Some(b.text.clone());
            }
            continue;
        }
        if b.chars > 40 && !seen.insert(b.text.as_str()) {
            continue;
        }
        if out.paragraphs.is_empty()
            && let Some(d) = hints.description_norm
            && b.chars >= 30
            && (b.solid as usize) <= d.len() + 10
            && normalise(&b.text) == d
        {
            description_first = true;
        }
        if b.para != cur_para && parents.len() < 2 {
            parents.push(page.el(b.owner).map(|e| e.parent).unwrap_or(NONE));
        }
        if b.para == cur_para {
            if let Some(last) = out.paragraphs.last_mut() {
                last.push(' ');
                last.push_str(&b.text);
            }
        } else {
            out.paragraphs.push(b.text.clone());
            cur_para = b.para;
        }
        for (text, href) in &b.links {
            if let Some(href) = resolve_link(href, hints.base) {
                out.links.push(Link {
                    text: text.clone(),
                    href,
                });
            }
        }
    }
    if description_first
        && let [first, second] = parents[..]
        && first != second
        && out.paragraphs.len() > 1
    {
        out.description_teaser = Some(out.paragraphs.remove(0));
    }
    // A credit line just after the body ("Source: …" under the last paragraph).
    if out.original_outlet.is_none()
        && let Some(last) = last_block
    {
        out.original_outlet = page
            .blocks
            .iter()
            .enumerate()
            .skip(last + 1)
            .take(4)
            .filter(|(_, b)| !page.in_caption(b.owner))
            .find_map(|(_, b)| credit_outlet(&b.text, b.chars));
    }
    // "WASHINGTON (AP) — …": the dateline credits an agency.
    if out.original_outlet.is_none()
        && let Some(first) = out.paragraphs.first()
        && let Some(c) = AGENCY_DATELINE.captures(first)
    {
        out.original_outlet = c
            .get(1)
            .and_then(|m| crate::outlet::known_outlet_from_credit(m.as_str()));
    }
    out.paragraphs.retain(|p| !crate::text::is_blank(p));
    out
}

/// The first standfirst-like block element with a sentence-sized text: its range and text.
fn find_teaser(page: &Page) -> Option<(u32, u32, String)> {
    let (i, el) =
        page.els.iter().enumerate().find(|(_, e)| {
            e.flags & TEASER != 0 && e.tag.is_block() && (30..=600).contains(&e.text)
        })?;
    let i = i as u32;
    let text: Vec<&str> = page
        .blocks
        .iter()
        .filter(|b| i <= b.owner && b.owner < el.end)
        .map(|b| b.text.as_str())
        .collect();
    let t = text.join(" ");
    (!t.trim().is_empty()).then_some((i, el.end, t))
}

/// Whether the teaser element `(start, end)` is a standfirst to keep out of the body:
/// one paragraph, its class used once on the page (not a card or a styled paragraph
/// repeated through the text), and before the body's first paragraph.
fn is_standfirst(page: &Page, (start, end): (u32, u32)) -> bool {
    let Some(el) = page.el(start) else {
        return false;
    };
    let key = el.class_key;
    if key != NONE && page.els.iter().filter(|e| e.class_key == key).count() > 1 {
        return false;
    }
    let mut paras = page
        .blocks
        .iter()
        .filter(|b| start <= b.owner && b.owner < end)
        .map(|b| b.para);
    let Some(first) = paras.next() else {
        return false;
    };
    if paras.any(|p| p != first) {
        return false;
    }
    // No substantial prose before it: a standfirst opens the article.
    !page
        .blocks
        .iter()
        .take_while(|b| b.owner < start)
        .any(|b| b.chars >= 150 && b.link_chars * 4 < b.solid && page.honoured_neg(b) == NONE)
}

/// Whether the page is an error page ("404", "Page not found") by its title or
/// first-level headings.
fn is_error_page(page: &Page, title: Option<&str>) -> bool {
    let short_match = |t: &str| t.chars().count() <= 80 && ERROR_PAGE.is_match(t.trim());
    if title.is_some_and(short_match) {
        return true;
    }
    page.blocks
        .iter()
        .filter(|b| page.el(b.owner).is_some_and(|e| e.tag == Tag::H(1)))
        .take(3)
        .any(|b| short_match(&b.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Content {
        let doc = Html::parse_document(html);
        let base = url::Url::parse("https://news.example.com/world/2024/story.html").ok();
        extract_content(&doc, base.as_ref(), Some("Storm hits the coast"))
    }

    const BODY: &str = "<p>The storm reached the coast on Tuesday night, flooding streets, cutting power to thousands of homes and forcing the evacuation of two hospitals.</p>\
        <p>Officials said the damage, which is still being assessed, could take weeks to repair, and warned residents to stay away from the shore.</p>\
        <p>\"We have never seen anything like this,\" said the mayor, who toured the worst-hit neighbourhoods on Wednesday morning with rescue teams.</p>";

    const BODY2: &str = "<p>Forecasters expect a second storm to arrive by the weekend, bringing more rain, strong winds and high tides to the same areas.</p>\
        <p>Insurers said claims were already rising, and urged homeowners to photograph the damage before starting any repairs themselves.</p>\
        <p>Schools in the region will stay closed until Monday, the education department said, while engineers inspect the buildings.</p>";

    #[test]
    fn squeeze_matches_collapse_whitespace() {
        for s in ["", "  a \u{a0}\n b\t", "\u{200b}x  y\u{feff}", "é  ü"] {
            let (t, chars, solid) = squeeze(s);
            assert_eq!(t, collapse_whitespace(s));
            assert_eq!(chars as usize, t.chars().count());
            assert_eq!(solid as usize, t.chars().filter(|c| *c != ' ').count());
        }
    }

    #[test]
    fn keeps_article_drops_boilerplate() {
        let html = format!(
            "<html><body><div id=\"cookie-banner\"><p>We use cookies to improve your experience on our website, by continuing you agree.</p></div>\
             <header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
             <main><article><h1>Storm hits the coast</h1><p class=\"byline\">By Jane Doe, 3 March 2024</p>\
             <div class=\"share-bar\"><a href=\"#\">Share on Facebook</a></div>\
             <div class=\"article-body\">{BODY}<p>Read more: <a href=\"/other\">Another story</a></p></div>\
             <aside class=\"related\"><h3>Related stories</h3><ul><li><a href=\"/a\">Floods in the north, a long story here</a></li></ul></aside>\
             <div class=\"newsletter\"><p>Sign up to our daily newsletter to get the best stories in your inbox every morning.</p></div>\
             </article></main><section id=\"comments\"><p>Great article, thanks for sharing all of this, very informative indeed!</p></section>\
             <footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
        assert!(c.paragraphs[0].starts_with("The storm reached"));
        assert!(c.paragraphs[2].contains("never seen anything"));
    }

    #[test]
    fn article_split_by_ads_and_headings() {
        let html = format!(
            "<html><body><nav><ul><li><a href=\"/\">Home</a></li></ul></nav><div class=\"story\">\
             <div class=\"para-group\">{BODY}</div><div class=\"ad-slot\"><p>Advertisement</p></div>\
             <h2>What happens next</h2><div class=\"para-group\">{BODY2}</div></div>\
             <div class=\"sidebar\"><p><a href=\"/x\">Most read story of the day in the region</a></p></div></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 7, "{:?}", c.paragraphs);
        assert_eq!(c.paragraphs[3], "What happens next");
        assert!(c.paragraphs.iter().all(|p| p != "Advertisement"));
    }

    #[test]
    fn listing_page_yields_nothing() {
        let mut html = String::from("<html><body><nav><a href=\"/\">Home</a></nav><ul>");
        for i in 0..30 {
            html.push_str(&format!(
                "<li><a href=\"/story/{i}\">Headline number {i} about something that happened</a></li>"
            ));
        }
        html.push_str("</ul><footer>© 2024 Example</footer></body></html>");
        let c = run(&html);
        assert!(c.paragraphs.is_empty(), "{:?}", c.paragraphs);
        assert!(!c.warnings.is_empty());
    }

    /// 100,000 nested `<div>`s around the body. The tree is built directly, since
    /// html5ever's own "p in button scope" check makes parsing such input quadratic.
    #[test]
    fn section_front_with_intro_is_flagged() {
        let mut html = String::from(
            "<html><body><div class=\"intro\"><p>All the latest news, analysis and opinion from our world desk, updated through the day by our correspondents in more than forty countries, with video, maps and live coverage.</p></div><div>",
        );
        for i in 0..40 {
            html.push_str(&format!(
                "<div><a href=\"/story/{i}\">Headline number {i} about something that happened today</a></div>"
            ));
        }
        html.push_str("</div></body></html>");
        let c = run(&html);
        assert!(
            c.warnings.iter().any(|w| w.contains("listing")),
            "{:?} {:?}",
            c.paragraphs,
            c.warnings
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body><div id=\"outer\"></div><div id=\"inner\">{BODY}</div></body></html>"
        );
        let mut doc = Html::parse_document(&html);
        let find = |doc: &Html, id: &str| {
            doc.tree
                .nodes()
                .find(|n| n.value().as_element().and_then(|e| e.id()) == Some(id))
                .map(|n| (n.id(), n.value().clone()))
        };
        let (mut cur, div) = find(&doc, "outer").unwrap();
        let (inner, _) = find(&doc, "inner").unwrap();
        for _ in 0..100_000 {
            let mut node = doc.tree.get_mut(cur).unwrap();
            cur = node.append(div.clone()).id();
        }
        doc.tree.get_mut(cur).unwrap().append_id(inner);
        let c = extract_content(&doc, None, None);
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
    }

    #[test]
    fn deeply_nested_markup_parses_and_extracts() {
        let n = 3_000;
        let html = format!(
            "<html><body>{}{BODY}{}</body></html>",
            "<div><span>".repeat(n),
            "</span></div>".repeat(n)
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
    }

    #[test]
    fn links_resolved_and_filtered() {
        let html = format!(
            "<html><body><article><p>The storm, according to <a href=\"/weather/report\">the weather service</a>, \
             was the strongest in decades, and <a href=\"javascript:void(0)\">more</a> was expected, officials said.</p>{BODY}</article></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.links.len(), 1, "{:?}", c.links);
        assert_eq!(c.links[0].text, "the weather service");
        assert_eq!(c.links[0].href, "https://news.example.com/weather/report");
    }

    #[test]
    fn teaser_found() {
        let html = format!(
            "<html><body><article><h1>Storm hits the coast</h1><p class=\"standfirst\">Thousands without power as the worst storm in decades batters the coast.</p>{BODY}</article></body></html>"
        );
        let c = run(&html);
        assert_eq!(
            c.teaser.as_deref(),
            Some("Thousands without power as the worst storm in decades batters the coast.")
        );
        assert!(c.paragraphs.iter().all(|p| p != "Storm hits the coast"));
    }

    #[test]
    fn standfirst_goes_to_teaser_not_body() {
        for class in [
            "standfirst",
            "chapo",
            "entradilla",
            "vorspann",
            "article-summary",
        ] {
            let html = format!(
                "<html><body><article><h1>Storm hits the coast</h1><p class=\"{class}\">Thousands without power as the worst storm in decades batters the coast.</p>{BODY}</article></body></html>"
            );
            let c = run(&html);
            assert_eq!(
                c.teaser.as_deref(),
                Some("Thousands without power as the worst storm in decades batters the coast."),
                "{class}"
            );
            assert_eq!(c.paragraphs.len(), 3, "{class}: {:?}", c.paragraphs);
            assert!(c.paragraphs[0].starts_with("The storm reached"), "{class}");
        }
        // A class repeated through the text styles paragraphs: they stay in the body.
        let html = format!(
            "<html><body><article><p class=\"intro\">Thousands without power as the worst storm in decades batters the coast.</p>{BODY}<p class=\"intro\">Another styled paragraph of the article that is part of its running text.</p></article></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 5, "{:?}", c.paragraphs);
        assert_eq!(c.teaser, None);
    }

    #[test]
    fn description_equal_first_paragraph_beside_the_body_is_the_teaser() {
        let d = "Thousands without power as the worst storm in decades batters the coast, and more rain is due on Thursday, forecasters said on Wednesday evening.";
        let html = format!(
            "<html><body><article><h1>Storm hits the coast</h1><p>{d}</p><div class=\"story-body\">{BODY}{BODY2}</div></article></body></html>"
        );
        let doc = Html::parse_document(&html);
        let c = extract_content_with(&doc, None, Some("Storm hits the coast"), Some(d));
        assert_eq!(c.teaser.as_deref(), Some(d), "{:?}", c.paragraphs);
        assert_eq!(c.paragraphs.len(), 6, "{:?}", c.paragraphs);
        // Inside the body it is the body's opening, not a standfirst.
        let html = format!(
            "<html><body><article><div class=\"story-body\"><p>{d}</p>{BODY}{BODY2}</div></article></body></html>"
        );
        let doc = Html::parse_document(&html);
        let c = extract_content_with(&doc, None, None, Some(d));
        assert_eq!(c.paragraphs.len(), 7, "{:?}", c.paragraphs);
    }

    #[test]
    fn read_also_promo_and_byline_lines_dropped_in_several_languages() {
        for line in [
            "Read also: Floods in the north",
            "See also: the full list of closed roads",
            "Lire aussi : Les fissures signalées dès 2019",
            "Lesen Sie auch: Warum die Risse ignoriert wurden",
            "Leer también: Las grietas de la presa",
            "Leggi anche: Le crepe nella diga",
            "Читайте также: Трещины в плотине",
            "Cet article vous a plu ? Abonnez-vous pour 1 € le premier mois.",
            "Jetzt abonnieren und weiterlesen!",
            "Suscríbete a nuestro boletín para recibir las noticias.",
            "Подпишитесь на наш канал в Telegram.",
            "Subscribe to our newsletter for the best stories.",
            "Par Claire Martin, envoyée spéciale à Orvalle · Publié le 12/03/2024 à 10h05",
            "By Jane Doe | 3 March 2024",
            "Von Anna Keller",
            "Veröffentlicht am 11.03.2024, 18:30 Uhr",
        ] {
            let html = format!("<html><body><article><p>{line}</p>{BODY}</article></body></html>");
            let c = run(&html);
            assert_eq!(c.paragraphs.len(), 3, "{line}: {:?}", c.paragraphs);
        }
        // Sentences that open with the same words stay.
        for line in [
            "By Monday, the company had filed for bankruptcy protection in three countries, its lawyers said.",
            "Par ailleurs, la préfecture a ouvert un centre d'accueil pour les familles des disparus.",
            "Von Berlin aus fährt der Zug täglich um sieben Uhr nach Kessing.",
        ] {
            let html = format!("<html><body><article><p>{line}</p>{BODY}</article></body></html>");
            let c = run(&html);
            assert_eq!(c.paragraphs.len(), 4, "{line}: {:?}", c.paragraphs);
        }
        let html = format!(
            "<html><body><article><p>Par Claire Martin · Publié le 12/03/2024 à 10h05</p>{BODY}</article></body></html>"
        );
        assert_eq!(
            run(&html).byline.as_deref(),
            Some("Par Claire Martin · Publié le 12/03/2024 à 10h05")
        );
    }

    #[test]
    fn credit_lines_name_the_original_outlet() {
        for (line, outlet) in [
            (
                "Source: The Lisna Valley Courier",
                Some("The Lisna Valley Courier"),
            ),
            ("Quelle: dpa", Some("dpa")),
            ("Fuente: El Diario del Valle", Some("El Diario del Valle")),
            ("Avec AFP", Some("AFP")),
            ("(AP)", Some("AP")),
            ("Source: official statement", None),
        ] {
            let html = format!(
                "<html><body><div class=\"post\"><div class=\"post-content\">{BODY}</div><p class=\"source\">{line}</p></div></body></html>"
            );
            let c = run(&html);
            assert_eq!(c.original_outlet.as_deref(), outlet, "{line}");
            assert!(c.paragraphs.iter().all(|p| p != line || outlet.is_none()));
            // Inside the body too.
            let html = format!("<html><body><article>{BODY}<p>{line}</p></article></body></html>");
            let c = run(&html);
            assert_eq!(c.original_outlet.as_deref(), outlet, "{line}");
            if outlet.is_some() {
                assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
            }
        }
        // A photo credit is not the article's.
        let html = format!(
            "<html><body><article><figure><figcaption>Source: Reuters</figcaption></figure>{BODY}</article></body></html>"
        );
        assert_eq!(run(&html).original_outlet, None);
        // A dateline crediting an agency.
        let html = "<html><body><article><p>WASHINGTON (AP) — The storm reached the coast on Tuesday night, flooding streets, cutting power to thousands of homes.</p><p>Officials said the damage, which is still being assessed, could take weeks to repair, and warned residents.</p></article></body></html>";
        assert_eq!(run(html).original_outlet.as_deref(), Some("AP"));
    }

    #[test]
    fn invisible_text_makes_no_paragraph() {
        let html = format!(
            "<html><body><article>{BODY}<p>\u{2060}\u{ad}</p><p><span>\u{200d}</span> &nbsp;</p></article></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
    }

    #[test]
    fn error_pages_give_no_paragraphs() {
        for (title, h1) in [
            ("Page not found", "404"),
            ("Seite nicht gefunden", "Hoppla!"),
            ("Page introuvable", "Erreur 404"),
            ("Nothing here", "Страница не найдена"),
        ] {
            let html = format!(
                "<html><body><main><h1>{h1}</h1><h2>Sorry, we can't find that page you were looking for today</h2><p>The page you were looking for may have been moved or deleted, or the address may be wrong.</p></main></body></html>"
            );
            let doc = Html::parse_document(&html);
            let c = extract_content(&doc, None, Some(title));
            assert!(c.paragraphs.is_empty(), "{title}: {:?}", c.paragraphs);
        }
        // An article about 404 pages is an article.
        let html = format!(
            "<html><body><article><h1>Why 404 pages matter</h1>{BODY}</article></body></html>"
        );
        let doc = Html::parse_document(&html);
        let c = extract_content(&doc, None, Some("Why 404 pages matter"));
        assert_eq!(c.paragraphs.len(), 3);
    }

    #[test]
    fn react_streamed_chunks_are_content() {
        let html = format!(
            "<html><body><div><p>Markets opened higher on Monday as investors weighed the latest figures on inflation and jobs from the statistics office.</p></div>\
             <div hidden id=\"S:0\">{BODY}</div><div hidden id=\"S:1\">{BODY2}</div>\
             <div hidden id=\"S:2\"><p>The coast guard said it would keep patrolling the bay, and asked boat owners to check their moorings before nightfall.</p></div></body></html>"
        );
        let c = run(&html);
        assert_eq!(c.paragraphs.len(), 8, "{:?}", c.paragraphs);
        // Other hidden content stays out.
        let html = html.replace("id=\"S:", "id=\"X:");
        assert_eq!(run(&html).paragraphs.len(), 1);
    }

    #[test]
    fn hidden_elements_skipped() {
        let html = format!(
            "<html><body><article><span class=\"sr-only\">Opens in a new window</span>{BODY}<div style=\"display: none\">Hidden text that should not appear anywhere at all.</div></article></body></html>"
        );
        let c = run(&html);
        assert!(
            c.paragraphs
                .iter()
                .all(|p| !p.contains("Hidden") && !p.contains("Opens"))
        );
        assert_eq!(c.paragraphs.len(), 3);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_tag_soup(html in "(<(/?)(p|div|a|ul|li|ol|h2|script|svg|article|nav)( class=\"(share|post|x)\"| href=\"/x\")?>|text, more words |<!--|-->|&amp;){0,60}") {
            let doc = Html::parse_document(&super::super::prepass::strip_raw_text(&html));
            let c = extract_content(&doc, None, Some("text"));
            proptest::prop_assert!(c.paragraphs.iter().all(|p| !p.is_empty()));
        }
    }

    /// Prints the candidates and blocks of one page:
    /// `STORYLINE_DEBUG_PAGE=page.html cargo test -p storyline-extract -- --ignored debug_page --nocapture`
    #[test]
    #[ignore]
    fn debug_page() {
        let Some(path) = std::env::var_os("STORYLINE_DEBUG_PAGE") else {
            eprintln!("skipped: set STORYLINE_DEBUG_PAGE");
            return;
        };
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipped: cannot read the page");
            return;
        };
        let html = String::from_utf8_lossy(&bytes);
        let cleaned = super::super::prepass::strip_raw_text(&html);
        let doc = Html::parse_document(&cleaned);
        let raw = Html::parse_document(&html);
        eprintln!(
            "prepass {} -> {} bytes; text {} vs raw {}",
            html.len(),
            cleaned.len(),
            doc.root_element().text().map(str::len).sum::<usize>(),
            raw.root_element().text().map(str::len).sum::<usize>()
        );
        if let Ok(p) = std::env::var("STORYLINE_DEBUG_DUMP") {
            let _ = std::fs::write(p, cleaned.as_bytes());
        }
        let mut page = walk(&doc);
        page.resolve_negatives(true);
        page.score();
        let mut cands: Vec<(f32, u32)> = page
            .els
            .iter()
            .enumerate()
            .filter(|(_, e)| e.flags & SCORED != 0)
            .map(|(i, e)| (e.score, i as u32))
            .collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (sc, i) in cands.iter().take(8) {
            let e = &page.els[*i as usize];
            eprintln!(
                "cand {i} {:?} score {sc:.1} text {} good {} ld {:.2} flags {} neg {} parent {} end {}",
                e.tag,
                e.text,
                e.good,
                page.link_density(*i),
                e.flags,
                e.neg,
                e.parent,
                e.end
            );
        }
        eprintln!("selected: {:?}", page.select());
        for b in &page.blocks {
            let t: String = b.text.chars().take(90).collect();
            eprintln!(
                "[{} {:?} neg {} hn {} ld {}/{}] {t}",
                b.owner,
                page.els[b.owner as usize].tag,
                b.neg,
                page.honoured_neg(b),
                b.link_chars,
                b.solid
            );
        }
    }
}
