//! Prints the quotes of text files.
//!
//! `cargo run -p storyline-analyse --example quotes_show -- [--lang en] [--time] FILE...`
//! (`--time`: only the throughput of `quotes::find` on each file, as one text)

fn main() {
    let mut lang = "en".to_string();
    let mut files = Vec::new();
    let mut time = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next().unwrap_or_else(|| "en".into()),
            "--time" => time = true,
            _ => files.push(a),
        }
    }
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            eprintln!("{f}: unreadable");
            continue;
        };
        if time {
            let t0 = std::time::Instant::now();
            let n = storyline_analyse::quotes::find(&text, &[], &lang).len();
            let s = t0.elapsed().as_secs_f64();
            println!(
                "{f}: {} bytes, {n} quotes, {:.3} s, {:.1} MB/s",
                text.len(),
                s,
                text.len() as f64 / 1e6 / s.max(1e-9)
            );
            continue;
        }
        for q in storyline_analyse::quotes::find(&text, &[], &lang) {
            println!(
                "{:?} [{}..{}] speaker={:?} cue={:?}\n    {}",
                q.kind,
                q.start,
                q.end,
                q.speaker.as_ref().map(|s| s.name.as_str()),
                q.cue.as_ref().map(|c| c.text.as_str()),
                q.text
            );
        }
    }
}
