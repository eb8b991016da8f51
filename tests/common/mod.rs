//! Helpers shared by the end-to-end tests: run the real `storyline` binary and read
//! its JSON.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The repository root (the root package's manifest directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// Runs `storyline` with the given arguments.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("run storyline")
}

/// Runs `storyline` with `stdin` piped in.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn storyline");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The process may stop reading early (a refused input); that is not our failure.
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for storyline");
    let _ = writer.join();
    out
}

/// Runs `storyline`, killing it after `limit`; `None` when it did not finish in time.
pub fn run_with_timeout(args: &[&str], limit: std::time::Duration) -> Option<Output> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out_path, err_path) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("spawn storyline");
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return Some(Output {
                status,
                stdout: std::fs::read(&out_path).expect("stdout"),
                stderr: std::fs::read(&err_path).expect("stderr"),
            });
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// `storyline extract PATH [--url URL]`: asserts success and returns the article.
pub fn extract(path: &Path, url: Option<&str>) -> Value {
    let p = path.display().to_string();
    let mut args = vec!["extract", p.as_str()];
    if let Some(u) = url {
        args.extend(["--url", u]);
    }
    let out = run(&args);
    assert!(
        out.status.success(),
        "extract {p} failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let article: Value = serde_json::from_slice(&out.stdout).expect("one JSON article on stdout");
    check_contract(&article);
    article
}

/// The JSON contract every article keeps, whatever the page.
pub fn check_contract(a: &Value) {
    for field in [
        "url",
        "canonical_url",
        "title",
        "teaser",
        "authors",
        "published",
        "published_from",
        "modified",
        "outlet",
        "original_outlet",
        "language",
        "paragraphs",
        "text",
        "links",
        "input",
        "warnings",
    ] {
        assert!(a.get(field).is_some(), "field {field} missing in {a}");
    }
    let paragraphs = strings(&a["paragraphs"]);
    assert!(!paragraphs.is_empty(), "an article has paragraphs");
    assert_eq!(a["text"].as_str(), Some(paragraphs.join("\n\n").as_str()));
    assert!(paragraphs.iter().all(|p| !p.trim().is_empty()));
    assert_eq!(a["published"].is_null(), a["published_from"].is_null());
    for link in a["links"].as_array().into_iter().flatten() {
        let href = link["href"].as_str().unwrap_or_default();
        assert!(!href.is_empty(), "empty href in {link}");
    }
    let all = a.to_string();
    assert!(!all.contains('\u{fffd}'), "replacement character in output");
}

/// A JSON array of strings as a `Vec<String>`.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect()
}

/// The string field `key`, or "" when null.
pub fn s<'a>(a: &'a Value, key: &str) -> &'a str {
    a[key].as_str().unwrap_or_default()
}

/// Asserts that no paragraph, nor the title or teaser, contains any of `needles`.
pub fn assert_absent(a: &Value, needles: &[&str]) {
    let mut fields = strings(&a["paragraphs"]);
    fields.push(s(a, "title").to_owned());
    fields.push(s(a, "teaser").to_owned());
    for n in needles {
        assert!(
            !fields.iter().any(|f| f.contains(n)),
            "boilerplate {n:?} kept in {:#?}",
            fields
        );
    }
}

/// Asserts the article's body starts with `first` and ends with `last`, and that the
/// standfirst (`teaser`) is not repeated as the first paragraph.
pub fn assert_body(a: &Value, first: &str, last: &str) {
    let p = strings(&a["paragraphs"]);
    assert!(
        p.first().is_some_and(|x| x.starts_with(first)),
        "first paragraph should start {first:?}: {p:#?}"
    );
    assert!(
        p.last().is_some_and(|x| x.starts_with(last)),
        "last paragraph should start {last:?}: {p:#?}"
    );
    if let Some(t) = a["teaser"].as_str() {
        assert!(
            !p.iter().any(|x| x == t),
            "the teaser is repeated in the body: {t:?}"
        );
    }
}

