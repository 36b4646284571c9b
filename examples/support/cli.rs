//! Command-line values shared by the examples that take numeric options.

/// The value after the option `flag`, read as a non-negative integer.
pub fn integer(it: &mut impl Iterator<Item = String>, flag: &str) -> Result<u64, String> {
    let v = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
    v.parse().map_err(|_| format!("{flag}: {v:?} is not a non-negative integer"))
}
