//! Progress on stderr for the examples' long runs: bars and spinners from `indicatif`.
//!
//! They draw only when stderr is a terminal, so a redirected or piped run (and the tests) sees
//! nothing of them; stdout is never touched.
#![allow(dead_code)]

use std::sync::Mutex;
use std::time::Duration;

use corroborate::reconcile::Stage;
use indicatif::{ProgressBar, ProgressStyle};

/// A bar over `total` steps, labelled `what`.
pub fn bar(total: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} ({elapsed}, eta {eta})")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// A spinner for a step of unknown length, labelled `what`; `finish_and_clear` it when done.
pub fn spinner(what: &str) -> ProgressBar {
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("a valid template"),
    );
    spinner.set_message(what.to_string());
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}

/// A callback for `Config::set_progress` that shows each stage of a run on a bar of its own,
/// cleared when the stage is done.
pub fn stages() -> impl Fn(Stage, usize, usize) + Send + Sync + 'static {
    let current: Mutex<Option<(Stage, ProgressBar)>> = Mutex::new(None);
    move |stage, done, total| {
        let mut current = current.lock().unwrap_or_else(|e| e.into_inner());
        if current.as_ref().is_none_or(|(s, _)| *s != stage) {
            if let Some((_, old)) = current.take() {
                old.finish_and_clear();
            }
            // One-step stages (resolution, alignment) have nothing to count: a spinner.
            let new = if total <= 1 {
                spinner(stage.as_str())
            } else {
                bar(total as u64, stage.as_str())
            };
            *current = Some((stage, new));
        }
        if let Some((_, bar)) = current.as_ref().filter(|_| total > 1) {
            // Extraction reports from several threads; the bar keeps the largest count.
            if done as u64 > bar.position() {
                bar.set_position(done as u64);
            }
        }
        if done >= total
            && let Some((_, bar)) = current.take()
        {
            bar.finish_and_clear();
        }
    }
}
