//! The pair interface's input: UTF-8 lines `id<TAB>sentence_a<TAB>sentence_b`, no header, no
//! quoting. Shared by `examples/pairs.rs` and the `pairs` fuzz target (`fuzz/`).

use corroborate::{Error, Result};

/// The `(id, sentence a, sentence b)` of every line of `text` (a trailing `\r` is dropped); `name`
/// names the input in errors.
///
/// # Errors
/// [`Error::Malformed`] naming `name` and the line of the first line without exactly three
/// tab-separated fields.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<Vec<(&'a str, &'a str, &'a str)>> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, a, b] = fields.as_slice() else {
            return Err(Error::malformed(
                name,
                i + 1,
                format!(
                    "{} tab-separated fields, expected 3 (id, sentence a, sentence b)",
                    fields.len()
                ),
            ));
        };
        lines.push((*id, *a, *b));
    }
    Ok(lines)
}
