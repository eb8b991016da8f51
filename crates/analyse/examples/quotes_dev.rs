//! Scores the quote extractor on the developer quote corpora in ../shared (PolNeAR brat
//! files, German WikiNews JSONL): content-span F1 at 30 % overlap, exact-span F1 and
//! speaker accuracy on matched quotes.
//!
//! `cargo run --release -p storyline-analyse --example quotes_dev -- [polnear|german] [train|dev] [--dump N]`

use storyline_analyse::quotes;

struct Gold {
    start: usize,
    end: usize,
    source: Option<(usize, usize)>,
}

struct DocG {
    id: String,
    text: String,
    gold: Vec<Gold>,
}

fn polnear(split: &str) -> Vec<DocG> {
    let base = format!("../../../shared/bench/quotes/polnear/{split}");
    let base = if std::path::Path::new(&base).exists() {
        base
    } else {
        format!("/work/shared/bench/quotes/polnear/{split}")
    };
    let mut names: Vec<String> = std::fs::read_dir(format!("{base}/attributions"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for n in names {
        let stem = n.trim_end_matches(".ann").to_string();
        let cands = [
            stem.clone(),
            stem.rsplit_once('_')
                .map(|x| x.0.to_string())
                .unwrap_or_default(),
        ];
        let Some(art) = cands
            .iter()
            .find(|c| std::path::Path::new(&format!("{base}/text/{c}.txt")).exists())
        else {
            continue;
        };
        if !seen.insert(art.clone()) {
            continue;
        }
        let text = std::fs::read_to_string(format!("{base}/text/{art}.txt")).unwrap_or_default();
        let ann = std::fs::read_to_string(format!("{base}/attributions/{n}")).unwrap_or_default();
        let mut t: std::collections::HashMap<String, Vec<(usize, usize)>> = Default::default();
        let mut events = Vec::new();
        for line in ann.lines() {
            let parts: Vec<&str> = line.split('\t').collect();
            if line.starts_with('T') && parts.len() >= 2 {
                let Some((_, rest)) = parts[1].split_once(' ') else {
                    continue;
                };
                let spans: Vec<(usize, usize)> = rest
                    .split(';')
                    .filter_map(|s| {
                        let mut it = s.split_whitespace();
                        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
                    })
                    .collect();
                t.insert(parts[0].to_string(), spans);
            } else if line.starts_with('E') && parts.len() >= 2 {
                let mut roles = std::collections::HashMap::new();
                for kv in parts[1].split_whitespace() {
                    if let Some((k, v)) = kv.split_once(':') {
                        roles.insert(k.to_string(), v.to_string());
                    }
                }
                events.push(roles);
            }
        }
        let mut gold = Vec::new();
        for r in events {
            let Some(c) = r.get("Content").and_then(|id| t.get(id)) else {
                continue;
            };
            let start = c.iter().map(|x| x.0).min().unwrap_or(0);
            let end = c.iter().map(|x| x.1).max().unwrap_or(0);
            let source = r.get("Source").and_then(|id| t.get(id)).map(|s| {
                (
                    s.iter().map(|x| x.0).min().unwrap_or(0),
                    s.iter().map(|x| x.1).max().unwrap_or(0),
                )
            });
            gold.push(Gold { start, end, source });
        }
        out.push(DocG {
            id: art.clone(),
            text,
            gold,
        });
    }
    out
}

fn german(split: &str) -> Vec<DocG> {
    let p = format!("/work/shared/bench/quotes/german-wikinews/{split}/{split}.jsonl");
    let data = std::fs::read_to_string(p).unwrap_or_default();
    let mut out = Vec::new();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = v["originalText"].as_str().unwrap_or("").to_string();
        let mut gold = Vec::new();
        for a in v["annotations"].as_array().into_iter().flatten() {
            let spans = |k: &str| -> Option<(usize, usize)> {
                let sp = a[k]["spans"].as_array()?;
                let s = sp.iter().filter_map(|x| x["charBegin"].as_u64()).min()? as usize;
                let e = sp.iter().filter_map(|x| x["charEnd"].as_u64()).max()? as usize;
                Some((s, e))
            };
            let Some((start, end)) = spans("quote") else {
                continue;
            };
            gold.push(Gold {
                start,
                end,
                source: spans("speaker"),
            });
        }
        out.push(DocG {
            id: v["doc_id"].as_str().unwrap_or("").to_string(),
            text,
            gold,
        });
    }
    out
}

fn sub(text: &[char], s: usize, e: usize) -> String {
    text.get(s.min(text.len())..e.min(text.len()))
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

fn norm(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = args.first().map(String::as_str).unwrap_or("polnear");
    let split = args.get(1).map(String::as_str).unwrap_or("dev");
    let dump: usize = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let (docs, lang) = match corpus {
        "german" => (german(split), "de"),
        _ => (polnear(split), "en"),
    };
    if docs.is_empty() {
        println!("no data for {corpus}/{split} (../shared absent?)");
        return;
    }
    let (mut np, mut ng, mut m30, mut mex, mut sp_ok, mut sp_len, mut bytes) =
        (0, 0, 0, 0, 0, 0, 0);
    let mut t_find = std::time::Duration::ZERO;
    let mut dumped = 0;
    // QUOTES_DEV_PRED=FILE: the predictions as JSON Lines in the bench README's format
    let mut pred_out = std::env::var("QUOTES_DEV_PRED").ok().map(|_| String::new());
    for d in &docs {
        let chars: Vec<char> = d.text.chars().collect();
        bytes += d.text.len();
        let t0 = std::time::Instant::now();
        let pred = quotes::find(&d.text, &[], lang);
        t_find += t0.elapsed();
        if let Some(o) = pred_out.as_mut() {
            let qs: Vec<serde_json::Value> = pred
                .iter()
                .map(|q| {
                    serde_json::json!({"start": q.start, "end": q.end,
                        "speaker": q.speaker.as_ref().map(|s| s.name.clone())})
                })
                .collect();
            let id = d.id.split(" - ").next().unwrap_or(&d.id);
            o.push_str(&serde_json::json!({"doc_id": id, "quotes": qs}).to_string());
            o.push('\n');
        }
        np += pred.len();
        ng += d.gold.len();
        let mut gused = vec![false; d.gold.len()];
        let mut pmatched = vec![false; pred.len()];
        // exact
        for p in &pred {
            let pe = norm(&sub(&chars, p.start, p.end));
            if d.gold
                .iter()
                .any(|g| norm(&sub(&chars, g.start, g.end)) == pe)
            {
                mex += 1;
            }
        }
        // 30% overlap, greedy by best overlap
        let mut cands = Vec::new();
        for (i, p) in pred.iter().enumerate() {
            for (j, g) in d.gold.iter().enumerate() {
                let inter = p.end.min(g.end).saturating_sub(p.start.max(g.start));
                let uni = p.end.max(g.end) - p.start.min(g.start);
                if uni > 0 && inter as f64 / uni as f64 >= 0.3 {
                    cands.push((inter as f64 / uni as f64, i, j));
                }
            }
        }
        cands.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, i, j) in cands {
            if pmatched[i] || gused[j] {
                continue;
            }
            pmatched[i] = true;
            gused[j] = true;
            m30 += 1;
            let g = &d.gold[j];
            let p = &pred[i];
            if let Some((ss, se)) = g.source {
                sp_len += 1;
                let gs = norm(&sub(&chars, ss, se));
                let glast = gs.split_whitespace().last().unwrap_or("").to_string();
                let ok = p.speaker.as_ref().is_some_and(|s| {
                    let n = norm(&s.name);
                    n == gs || n == glast || n.split_whitespace().last() == Some(glast.as_str())
                });
                if ok {
                    sp_ok += 1;
                } else if dumped < dump {
                    dumped += 1;
                    println!(
                        "SPK {} | pred {:?} | gold {:?} | {}",
                        d.id,
                        p.speaker.as_ref().map(|s| &s.name),
                        gs,
                        sub(&chars, p.start, p.end)
                            .chars()
                            .take(80)
                            .collect::<String>()
                    );
                }
            }
        }
        for (i, p) in pred.iter().enumerate() {
            if !pmatched[i] && dumped < dump {
                dumped += 1;
                println!(
                    "FP  {} | {:?} {:?} | {:?} | {}",
                    d.id,
                    p.kind,
                    p.speaker.as_ref().map(|s| &s.name),
                    p.cue.as_ref().map(|c| &c.text),
                    sub(&chars, p.start, p.end)
                        .chars()
                        .take(120)
                        .collect::<String>()
                );
            }
        }
        for (j, g) in d.gold.iter().enumerate() {
            if !gused[j] && dumped < dump {
                dumped += 1;
                let src = g.source.map(|(a, b)| sub(&chars, a, b)).unwrap_or_default();
                println!(
                    "FN  {} | {:?} | {}",
                    d.id,
                    src,
                    sub(&chars, g.start, g.end)
                        .chars()
                        .take(120)
                        .collect::<String>()
                );
            }
        }
    }
    let f = |m: usize| {
        let p = m as f64 / np.max(1) as f64;
        let r = m as f64 / ng.max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let (p30, r30, f30) = f(m30);
    let (pex, rex, fex) = f(mex.min(ng));
    if let (Some(o), Ok(f)) = (pred_out, std::env::var("QUOTES_DEV_PRED"))
        && let Err(e) = std::fs::write(&f, o)
    {
        eprintln!("{f}: {e}");
    }
    println!("{corpus}/{split}: docs {} gold {ng} pred {np}", docs.len());
    println!("overlap>=0.3  P {p30:.3} R {r30:.3} F1 {f30:.3}");
    println!("exact(norm)   P {pex:.3} R {rex:.3} F1 {fex:.3}");
    println!(
        "speaker acc   {:.3} ({sp_ok}/{sp_len})",
        sp_ok as f64 / sp_len.max(1) as f64
    );
    println!(
        "speed         {:.1} MB/s ({} bytes)",
        bytes as f64 / 1e6 / t_find.as_secs_f64().max(1e-9),
        bytes
    );
}
