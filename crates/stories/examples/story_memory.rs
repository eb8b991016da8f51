//! Prints what an archive's story index holds in memory, part by part, and the process's
//! peak resident memory after loading it (Linux).
//!
//! ```sh
//! cargo run --release -p storyline-stories --example story_memory -- DIR
//! ```

use std::path::PathBuf;

use storyline_stories::Archive;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: story_memory STORE_DIR")?,
    );
    let archive = Archive::open(&dir)?;
    let index = archive.index();
    println!(
        "{} articles, {} stories",
        index.len(),
        index.stories().count()
    );
    let parts = index.memory();
    let total: usize = parts.iter().map(|p| p.bytes).sum();
    for p in &parts {
        println!(
            "{:<10} {:>10} entries {:>9.1} MiB {:>6.1} bytes/article",
            p.name,
            p.entries,
            p.bytes as f64 / 1048576.0,
            p.bytes as f64 / index.len().max(1) as f64
        );
    }
    println!(
        "{:<10} {:>18} {:>9.1} MiB",
        "total",
        "",
        total as f64 / 1048576.0
    );
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            println!("{line}");
        }
    }
    Ok(())
}
