//! Scores every truth-discovery algorithm on the book listings against a reference.
//!
//! `cargo run --release --example truth_eval -- --data DIR [--sweep] [--errors]`
//!
//! DIR is the data folder (the one holding `truth/book/book.txt` and
//! `truth/book/book_silver.txt`); CORROBORATE_DATA is used when `--data` is not given. Prints a
//! table of exact-match accuracy (the whole author list right, after the same name
//! normalisation on both sides) for "first listing wins", every algorithm in its conformance
//! configuration, and the recommended configuration, on the whole reference and on its two
//! halves (ISBN-13 ending in an even or an odd digit). With `--sweep`, also scores a grid of
//! TruthFinder settings, choosing on one half of the reference books and scoring on the other
//! (and the reverse), to show how far the choice of the default is fitted to this reference.
//! With `--errors`, also lists every reference book the recommended configuration gets wrong,
//! with all of the book's claims, their beliefs and source counts, and whether any claim has
//! the reference's set of names at all.

#[path = "support/cli.rs"]
mod cli;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use corroborate::truth::books::Listings;
use corroborate::truth::{Algorithm, Dataset, NameList, books, recommended};

const HELP: &str = "\
Score every truth-discovery algorithm on the book listings against a reference.

Usage: truth_eval [--data DIR] [--sweep] [--errors]

Options:
  --data DIR  the data folder holding truth/book/book.txt and book_silver.txt
              (default: $CORROBORATE_DATA)
  --sweep     also score a grid of TruthFinder settings, chosen on one half, scored on the other
  --errors    also list every reference book the recommended configuration gets wrong
  -h, --help  print this help
";

struct Args {
    dir: PathBuf,
    sweep: bool,
    errors: bool,
}

fn parse_args(parser: &mut cli::Parser) -> Result<Option<Args>, cli::Error> {
    use cli::*;
    let mut dir: Option<PathBuf> = std::env::var_os("CORROBORATE_DATA").map(PathBuf::from);
    let (mut sweep, mut errors) = (false, false);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => dir = Some(parser.value()?.into()),
            Long("sweep") => sweep = true,
            Long("errors") => errors = true,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    let dir = dir.ok_or("no data folder: pass --data DIR or set CORROBORATE_DATA")?;
    Ok(Some(Args { dir, sweep, errors }))
}

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Scores answers (claim per variable) against the reference: (ordered exact, set exact, n).
fn score(
    listings: &Listings,
    reference: &HashMap<String, NameList>,
    pick: &[Option<usize>],
    keep: impl Fn(&str) -> bool,
) -> (f64, f64, usize) {
    let data = &listings.data;
    let (mut exact, mut set, mut n) = (0, 0, 0);
    for (v, picked) in pick.iter().enumerate() {
        let isbn = data.variable(v).0;
        let Some(truth) = reference.get(isbn) else { continue };
        if !keep(isbn) {
            continue;
        }
        n += 1;
        if let Some(c) = *picked {
            let got = data.value(c).as_names().expect("book claims are name lists");
            exact += usize::from(listings.display[c] == truth.to_string());
            set += usize::from(got == truth);
        }
    }
    let n_f = n.max(1) as f64;
    (exact as f64 / n_f, set as f64 / n_f, n)
}

fn winners(data: &Dataset, alg: &Algorithm) -> Vec<Option<usize>> {
    let out = alg.run(data);
    (0..data.n_variables()).map(|v| out.winner(data, v)).collect()
}

fn run(args: Args) -> Result<(), String> {
    let Args { dir, sweep, errors } = args;
    let book = dir.join("truth/book");
    let listings = books::read_listings(&book.join("book.txt")).map_err(|e| e.to_string())?;
    let reference =
        books::read_reference(&book.join("book_silver.txt")).map_err(|e| e.to_string())?;
    let data = &listings.data;
    eprintln!(
        "{} books, {} sources, {} claims; {} reference books",
        data.n_variables(),
        data.n_sources(),
        data.n_claims(),
        reference.len()
    );
    println!("| method | exact match | even ISBNs | odd ISBNs | same set of names | books |");
    println!("|---|---|---|---|---|---|");
    let row = |label: &str, pick: &[Option<usize>]| {
        let (e, s, n) = score(&listings, &reference, pick, |_| true);
        let even = score(&listings, &reference, pick, is_even).0;
        let odd = score(&listings, &reference, pick, |i| !is_even(i)).0;
        println!("| {label} | {e:.3} | {even:.3} | {odd:.3} | {s:.3} | {n} |");
    };
    let first: Vec<Option<usize>> = listings.first_claim.iter().map(|&c| Some(c)).collect();
    row("first listing wins", &first);
    for alg in Algorithm::all() {
        row(&format!("{} (conformance)", alg.name()), &winners(data, &alg));
    }
    let rec = recommended();
    row(&format!("{} (recommended)", rec.name()), &winners(data, &rec));
    if errors {
        print_errors(&listings, &reference, &rec);
    }
    if sweep {
        sweep_truthfinder(&listings, &reference);
    }
    Ok(())
}

