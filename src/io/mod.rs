//! Reading and writing sources and claims: plain text and HTML articles, claims JSON and JSON
//! Lines, and a source's text with its metadata.

pub mod articles;
#[cfg(feature = "html")]
mod html;
pub mod import;
pub mod jsonl;
