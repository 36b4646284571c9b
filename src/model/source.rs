//! Sources: one article each, read from bytes or a file and checked before anything else runs.
//!
//! Useful for: turning bytes into a [`Source`] with a clear error for empty text, invalid UTF-8 or a
//! missing file. Not useful for: parsing the text (that is [`crate::extract`]).

use std::path::Path;

use crate::error::{Error, Position, Result};
use crate::model::Date;
use crate::model::{SourceId, SourceMeta};

/// One article: its id, what is known about it, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    id: SourceId,
    meta: SourceMeta,
    text: String,
}

impl Source {
    /// A source from text already in memory.
    ///
    /// # Errors
    /// [`Error::EmptySource`] when the text is empty or only white space.
    pub fn new(id: impl Into<SourceId>, text: impl Into<String>) -> Result<Source> {
        let id = id.into();
        let text = text.into();
        if text.trim().is_empty() {
            return Err(Error::EmptySource { source_id: id.to_string() });
        }
        Ok(Source { id, meta: SourceMeta::default(), text })
    }

    /// A source from raw bytes, which must be UTF-8 (a leading byte-order mark is kept as text).
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] naming the line and column of the first bad byte, or
    /// [`Error::EmptySource`].
    pub fn from_bytes(id: impl Into<SourceId>, bytes: Vec<u8>) -> Result<Source> {
        let id = id.into();
        match String::from_utf8(bytes) {
            Ok(text) => Source::new(id, text),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let position = Position::locate(err.as_bytes(), offset);
                Err(Error::InvalidUtf8 { source_id: id.to_string(), position })
            }
        }
    }

    /// A source read from a file; its id is the file stem (`reports/a.txt` gives `a`).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, and those of [`Source::from_bytes`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Source> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Source::from_bytes(file_stem(path), bytes)
    }

    /// Sets the publication date, against which "Monday" and "last week" resolve.
    pub fn with_date(mut self, date: Date) -> Source {
        self.meta.date = Some(date);
        self
    }

    /// Sets the outlet that published the article.
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Source {
        self.meta.outlet = Some(outlet.into());
        self
    }

    /// Sets the article's title.
    pub fn with_title(mut self, title: impl Into<String>) -> Source {
        self.meta.title = Some(title.into());
        self
    }

    /// Sets the address the article was published at.
    pub fn with_url(mut self, url: impl Into<String>) -> Source {
        self.meta.url = Some(url.into());
        self
    }

    /// The source's id.
    pub fn id(&self) -> &SourceId {
        &self.id
    }

    /// What is known about the source.
    pub fn meta(&self) -> &SourceMeta {
        &self.meta
    }

    /// The full text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The id a file gets as a source: its stem, or the whole name when it has none.
pub fn file_stem(path: &Path) -> SourceId {
    let stem = path
        .file_stem()
        .or_else(|| path.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    SourceId::new(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_sources_are_errors() {
        assert!(matches!(Source::new("a", ""), Err(Error::EmptySource { .. })));
        assert!(matches!(Source::new("a", " \n\t "), Err(Error::EmptySource { .. })));
    }

    #[test]
    fn invalid_utf8_names_source_and_line() {
        let err = Source::from_bytes("b", b"ok line\nbad \xff byte".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "source b: invalid UTF-8 at line 2, column 5 (byte 12)");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = Source::from_file("/no/such/dir/x.txt").unwrap_err();
        assert!(err.to_string().starts_with("/no/such/dir/x.txt: "), "{err}");
    }

    #[test]
    fn file_stem_is_the_id() {
        assert_eq!(file_stem(Path::new("dir/001_abc.txt")).as_str(), "001_abc");
    }
}
