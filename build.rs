//! Bundles the demo corpus (`crates/cli/demo/pages/`) into the binary: `storyline demo`
//! works from any folder, with nothing downloaded.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("crates/cli/demo/pages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// The demo corpus: (file name, bytes), in name order.\npub const PAGES: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let abs = std::fs::canonicalize(f).expect("a corpus file");
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("demo_corpus.rs");
    std::fs::write(out, code).expect("write demo_corpus.rs");
}
