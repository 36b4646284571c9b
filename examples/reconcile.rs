//! The main job: reconcile news articles and print what is corroborated and where sources differ.
//!
//! ```text
//! cargo run --release --example reconcile -- [--format text|markdown|json|dot|html] [--date YYYY-MM-DD] [[--outlet NAME] FILE ...]
//! ```
//! With no files it runs on two demo articles embedded in the repo. With files, each file is one
//! source whose id is its file stem; `.json` and `.jsonl` files hold claims extracted elsewhere
//! (see `corroborate::import`). `--date` sets the publication date of every text source, against
//! which "Monday" and "last week" resolve; `--outlet NAME` names the outlet of the files after it.
//! Output goes to stdout; messages to stderr.

use std::process::ExitCode;

use corroborate::import::claims_from_file;
use corroborate::model::SourceMeta;
use corroborate::time::Date;
use corroborate::{Config, Reconciler, Source, render};

const DEMO: [(&str, &str); 2] = [
    ("harbor_courier", include_str!("demo/harbor_courier.txt")),
    ("kestria_wire", include_str!("demo/kestria_wire.txt")),
];

#[derive(Clone, Copy)]
enum Format {
    Text,
    Markdown,
    Json,
    Dot,
    Html,
}

struct Args {
    format: Format,
    date: Option<Date>,
    /// Each file with the outlet named by the last `--outlet` before it.
    files: Vec<(String, Option<String>)>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { format: Format::Text, date: None, files: Vec::new() };
    let mut outlet: Option<String> = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => {
                let value = it.next().ok_or("--format needs a value")?;
                args.format = match value.as_str() {
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    "dot" => Format::Dot,
                    "html" => Format::Html,
                    other => {
                        return Err(format!(
                            "unknown format {other:?} (text, markdown, json, dot, html)"
                        ));
                    }
                };
            }
            "--date" => {
                let value = it.next().ok_or("--date needs a value")?;
                args.date = Some(value.parse().map_err(|e| format!("--date: {e}"))?);
            }
            "--outlet" => outlet = Some(it.next().ok_or("--outlet needs a name")?),
            "-h" | "--help" => {
                return Err("usage: reconcile [--format text|markdown|json|dot|html] [--date YYYY-MM-DD] [[--outlet NAME] FILE ...]".into());
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.files.push((arg, outlet.clone())),
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut reconciler = Reconciler::new(Config::default());
    if args.files.is_empty() {
        eprintln!("no files given: reconciling the two embedded demo articles");
        for (id, text) in DEMO {
            let mut source = Source::new(id, text).map_err(|e| e.to_string())?;
            if let Some(date) = args.date {
                source = source.with_date(date);
            }
            reconciler.add_source(&source).map_err(|e| e.to_string())?;
        }
    }
    for (file, outlet) in &args.files {
        let is_claims = file.ends_with(".json") || file.ends_with(".jsonl");
        if is_claims {
            let (id, claims) = claims_from_file(file).map_err(|e| e.to_string())?;
            let meta = SourceMeta { outlet: outlet.clone(), ..SourceMeta::default() };
            reconciler.add_claims(id, meta, claims).map_err(|e| e.to_string())?;
        } else {
            let mut source = Source::from_file(file).map_err(|e| e.to_string())?;
            if let Some(date) = args.date {
                source = source.with_date(date);
            }
            if let Some(outlet) = outlet {
                source = source.with_outlet(outlet.as_str());
            }
            reconciler.add_source(&source).map_err(|e| e.to_string())?;
        }
    }
    let report = reconciler.reconcile();
    let out = match args.format {
        Format::Text => render::to_text(&report),
        Format::Markdown => render::to_markdown(&report),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&render::to_json(&report))
                .map_err(|e| format!("writing JSON: {e}"))?;
            s.push('\n');
            s
        }
        Format::Dot => render::to_dot(&report),
        Format::Html => render::to_html(&report),
    };
    print!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
