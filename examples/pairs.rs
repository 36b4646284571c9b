//! Scores sentence pairs: one claim per sentence, two sources per line.
//!
//! ```text
//! cargo run --release --example pairs -- [--config FILE] [--embeddings DIR] FILE
//! ```
//!
//! Input: UTF-8 lines `id<TAB>sentence_a<TAB>sentence_b`, no header, no quoting. Output, one line
//! per input line in input order: `id<TAB>score<TAB>decision`, the score in [0, 1] with six
//! decimals, the decision `1` when the score reaches the default configuration's threshold.
//! Each line is scored on its own: term rarity comes from the configuration, never from the file.
//! A line without exactly three fields is an error naming the file and line; nothing is printed
//! then and the exit status is non-zero. The pairs/second figure goes to stderr.
//!
//! `--config FILE` scores with a configuration saved by `AlignConfig::save` instead of the
//! default; `--embeddings DIR` attaches the static embeddings (a Model2Vec directory) that
//! configuration was fitted with (`AlignConfig::with_embeddings`).

#[path = "support/cli.rs"]
mod cli;
#[path = "support/pair_lines.rs"]
mod pair_lines;
#[path = "support/sentence.rs"]
mod sentence;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use corroborate::align::{AlignConfig, Embeddings, PairScorer};
use corroborate::{Error, Result};
use rayon::prelude::*;

/// What the command line asks for.
struct Args {
    path: String,
    config: Option<String>,
    embeddings: Option<String>,
}

const HELP: &str = "\
Score sentence pairs: is each pair a paraphrase?

Usage: pairs [OPTIONS] FILE

FILE holds UTF-8 lines id<TAB>sentence_a<TAB>sentence_b (no header, no quoting). Prints one line
per input line, in order: id<TAB>score<TAB>decision (score in [0, 1], decision 1 at or above the
configuration's threshold). A line without three fields is an error naming its line.

Options:
  --config FILE     score with a configuration saved by AlignConfig::save
  --embeddings DIR  attach the static embeddings (a Model2Vec folder) the configuration was fitted with
  -h, --help        print this help
";

fn parse_args(parser: &mut cli::Parser) -> std::result::Result<Option<Args>, cli::Error> {
    use cli::*;
    let (mut path, mut config, mut embeddings) = (None, None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("config") => config = Some(parser.value()?.string()?),
            Long("embeddings") => embeddings = Some(parser.value()?.string()?),
            Short('h') | Long("help") => return Ok(None),
            Value(file) if path.is_none() => path = Some(file.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let path = path.ok_or("no input file")?;
    Ok(Some(Args { path, config, embeddings }))
}

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pairs: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<()> {
    let path = args.path.as_str();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let lines = pair_lines::parse(path, &text)?;
    let mut config = match &args.config {
        Some(file) => AlignConfig::load(file)?,
        None => AlignConfig::default(),
    };
    if let Some(dir) = &args.embeddings {
        config = config.with_embeddings(Arc::new(Embeddings::load(dir)?))?;
    }
    config.validate()?;
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