/// Whether an ISBN-13 ends in an even digit: the two halves of the reference on which every
/// change of the recommended configuration is checked, so that a gain on one half only shows.
fn is_even(isbn: &str) -> bool {
    isbn.as_bytes().last().is_some_and(|d| (d - b'0').is_multiple_of(2))
}

/// A grid over TruthFinder's settings (the others as in the recommended configuration), with two-fold selection: pick the best setting on the
/// books whose ISBN-13 ends in an even digit, score it on the odd ones, and the reverse.
fn sweep_truthfinder(listings: &Listings, reference: &HashMap<String, NameList>) {
    let data = &listings.data;
    let even = is_even;
    let odd = |isbn: &str| !even(isbn);
    let Algorithm::TruthFinder(base_config) = recommended() else {
        unreachable!("the recommended configuration is TruthFinder")
    };
    let mut rows = Vec::new();
    for rho in [0.3, 0.5, 0.8, 1.0] {
        for gamma in [0.1, 0.3, 0.5] {
            for base in [0.0, 0.3, 0.5, 0.7] {
                let mut tf = base_config.clone();
                (tf.rho, tf.gamma, tf.base_similarity) = (rho, gamma, base);
                let alg = Algorithm::TruthFinder(tf);
                let pick = winners(data, &alg);
                let a = score(listings, reference, &pick, even).0;
                let b = score(listings, reference, &pick, odd).0;
                let all = score(listings, reference, &pick, |_| true).0;
                eprintln!(
                    "rho={rho} gamma={gamma} base={base}: even {a:.3} odd {b:.3} all {all:.3}"
                );
                rows.push(((rho, gamma, base), a, b, all));
            }
        }
    }
    let best_on = |f: fn(&(_, f64, f64, f64)) -> f64| {
        *rows.iter().max_by(|x, y| f(x).total_cmp(&f(y))).expect("grid is not empty")
    };
    let by_even = best_on(|r| r.1);
    let by_odd = best_on(|r| r.2);
    let by_all = best_on(|r| r.3);
    println!();
    println!("TruthFinder grid (rho, gamma, base similarity), two-fold selection:");
    println!("chosen on even ISBNs {:?}: scores {:.3} on odd", by_even.0, by_even.2);
    println!("chosen on odd ISBNs {:?}: scores {:.3} on even", by_odd.0, by_odd.1);
    println!("best on all {:?}: {:.3}", by_all.0, by_all.3);
}

/// Prints, for each reference book the algorithm gets wrong, the reference, whether any claim
/// has the reference's set of names, and every claim with its belief and number of sources.
fn print_errors(listings: &Listings, reference: &HashMap<String, NameList>, alg: &Algorithm) {
    let data = &listings.data;
    let out = alg.run(data);
    let (mut wrong, mut unreachable) = (0, 0);
    for v in 0..data.n_variables() {
        let isbn = data.variable(v).0;
        let Some(truth) = reference.get(isbn) else { continue };
        let Some(w) = out.winner(data, v) else { continue };
        if listings.display[w] == truth.to_string() {
            continue;
        }
        wrong += 1;
        let reachable = data.variable_claims(v).any(|c| data.value(c).as_names() == Some(truth));
        unreachable += usize::from(!reachable);
        println!();
        println!("{isbn} reference: {truth}{}", if reachable { "" } else { "  [UNREACHABLE]" });
        for c in data.variable_claims(v) {
            let mark = if c == w { "*" } else { " " };
            println!(
                "  {mark} {:.4} x{} {}",
                out.belief[c],
                data.sources_of(c).len(),
                listings.display[c]
            );
        }
    }
    println!();
    println!("{wrong} wrong, {unreachable} with no claim equal to the reference");
}
