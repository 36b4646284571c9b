//! Book author lists by truth discovery over many sellers' listings.
//!
//! `cargo run --release --example truth -- --input FILE [--algorithm NAME]`
//!
//! Input: `source<TAB>isbn<TAB>title<TAB>authors` lines (CRLF or LF). Output, one line per book
//! with at least one valid author claim: `isbn13<TAB>authors<TAB>confidence`. NAME is one of
//! `voting`, `sums`, `average_log`, `investment`, `pooled_investment`, `truthfinder`; without it,
//! the recommended configuration ([`corroborate::truth::recommended`]). Progress goes to stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use corroborate::truth::{Algorithm, books, recommended};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut input: Option<PathBuf> = None;
    let mut algorithm = recommended();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--input" => input = Some(args.next().ok_or("--input needs a file")?.into()),
            "--algorithm" => {
                let name = args.next().ok_or("--algorithm needs a name")?;
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
            "-h" | "--help" => {
                eprintln!("usage: truth --input FILE [--algorithm NAME]");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let input = input.ok_or("usage: truth --input FILE [--algorithm NAME]")?;
    let start = Instant::now();
    let listings = books::read_listings(&input).map_err(|e| e.to_string())?;
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
