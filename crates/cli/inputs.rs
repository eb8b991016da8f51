//! Command-line inputs: files, folders (walked recursively, in name order) and `-` (stdin),
//! read with a size bound so that a huge file costs no more memory than the limit.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One input named on the command line, or found in a folder named there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name printed in errors and in the `input` field: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Reads at most `limit + 1` bytes, so that an oversized input is detected without
    /// being read whole.
    pub fn read(&self, limit: usize) -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        let cap = limit as u64 + 1;
        match self {
            Input::Stdin => std::io::stdin().lock().take(cap).read_to_end(&mut buf)?,
            Input::File(p) => std::fs::File::open(p)?.take(cap).read_to_end(&mut buf)?,
        };
        Ok(buf)
    }
}

/// Expands the command line's paths into inputs: folders become the files under them
/// (recursively, sorted by path, hidden entries skipped). A path that does not exist is
/// returned as an error naming it, in order.
pub fn expand(paths: &[String]) -> Vec<Result<Input, (String, String)>> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut out),
            Ok(_) => out.push(Ok(Input::File(path.to_path_buf()))),
            Err(e) => out.push(Err((p.clone(), e.to_string()))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, (String, String)>>) {
    // An explicit stack: deep trees cannot overflow ours.
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                out.push(Err((d.display().to_string(), e.to_string())));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() || t.is_symlink() => files.push(path),
                _ => {}
            }
        }
    }
    files.sort();
    out.extend(files.into_iter().map(|f| Ok(Input::File(f))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_order_and_missing_paths_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
        std::fs::write(dir.path().join("b/c/z.html"), "x").unwrap();
        std::fs::write(dir.path().join("a.html"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let root = dir.path().display().to_string();
        let got = expand(&[root.clone(), format!("{root}/missing")]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], Ok(Input::File(dir.path().join("a.html"))));
        assert_eq!(got[1], Ok(Input::File(dir.path().join("b/c/z.html"))));
        assert!(got[2].is_err());
    }
}
