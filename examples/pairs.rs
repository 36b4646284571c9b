//! Scores sentence pairs: one claim per sentence, two sources per line.
//!
//! ```text
//! cargo run --release --example pairs -- FILE
//! ```
//!
//! Input: UTF-8 lines `id<TAB>sentence_a<TAB>sentence_b`, no header, no quoting. Output, one line
//! per input line in input order: `id<TAB>score<TAB>decision`, the score in [0, 1] with six
//! decimals, the decision `1` when the score reaches the default configuration's threshold.
//! Each line is scored on its own: term rarity comes from the configuration, never from the file.
//! A line without exactly three fields is an error naming the file and line; nothing is printed
//! then and the exit status is non-zero. The pairs/second figure goes to stderr.

#[path = "support/sentence.rs"]
mod sentence;

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use corroborate::align::{AlignConfig, PairScorer};
use corroborate::{Error, Result};
use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: pairs FILE");
        return ExitCode::from(2);
    };
    match run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pairs: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, a, b] = fields.as_slice() else {
            return Err(Error::malformed(
                path,
                i + 1,
                format!(
                    "{} tab-separated fields, expected 3 (id, sentence a, sentence b)",
                    fields.len()
                ),
            ));
        };
        lines.push((*id, *a, *b));
    }
    let config = AlignConfig::default();
    let started = Instant::now();
    let scorer = PairScorer::new(&config);
    let scores: Vec<f64> = lines
        .par_iter()
        .map(|(_, a, b)| scorer.scorer(&sentence::pair_claims(a, b)).score_value(0, 1))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for ((id, _, _), score) in lines.iter().zip(&scores) {
        let decision = u8::from(*score >= config.threshold);
        writeln!(out, "{id}\t{score:.6}\t{decision}").map_err(|e| Error::io("stdout", e))?;
    }
    out.flush().map_err(|e| Error::io("stdout", e))?;
    eprintln!(
        "pairs: {} pairs in {seconds:.3} s ({:.0} pairs/s, {} threads)",
        lines.len(),
        lines.len() as f64 / seconds.max(1e-9),
        rayon::current_num_threads()
    );
    Ok(())
}
