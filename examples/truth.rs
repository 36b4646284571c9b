//! Book author lists by truth discovery over many sellers' listings.
//!
//! `cargo run --release --example truth -- --input FILE [--algorithm NAME]`
//!
//! Input: `source<TAB>isbn<TAB>title<TAB>authors` lines (CRLF or LF). Output, one line per book
//! with at least one valid author claim: `isbn13<TAB>authors<TAB>confidence`. NAME is one of
//! `voting`, `sums`, `average_log`, `investment`, `pooled_investment`, `truthfinder`; without it,
//! the recommended configuration ([`corroborate::truth::recommended`]). Progress goes to stderr.

#[path = "support/cli.rs"]
mod cli;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use corroborate::truth::{Algorithm, books, recommended};

const HELP: &str = "\
Book author lists by truth discovery over many sellers' listings.

Usage: truth --input FILE [--algorithm NAME]

FILE holds source<TAB>isbn<TAB>title<TAB>authors lines (CRLF or LF). Prints one line per book
with at least one valid author claim: isbn13<TAB>authors<TAB>confidence.

Options:
  --input FILE      the listings
  --algorithm NAME  voting, sums, average_log, investment, pooled_investment or truthfinder
                    (default: the recommended TruthFinder configuration)
  -h, --help        print this help
";

fn parse_args(parser: &mut cli::Parser) -> Result<Option<(PathBuf, Algorithm)>, cli::Error> {
    use cli::*;
    let mut input: Option<PathBuf> = None;
    let mut algorithm = recommended();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("input") => input = Some(parser.value()?.into()),
            Long("algorithm") => {
                let name = parser.value()?.string()?;
                algorithm = Algorithm::from_name(&name).ok_or_else(|| {
                    format!(
                        "unknown algorithm {name:?} (expected voting, sums, average_log, \
                         investment, pooled_investment or truthfinder)"
                    )
                })?;
                // The recommended TruthFinder settings apply when it is asked for by name.
                if matches!(algorithm, Algorithm::TruthFinder(_)) {
                    algorithm = recommended();
                }
            }
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    let input = input.ok_or("--input FILE is required")?;
    Ok(Some((input, algorithm)))
}

fn main() -> ExitCode {
    let (input, algorithm) = cli::parse_or_exit(HELP, parse_args);
    match run(&input, algorithm) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &std::path::Path, algorithm: Algorithm) -> Result<(), String> {
    let start = Instant::now();
    let listings = books::read_listings(input).map_err(|e| e.to_string())?;
    for (line, why) in &listings.skipped {
        eprintln!("warning: {}: line {line}: skipped: {why}", input.display());
    }
    eprintln!(
        "read {} listings: {} books, {} sources, {} distinct author claims in {:.2?}",
        listings.listings,
        listings.data.n_variables(),
        listings.data.n_sources(),
        listings.data.n_claims(),
        start.elapsed()
    );
    let start = Instant::now();
    let outcome = algorithm.run(&listings.data);
    eprintln!("{}: {} iterations in {:.2?}", algorithm.name(), outcome.iterations, start.elapsed());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (isbn, authors, confidence) in books::answers(&listings, &outcome, &algorithm) {
        writeln!(out, "{isbn}\t{authors}\t{confidence:.6}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
