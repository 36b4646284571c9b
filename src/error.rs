//! The one error type of the crate.
//!
//! Disagreement between sources is never an error: it is data in the report. `Error` is for I/O,
//! malformed input and bad configuration, and every variant names the source (a file path or a
//! source id) and, where there is one, the position.

use std::fmt;
use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input something went wrong: a byte offset, and the 1-based line and column it falls on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Byte offset into the input.
    pub offset: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in bytes.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `bytes`: its line and column are counted here.
    pub fn locate(bytes: &[u8], offset: usize) -> Position {
        let offset = offset.min(bytes.len());
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        Position { offset, line, column: offset - line_start + 1 }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {} (byte {})", self.line, self.column, self.offset)
    }
}

/// Everything that can go wrong in corroborate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A source holds no text (or only white space).
    #[error("source {source_id}: empty source (no text to read)")]
    EmptySource {
        /// The source.
        source_id: String,
    },
    /// A source's bytes are not valid UTF-8.
    #[error("source {source_id}: invalid UTF-8 at {position}")]
    InvalidUtf8 {
        /// The source.
        source_id: String,
        /// Where the first invalid byte is.
        position: Position,
    },
    /// Structured input (claims JSON, a TSV data file, a configuration) could not be parsed.
    #[error("{input}: line {line}: {message}")]
    Malformed {
        /// The file path or source id.
        input: String,
        /// The 1-based line (0 when the input has no lines to speak of).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A configuration value is out of range or inconsistent.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The same source id was added twice.
    #[error("source {0}: a source with this id was already added")]
    DuplicateSource(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A parse error in `input` at `line`.
    pub fn malformed(input: impl Into<String>, line: usize, message: impl Into<String>) -> Error {
        Error::Malformed { input: input.into(), line, message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_columns() {
        let text = b"ab\ncd\nef";
        assert_eq!(Position::locate(text, 0), Position { offset: 0, line: 1, column: 1 });
        assert_eq!(Position::locate(text, 4), Position { offset: 4, line: 2, column: 2 });
        assert_eq!(Position::locate(text, 99).line, 3);
    }

    #[test]
    fn display_names_source_and_position() {
        let err =
            Error::InvalidUtf8 { source_id: "a".into(), position: Position::locate(b"x\ny", 2) };
        assert_eq!(err.to_string(), "source a: invalid UTF-8 at line 2, column 1 (byte 2)");
    }
}
