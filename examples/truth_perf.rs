//! Timings of truth discovery on about a million synthetic claims.
//!
//! `cargo run --release --example truth_perf -- [--runs N]`
//!
//! Generates 10,000 sources × 2,000 variables × 4 candidate values (claim probability 0.05, the
//! shape of the `truthdiscovery` figures in docs/performance.md; not timed), writes it as TSV to a
//! temporary file, then times loading the file into a dataset and each algorithm in its
//! conformance configuration (same iteration counts as `truthdiscovery`), printing the median
//! and the minimum of N runs (default 7). Each run checks that the algorithm recovers most of the
//! true values. The figures go to stdout as a Markdown table.

#[path = "support/cli.rs"]
mod cli;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use corroborate::truth::{Algorithm, Dataset, ValueKind, load, synthetic};

const HELP: &str = "\
Timings of truth discovery on about a million synthetic claims.

Usage: truth_perf [--runs N]

Generates 10,000 sources x 2,000 variables x 4 values (not timed), then times loading it and
each algorithm; prints a Markdown table of the median and minimum of N runs to stdout.

Options:
  --runs N    runs per algorithm (default 7)
  -h, --help  print this help
";

fn parse_args(parser: &mut cli::Parser) -> Result<Option<usize>, cli::Error> {
    use cli::*;
    let mut runs = 7usize;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("runs") => {
                runs = cli::value(parser, "--runs")?;
                if runs == 0 {
                    return Err("--runs needs a positive number".into());
                }
            }
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(runs))
}

fn main() -> ExitCode {
    let runs = cli::parse_or_exit(HELP, parse_args);
    match run(runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// CPU time of this process so far, summed over its threads (Linux `/proc/self/task/*/schedstat`,
/// whose first field is nanoseconds on CPU); `None` elsewhere. On a shared machine wall-clock
/// time includes waiting for a core, so both are printed.
fn cpu_time() -> Option<Duration> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// Runs `f` `runs` times; the median wall-clock and CPU times.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Option<Duration>, T) {
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let cpu0 = cpu_time();
        let start = Instant::now();
        last = Some(f());
        walls.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu0, cpu_time()) {
            cpus.push(b.saturating_sub(a));
        }
    }
    let cpu = (cpus.len() == runs).then(|| median(cpus));
    (median(walls), cpu, last.expect("runs > 0"))
}

fn secs(d: Option<Duration>) -> String {
    d.map_or_else(|| "n/a".to_string(), |d| format!("{:.4} s", d.as_secs_f64()))
}

fn accuracy(data: &Dataset, alg: &Algorithm) -> f64 {
    let out = alg.run(data);
    let right = (0..data.n_variables())
        .filter(|&v| out.winner(data, v).is_some_and(|c| data.value(c).as_number() == Some(0.0)))
        .count();
    right as f64 / data.n_variables() as f64
}

fn run(runs: usize) -> Result<(), String> {
    let shape = synthetic::Shape::million();
    let (text, _) = synthetic::tsv(shape);
    let path =
        std::env::temp_dir().join(format!("corroborate-truth-perf-{}.tsv", std::process::id()));
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    drop(text);
    eprintln!("wrote {}", path.display());

    let load_runs = std::env::var("TRUTH_PERF_LOAD_ONLY").map_or(runs, |_| 3 * runs);
    let (wall, cpu, data) = time(load_runs, || load::read_file(&path, ValueKind::Number));
    std::fs::remove_file(&path).ok();
    let data = data.map_err(|e| e.to_string())?;
    println!(
        "{} sources, {} variables, {} distinct claims, {} statements; {} threads; median of {runs} runs",
        data.n_sources(),
        data.n_variables(),
        data.n_claims(),
        data.n_statements(),
        rayon::current_num_threads()
    );
    println!();
    println!("| step | wall-clock (median) | CPU time, all threads (median) | accuracy |");
    println!("|---|---|---|---|");
    println!("| load TSV | {:.3} s | {} | |", wall.as_secs_f64(), secs(cpu));
    if std::env::var("TRUTH_PERF_LOAD_ONLY").is_ok() {
        return Ok(());
    }
    for alg in Algorithm::all() {
        let acc = accuracy(&data, &alg);
        // Better than a random pick among the candidates, or something is broken. (TruthFinder's
        // conformance implication treats the labels 0..3 as numbers that support their
        // neighbours, which these categorical values are not, so it scores lowest here.)
        let random = 1.0 / shape.values as f64;
        if acc <= random {
            return Err(format!("{} recovered only {acc:.3} of the true values", alg.name()));
        }
        let (wall, cpu, out) = time(runs, || alg.run(&data));
        assert_eq!(out.belief.len(), data.n_claims());
        println!(
            "| {} ({} iterations) | {:.4} s | {} | {acc:.3} |",
            alg.name(),
            out.iterations,
            wall.as_secs_f64(),
            secs(cpu)
        );
    }
    Ok(())
}
