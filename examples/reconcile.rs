//! The main job: reconcile news articles and print what is corroborated and where sources differ.
//!
//! ```text
//! cargo run --release --example reconcile -- [--format text|markdown|json|dot|html] [--date YYYY-MM-DD]
//!     [--strict] [[--outlet NAME] FILE ...]
//! ```
//! With no files it runs on two demo articles embedded in the repo. With files, each file is read
//! by `corroborate::io::articles::read_file`: plain text is one article whose id is the file stem;
//! `.jsonl` files of article records (`{"id", "outlet", "url", "title", "date", "text"}`) give one
//! source per record; `.html` pages are read for their main text, title and date; `.json` and
//! `.jsonl` files of claim records hold claims extracted elsewhere (`corroborate::io::import`).
//! `--date` sets the publication date, against which "Monday" and "last week" resolve, of every
//! source whose file gives none; `--outlet NAME` names the outlet of the files after it, where
//! they name none. A file or record that cannot be read is reported on stderr with its name (and
//! line), the others are reconciled, and the exit status is 1; `--strict` stops at the first.
//! The report goes to stdout; messages and progress to stderr.

#[path = "support/progress.rs"]
mod progress;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use corroborate::io::articles::read_file;
use corroborate::model::Date;
use corroborate::model::SourceMeta;
use corroborate::{Config, Reconciler, Reconciliation, Source, render};

const HELP: &str = "\
Reconcile news articles: what is corroborated, what only one source says, where sources differ.

Usage: reconcile [OPTIONS] [[--outlet NAME] FILE ...]

With no FILE, the two demo articles embedded in the repository are reconciled.
A FILE is plain text (one article, its id the file stem), JSON Lines of article records
({\"id\", \"outlet\", \"url\", \"title\", \"date\", \"text\"}), an HTML page (.html, .htm), or
JSON / JSON Lines of claims extracted elsewhere (records without article fields).

Options:
  --format FORMAT    text (default), markdown, json, dot or html
  --date YYYY-MM-DD  publication date of the sources whose file gives none
  --outlet NAME      outlet of the files after it, where they name none
  --strict           stop at the first file or record that cannot be read
  -h, --help         print this help

A file or record that cannot be read is reported on stderr and the others are reconciled;
the exit status is then 1. The report goes to stdout, everything else to stderr.
";

const DEMO: [(&str, &str); 2] = [
    ("harbor_courier", include_str!("demo/harbor_courier.txt")),
    ("kestria_wire", include_str!("demo/kestria_wire.txt")),
];

/// The report formats. A new one is a variant here, a line in [`Format::NAMES`] and an arm in
/// [`Format::render`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
    Dot,
    Html,
}

impl Format {
    /// Every name `--format` accepts, in the order help lists them.
    const NAMES: &[(&str, Format)] = &[
        ("text", Format::Text),
        ("markdown", Format::Markdown),
        ("md", Format::Markdown),
        ("json", Format::Json),
        ("dot", Format::Dot),
        ("html", Format::Html),
    ];

    fn parse(name: &str) -> Result<Format, String> {
        Format::NAMES.iter().find(|(n, _)| *n == name).map(|&(_, f)| f).ok_or_else(|| {
            let names: Vec<&str> = Format::NAMES.iter().map(|(n, _)| *n).collect();
            format!("unknown format {name:?} (one of {})", names.join(", "))
        })
    }

    /// Writes the report in this format to `out`.
    fn write(self, report: &Reconciliation, out: &mut impl Write) -> Result<(), String> {
        // A reader that stops early (`| head`) is no error of ours.
        let failed = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(format!("writing the report: {e}")),
        };
        let text = match self {
            Format::Text => render::to_text(report),
            Format::Markdown => render::to_markdown(report),
            Format::Json => {
                // Written piece by piece, straight to the output: a tree or a string of a large
                // report would take several times the memory of the report itself.
                if let Err(e) = render::write_json(report, &mut *out) {
                    return match e.io_error_kind() {
                        Some(std::io::ErrorKind::BrokenPipe) => Ok(()),
                        _ => Err(format!("writing JSON: {e}")),
                    };
                }
                return out.write_all(b"\n").or_else(failed);
            }
            Format::Dot => render::to_dot(report),
            Format::Html => render::to_html(report),
        };
        out.write_all(text.as_bytes()).or_else(failed)
    }
}

struct Args {
    format: Format,
    date: Option<Date>,
    strict: bool,
    /// Each file with the outlet named by the last `--outlet` before it.
    files: Vec<(PathBuf, Option<String>)>,
}

/// `Ok(None)` when help was asked for.
fn parse_args(argv: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args { format: Format::Text, date: None, strict: false, files: Vec::new() };
    let mut outlet: Option<String> = None;
    let mut parser = lexopt::Parser::from_args(argv);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => args.format = Format::parse(&parser.value()?.string()?)?,
            Long("date") => args.date = Some(parser.value()?.parse()?),
            Long("outlet") => outlet = Some(parser.value()?.string()?),
            Long("strict") => args.strict = true,
            Short('h') | Long("help") => return Ok(None),
            Value(file) => args.files.push((file.into(), outlet.clone())),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(args))
}

/// Adds what the command line says to what the file says: the file's own date and outlet win.
fn complete(mut source: Source, date: Option<Date>, outlet: Option<&str>) -> Source {
    if let (None, Some(date)) = (source.meta().date, date) {
        source = source.with_date(date);
    }
    if let (None, Some(outlet)) = (&source.meta().outlet, outlet) {
        source = source.with_outlet(outlet);
    }
    source
}

/// Reads, reconciles and prints; returns how many files or records could not be read.
fn run(args: &Args) -> Result<usize, String> {
    let mut config = Config::default();
    config.set_progress(progress::stages());
    let mut reconciler = Reconciler::new(config);
    let mut sources: Vec<Source> = Vec::new();
    let mut failed = 0;
    let mut fail = |message: String| -> Result<(), String> {
        if args.strict {
            return Err(format!("{message} (--strict: stopping)"));
        }
        eprintln!("error: {message}");
        failed += 1;
        Ok(())
    };
    if args.files.is_empty() {
        eprintln!("no files given: reconciling the two embedded demo articles");
        for (id, text) in DEMO {
            let source = Source::new(id, text).map_err(|e| e.to_string())?;
            sources.push(complete(source, args.date, None));
        }
    }
    let reading = progress::bar(args.files.len() as u64, "reading");
    for (file, outlet) in &args.files {
        let contents = read_file(file);
        reading.inc(1);
        for err in contents.errors {
            reading.suspend(|| fail(err.to_string()))?;
        }
        for source in contents.sources {
            sources.push(complete(source, args.date, outlet.as_deref()));
        }
        if let Some((id, claims)) = contents.claims {
            let mut meta = SourceMeta::default();
            meta.outlet = outlet.clone();
            if let Err(err) = reconciler.add_claims(id, meta, claims) {
                reading.suspend(|| fail(err.to_string()))?;
            }
        }
    }
    reading.finish_and_clear();
    for result in reconciler.add_sources(&sources) {
        if let Err(err) = result {
            fail(err.to_string())?;
        }
    }
    if reconciler.n_sources() == 0 {
        return Err("no source could be read: nothing to reconcile".into());
    }
    let report = reconciler.reconcile();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    args.format.write(&report, &mut out)?;
    if let Err(e) = out.flush()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(format!("writing the report: {e}"));
    }
    Ok(failed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("error: {err}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!(
                "error: {failed} file(s) or record(s) could not be read; the others were reconciled"
            );
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
