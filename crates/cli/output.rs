//! Output helpers shared by commands: progress bars and the failure summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar on stderr, drawn only when stderr is a terminal.
pub fn progress(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&format!(
        "{{bar:30}} {{pos}}/{{len}} {what} {{per_sec}} eta {{eta}} {{msg}}"
    )) {
        bar.set_style(style);
    }
    bar
}

/// Failures collected over a batch, printed at the end.
#[derive(Debug, Default)]
pub struct Failures {
    items: Vec<(String, String)>,
}

impl Failures {
    /// Records a failure and prints it at once as `storyline: INPUT: REASON`.
    pub fn push(&mut self, bar: &ProgressBar, input: String, reason: String) {
        bar.suspend(|| eprintln!("storyline: {input}: {reason}"));
        self.items.push((input, reason));
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Prints the end-of-batch summary (only when more than one input was processed).
    pub fn summarise(&self, total: usize) {
        if total > 1 && !self.items.is_empty() {
            eprintln!(
                "storyline: {} of {} inputs failed:",
                self.items.len(),
                total
            );
            for (input, reason) in &self.items {
                eprintln!("  {input}: {reason}");
            }
        }
    }
}
