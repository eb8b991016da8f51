//! Story assignment speed with many articles already in the index.
//!
//! `cargo run --release -p storyline-group --example bench_index -- [N] [MEASURE]`
//! (defaults: N = 100000 synthetic articles preloaded, then MEASURE = 5000 more timed).
//! Synthetic articles: Zipf-distributed words from a 60,000-word vocabulary, each story
//! with its own topic words, names and figures, dates spread over two years; one article
//! in twenty is a syndicated copy. Feature building is not timed; only `StoryIndex::add`.

use std::time::Instant;

use storyline_group::{ArticleFeatures, StoryIndex};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Zipf-like rank in [0, n).
    fn zipf(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as u64 % n
    }
}

fn word(i: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bri", "dan", "fel", "gor", "hul", "jen",
        "por", "quin",
    ];
    let mut s = String::new();
    let mut x = i + 17;
    for _ in 0..3 {
        s.push_str(SYL[(x % 16) as usize]);
        x /= 16;
    }
    s.push_str(&(i % 7).to_string().replace(char::is_numeric, ""));
    format!("{s}{}", SYL[(i / 4096 % 16) as usize])
}

fn article(rng: &mut Rng, id: u64, stories: u64) -> ArticleFeatures {
    let story = rng.zipf(stories);
    let mut srng = Rng(story.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let topic: Vec<String> = (0..30).map(|_| word(1000 + srng.below(59_000))).collect();
    let names: Vec<String> = (0..4)
        .map(|_| {
            let w = word(srng.below(60_000));
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let day0 = 19_000 + srng.below(700) as i64;
    let mut text = String::new();
    let title = format!("{} {} {} {}", names[0], topic[0], topic[1], topic[2]);
    for s in 0..15 {
        let mut sent = vec![if s % 3 == 0 {
            "The".to_string()
        } else {
            "A".to_string()
        }];
        for _ in 0..14 {
            let r = rng.below(10);
            sent.push(if r < 4 {
                topic[rng.below(30) as usize].clone()
            } else if r < 5 {
                names[rng.below(4) as usize].clone()
            } else {
                word(rng.zipf(60_000))
            });
        }
        text.push_str(&sent.join(" "));
        text.push_str(". ");
    }
    let date = format!("{}", day0 + rng.below(5) as i64);
    let mut f = ArticleFeatures::from_parts(id, &title, &text, None, Some("Outlet"), Some("en"));
    f.published = date.parse::<i64>().ok().map(|d| d * 86_400);
    f.figures = vec![format!("n::{}", 100 + story % 5000)];
    f
}

/// CPU seconds (user + system) this thread has used, from /proc (Linux); 0 elsewhere.
/// On shared machines wall time overstates the cost; both are printed.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(100_000);
    let measure = args.get(1).copied().unwrap_or(5_000);
    let stories = (n / 6).max(10);
    let mut rng = Rng(42);
    let t = Instant::now();
    let mut feats: Vec<ArticleFeatures> = Vec::with_capacity((n + measure) as usize);
    for id in 0..n + measure {
        if id % 20 == 19 && !feats.is_empty() {
            // A syndicated copy of a recent article.
            let mut c =
                feats[feats.len() - 1 - rng.below(10.min(feats.len() as u64)) as usize].clone();
            c.id = id;
            c.outlet = Some("Copier".into());
            feats.push(c);
        } else {
            feats.push(article(&mut rng, id, stories));
        }
    }
    eprintln!("features: {:.1} s", t.elapsed().as_secs_f64());
    let mut idx = StoryIndex::default();
    let t = Instant::now();
    for f in &feats[..n as usize] {
        idx.add(f);
    }
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let cpu0 = cpu_seconds();
    let mut copies = 0;
    for f in &feats[n as usize..] {
        copies += usize::from(idx.add(f).copy_of.is_some());
    }
    let timed = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    let live = idx.stories().count();
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .unwrap_or_default();
    println!(
        "preload {n} articles: {:.0} articles/s overall; then {measure} more with {n} in the index: {:.0} articles/s wall ({:.1} µs each), {:.0} articles/s of CPU time; {live} stories; {copies} copies in the timed part; {rss}",
        n as f64 / load,
        measure as f64 / timed,
        timed * 1e6 / measure as f64,
        if cpu > 0.0 { measure as f64 / cpu } else { 0.0 }
    );
}
