//! Command-line parsing shared by the examples: `lexopt`, `-h`/`--help`, errors with the help.
#![allow(dead_code)]

pub use lexopt::prelude::*;
pub use lexopt::{Error, Parser};

/// Parses the process's arguments with `parse`, which returns `Ok(None)` when help was asked
/// for: then `help` goes to stdout and the process exits with status 0. On an error the error and
/// `help` go to stderr and the process exits with status 2.
pub fn parse_or_exit<T>(
    help: &str,
    parse: impl FnOnce(&mut Parser) -> Result<Option<T>, Error>,
) -> T {
    let mut parser = Parser::from_env();
    match parse(&mut parser) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{help}");
            std::process::exit(0)
        }
        Err(err) => {
            eprintln!("error: {err}\n\n{help}");
            std::process::exit(2)
        }
    }
}

/// The next value, parsed, with the option named in the error.
pub fn value<T>(parser: &mut Parser, flag: &str) -> Result<T, Error>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let raw = parser.value()?;
    let text = raw.string()?;
    text.parse().map_err(|e| Error::from(format!("{flag} {text:?}: {e}")))
}