/// Parses JSON Lines.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// The characters `[start, end)` (code points) of `text`.
pub fn span(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The analysis contract every annotated article keeps: all fields present, every span
/// in bounds and equal to the text it names, sentences ordered and disjoint, ids valid.
pub fn check_analysis(a: &Value) {
    for field in [
        "language_confidence",
        "sentences",
        "entities",
        "quotes",
        "quantities",
        "claims",
    ] {
        assert!(a.get(field).is_some(), "field {field} missing");
    }
    let text = s(a, "text");
    let len = text.chars().count();
    let off = |v: &Value| -> (usize, usize) {
        let (st, en) = (v["start"].as_u64(), v["end"].as_u64());
        let (st, en) = (st.expect("start") as usize, en.expect("end") as usize);
        assert!(
            st < en && en <= len,
            "span {st}..{en} out of bounds ({len}) in {v}"
        );
        (st, en)
    };
    let same_text = |v: &Value| {
        let (st, en) = off(v);
        if let Some(t) = v["text"].as_str() {
            assert_eq!(span(text, st, en), t, "span text differs in {v}");
        }
    };
    let mut last = 0;
    let sentences = a["sentences"].as_array().expect("sentences");
    for sn in sentences {
        let (st, en) = off(sn);
        assert!(st >= last, "sentences overlap or are out of order at {sn}");
        let words = span(text, st, en);
        assert_eq!(words.trim(), words, "sentence not trimmed: {words:?}");
        last = en;
    }
    let entities = a["entities"].as_array().expect("entities");
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e["id"].as_u64(), Some(i as u64));
        assert!(["person", "organisation", "place"].contains(&s(e, "kind")));
        assert!(!s(e, "name").is_empty());
        for m in e["mentions"].as_array().expect("mentions") {
            same_text(m);
        }
    }
    let speaker_ok = |sp: &Value| {
        if sp.is_null() {
            return;
        }
        assert!(!s(sp, "name").is_empty(), "speaker without a name: {sp}");
        if let Some(id) = sp["entity"].as_u64() {
            assert!((id as usize) < entities.len(), "bad entity id in {sp}");
        }
        if !sp["mention"].is_null() {
            same_text(&sp["mention"]);
        }
    };
    for q in a["quotes"].as_array().expect("quotes") {
        same_text(q);
        assert!(["direct", "indirect", "mixed"].contains(&s(q, "kind")));
        speaker_ok(&q["speaker"]);
        if !q["cue"].is_null() {
            same_text(&q["cue"]);
        }
    }
    for q in a["quantities"].as_array().expect("quantities") {
        same_text(q);
    }
    for c in a["claims"].as_array().expect("claims") {
        same_text(c);
        speaker_ok(&c["claimant"]);
        let i = c["sentence"].as_u64().expect("sentence index") as usize;
        let sn = sentences.get(i).expect("claim's sentence exists");
        let (st, en) = off(c);
        let (ss, se) = off(sn);
        assert!(ss <= st && en <= se, "claim {c} outside its sentence {sn}");
    }
}

/// `storyline analyse ARGS…` on one input: asserts success and returns the annotated article.
pub fn analyse(args: &[&str]) -> Value {
    let mut all = vec!["analyse"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(
        out.status.success(),
        "analyse {args:?} failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).expect("one JSON object on stdout");
    check_analysis(&a);
    a
}

/// `storyline stats --json --db DB`: asserts success and returns the object.
pub fn store_stats(db: &Path) -> Value {
    let d = db.display().to_string();
    let out = run(&["stats", "--json", "--db", &d]);
    assert!(
        out.status.success(),
        "stats failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stats prints one JSON object")
}

/// `storyline export --db DB ARGS…` as JSON Lines: asserts success.
pub fn store_export(db: &Path, args: &[&str]) -> Vec<Value> {
    let d = db.display().to_string();
    let mut all = vec!["export", "--db", d.as_str()];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

/// `storyline search --json --db DB QUERY ARGS…`: asserts success, returns the results.
pub fn store_search(db: &Path, query: &str, args: &[&str]) -> Value {
    let d = db.display().to_string();
    let mut all = vec!["search", "--json", "--db", d.as_str(), query];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(
        out.status.success(),
        "search {query:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search prints one JSON object")
}

/// A JSON Lines corpus of `n` short distinct articles (docs/json.md article objects), in
/// three languages, all mentioning the "reservoir".
pub fn corpus_jsonl(n: usize) -> String {
    corpus_range(0..n, 0)
}

/// The articles `range` of the corpus; a `revision` above 0 changes their texts (new
/// versions of the same articles).
pub fn corpus_range(range: std::ops::Range<usize>, revision: usize) -> String {
    let mut out = String::new();
    for i in range {
        let (lang, text) = match i % 3 {
            0 => (
                "en",
                format!(
                    "Report {i}: rescuers searched the valley below the reservoir on day {i}.\n\nOfficials said {i} homes were flooded."
                ),
            ),
            1 => (
                "fr",
                format!(
                    "Dépêche {i} : les secours ont fouillé la vallée sous le réservoir (reservoir) le jour {i}.\n\nLa préfecture a compté {i} maisons inondées."
                ),
            ),
            _ => (
                "de",
                format!(
                    "Meldung {i}: Rettungskräfte durchsuchten das Tal unter dem Speicher (reservoir) am Tag {i}.\n\nDie Behörden zählten {i} überflutete Häuser."
                ),
            ),
        };
        let text = if revision > 0 {
            format!("{text} (rev. {revision})")
        } else {
            text
        };
        let obj = serde_json::json!({
            "url": format!("https://outlet{}.example/news/{i}", i % 7),
            "title": format!("Valley report {i}"),
            "text": text,
            "language": lang,
            "outlet": format!("Outlet {}", i % 7),
            "published": format!("2024-03-{:02}", 1 + i % 28),
        });
        out.push_str(&obj.to_string());
        out.push('\n');
    }
    out
}

/// The seed whose file name starts with `prefix`, or `None` (with a message) when the
/// seeds folder is absent.
pub fn seed(prefix: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/seeds");
    if !dir.is_dir() {
        println!("skipping: ../shared/seeds not found");
        return None;
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read ../shared/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    found.sort();
    assert!(
        !found.is_empty(),
        "no seed {prefix}*.txt in {}",
        dir.display()
    );
    Some(found.remove(0))
}
