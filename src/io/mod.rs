//! Reading and writing sources and claims: plain text and HTML articles, claims JSON and JSON
//! Lines, and a source's text with its metadata.

pub mod articles;
pub mod import;
pub mod jsonl;
