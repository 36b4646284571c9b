//! Static sentence embeddings the user supplies, for the `embedding_cosine` feature.
//!
//! Word overlap cannot see that "lowered its output ceiling" and "cut production" say one thing;
//! a distributional model can. corroborate ships none (no crate on the registry carries one
//! on its own, and nothing may be downloaded), but a user who has a static embedding model on
//! disk can attach it: [`Embeddings::load`] reads a directory in the
//! [Model2Vec](https://github.com/MinishLab/model2vec) layout (`model.safetensors` holding one
//! `vocabulary × dimension` matrix, `tokenizer.json` with a WordPiece vocabulary), and a claim's
//! vector is the mean of its tokens' rows, scaled to unit length, as Model2Vec computes it. The
//! pair feature is the cosine of the two vectors. The weights of a configuration only use it
//! once they are fitted with the same embeddings attached ([`super::AlignConfig::fit`] records
//! their [`Embeddings::fingerprint`]).
//!
//! The tokenizer is this module's own reading of BERT's: control characters dropped,
//! lower-casing and accents stripped (when `tokenizer.json` asks for it), a split at white space,
//! at every punctuation character and at each CJK ideograph, then WordPiece's
//! longest-prefix-first pieces, `##` marking a piece inside a word. Words it cannot piece
//! together are left out of the mean rather than averaged in as an unknown token.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::error::{Error, Result};

/// Longest word WordPiece pieces; longer ones are left out (BERT's own limit).
const MAX_WORD_CHARS: usize = 100;

/// A static embedding table and the vocabulary that indexes it.
pub struct Embeddings {
    /// Token (a word, or `##` and a word piece) -> row.
    vocab: HashMap<String, u32>,
    /// Row-major `rows × dim` matrix.
    table: Vec<f32>,
    dim: usize,
    lowercase: bool,
    fingerprint: String,
}

impl fmt::Debug for Embeddings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Embeddings")
            .field("tokens", &self.vocab.len())
            .field("dim", &self.dim)
            .field("fingerprint", &self.fingerprint)
            .finish()
    }
}

/// Two tables are the same when their fingerprints are.
impl PartialEq for Embeddings {
    fn eq(&self, other: &Embeddings) -> bool {
        self.fingerprint == other.fingerprint
    }
}

impl Embeddings {
    /// Builds a table from its parts: `tokens[i]` names row `i` of the row-major `table` (so
    /// `table.len() == tokens.len() * dim`); pieces inside a word start with `##`.
    ///
    /// # Errors
    /// [`Error::Config`] when the sizes disagree, `dim` is 0, a value is not finite, or a token
    /// is repeated.
    pub fn from_parts(
        tokens: Vec<String>,
        dim: usize,
        table: Vec<f32>,
        lowercase: bool,
    ) -> Result<Embeddings> {
        if dim == 0 {
            return Err(Error::Config("embeddings: dimension 0".into()));
        }
        if table.len() != tokens.len() * dim {
            return Err(Error::Config(format!(
                "embeddings: {} values for {} tokens of dimension {dim}",
                table.len(),
                tokens.len()
            )));
        }
        if let Some(at) = table.iter().position(|v| !v.is_finite()) {
            return Err(Error::Config(format!("embeddings: value {at} is not finite")));
        }
        let mut vocab = HashMap::with_capacity(tokens.len());
        for (row, token) in tokens.into_iter().enumerate() {
            if vocab.insert(token.clone(), row as u32).is_some() {
                return Err(Error::Config(format!("embeddings: token {token:?} appears twice")));
            }
        }
        Ok(Embeddings::assemble(vocab, table, dim, lowercase))
    }

    fn assemble(
        vocab: HashMap<String, u32>,
        table: Vec<f32>,
        dim: usize,
        lowercase: bool,
    ) -> Embeddings {
        // FNV-1a over the tokens in row order and the values' bits: a saved configuration
        // names the table its weights were fitted with, whatever the table's file is called.
        let mut rows: Vec<(&str, u32)> = vocab.iter().map(|(t, &r)| (t.as_str(), r)).collect();
        rows.sort_unstable_by_key(|&(_, r)| r);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        for (token, row) in rows {
            eat(token.as_bytes());
            eat(&row.to_le_bytes());
        }
        for v in &table {
            eat(&v.to_bits().to_le_bytes());
        }
        eat(&[u8::from(lowercase)]);
        let fingerprint = format!("{}x{}-{h:016x}", vocab.len(), dim);
        Embeddings { vocab, table, dim, lowercase, fingerprint }
    }

    /// Reads a Model2Vec directory: `dir/model.safetensors` (one matrix of F32, F16 or BF16
    /// values: the tensor named `embeddings`, or the only one) and `dir/tokenizer.json` (its
    /// `model.vocab` token -> row map; `normalizer.lowercase`, default true).
    ///
    /// # Errors
    /// [`Error::Io`] naming a file that cannot be read; [`Error::Malformed`] naming the file
    /// and what is wrong with it.
    pub fn load(dir: impl AsRef<Path>) -> Result<Embeddings> {
        let dir = dir.as_ref();
        let model_path = dir.join("model.safetensors");
        let tokenizer_path = dir.join("tokenizer.json");
        let bytes = std::fs::read(&model_path).map_err(|e| Error::io(&model_path, e))?;
        let json =
            std::fs::read_to_string(&tokenizer_path).map_err(|e| Error::io(&tokenizer_path, e))?;
        let model_name = model_path.display().to_string();
        let (rows, dim, table) = read_safetensors(&bytes)
            .map_err(|message| Error::malformed(model_name.as_str(), 0, message))?;
        let tokenizer_name = tokenizer_path.display().to_string();
        let (vocab, lowercase) = read_tokenizer(&json)
            .map_err(|(line, message)| Error::malformed(tokenizer_name.as_str(), line, message))?;
        if let Some((token, &row)) = vocab.iter().find(|&(_, &row)| row as usize >= rows) {
            return Err(Error::malformed(
                tokenizer_name.as_str(),
                0,
                format!("token {token:?} has id {row}, but {model_name} has {rows} rows"),
            ));
        }
        if let Some(at) = table.iter().position(|v| !v.is_finite()) {
            return Err(Error::malformed(model_name, 0, format!("value {at} is not finite")));
        }
        Ok(Embeddings::assemble(vocab, table, dim, lowercase))
    }

    /// The vectors' dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Names this table: its size and a hash of its tokens and values.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The rows of `text`'s tokens, in order (words that WordPiece cannot piece are left out).
    pub fn token_rows(&self, text: &str) -> Vec<u32> {
        let mut rows = Vec::new();
        let mut word = String::new();
        let flush = |word: &mut String, rows: &mut Vec<u32>| {
            if !word.is_empty() {
                self.pieces(word, rows);
                word.clear();
            }
        };
        // BERT's normaliser: control characters dropped, accents stripped when lower-casing, CJK
        // ideographs and punctuation one token each. Accents are stripped by the crate's one
        // folding (`text::fold`): BERT's decomposition and dropped marks, plus compatibility forms
        // and the letters that do not decompose (ß → ss, ø → o), so "Strauß" and "Strauss" read
        // as the same tokens here as they do in entity resolution.
        let normalised: String =
            if self.lowercase { crate::text::fold(text) } else { text.to_string() };
        for c in normalised.chars() {
            if c.is_whitespace() {
                flush(&mut word, &mut rows);
            } else if c.is_control() || c == '\u{fffd}' {
                continue;
            } else if is_punctuation(c) || is_cjk(c) {
                flush(&mut word, &mut rows);
                word.push(c);
                flush(&mut word, &mut rows);
            } else if self.lowercase {
                word.extend(c.to_lowercase());
            } else {
                word.push(c);
            }
        }
        flush(&mut word, &mut rows);
        rows
    }

    /// WordPiece: the longest known prefix, then the longest known `##` piece of the rest, and
    /// so on; nothing when some part is unknown.
    fn pieces(&self, word: &str, rows: &mut Vec<u32>) {
        if word.chars().count() > MAX_WORD_CHARS {
            return;
        }
        let start_len = rows.len();
        let mut key = String::with_capacity(word.len() + 2);
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(&word[start..end]);
                if let Some(&row) = self.vocab.get(&key) {
                    found = Some(row);
                    break;
                }
                end = word[..end].char_indices().next_back().map_or(start, |(i, _)| i);
            }
            match found {
                Some(row) => rows.push(row),
                None => {
                    rows.truncate(start_len);
                    return;
                }
            }
            start = end;
        }
    }

    /// `text`'s vector: the mean of its tokens' rows at unit length (all zeros when it has no
    /// known token).
    pub fn embed(&self, text: &str) -> Box<[f32]> {
        let mut v = vec![0.0f32; self.dim];
        for row in self.token_rows(text) {
            let at = row as usize * self.dim;
            for (x, &r) in v.iter_mut().zip(&self.table[at..at + self.dim]) {
                *x += r;
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        v.into_boxed_slice()
    }
}

/// The cosine of two [`Embeddings::embed`] vectors held as `f32` bits, as a prepared claim
/// keeps them (0 when either is empty or all zeros).
pub(crate) fn cosine(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter()
        .zip(b)
        .map(|(&x, &y)| f64::from(f32::from_bits(x)) * f64::from(f32::from_bits(y)))
        .sum()
}

/// BERT's punctuation: every ASCII symbol, and the characters of Unicode's punctuation classes
/// that news text uses (Latin-1's, the General Punctuation block's, CJK's).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿')
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}')
        || matches!(c, '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}')
}

/// The CJK ideographs BERT splits one by one.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// `(rows, dim, values)` of the matrix in a safetensors file.
fn read_safetensors(bytes: &[u8]) -> std::result::Result<(usize, usize, Vec<f32>), String> {
    let head: [u8; 8] = bytes
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .ok_or("shorter than a safetensors header (8 bytes)")?;
    let n = u64::from_le_bytes(head);
    let end = usize::try_from(n).ok().and_then(|n| n.checked_add(8)).filter(|&e| e <= bytes.len());
    let end = end.ok_or_else(|| format!("header length {n} runs past the end of the file"))?;
    let header: serde_json::Value =
        serde_json::from_slice(&bytes[8..end]).map_err(|e| format!("header is not JSON: {e}"))?;
    let tensors = header.as_object().ok_or("header is not a JSON object")?;
    let named: Vec<&serde_json::Value> =
        tensors.iter().filter(|(k, _)| k.as_str() != "__metadata__").map(|(_, v)| v).collect();
    let tensor = match tensors.get("embeddings") {
        Some(t) => t,
        None if named.len() == 1 => named[0],
        None => return Err(format!("{} tensors and none named \"embeddings\"", named.len())),
    };
    let dtype = tensor["dtype"].as_str().ok_or("tensor has no dtype")?;
    let shape: Vec<usize> = tensor["shape"]
        .as_array()
        .ok_or("tensor has no shape")?
        .iter()
        .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
        .collect::<Option<_>>()
        .ok_or("tensor shape is not a list of sizes")?;
    let [rows, dim] = shape[..] else {
        return Err(format!("tensor has shape {shape:?}, not rows × dimension"));
    };
    let offsets = tensor["data_offsets"].as_array().ok_or("tensor has no data_offsets")?;
    let offset =
        |i: usize| offsets.get(i).and_then(|o| o.as_u64()).and_then(|o| usize::try_from(o).ok());
    let (begin, finish) =
        offset(0).zip(offset(1)).ok_or("tensor data_offsets are not two sizes")?;
    let width = match dtype {
        "F32" => 4,
        "F16" | "BF16" => 2,
        other => return Err(format!("tensor dtype {other} (F32, F16 or BF16 expected)")),
    };
    let data = end
        .checked_add(begin)
        .zip(end.checked_add(finish))
        .and_then(|(b, f)| bytes.get(b..f))
        .ok_or("tensor data runs past the end of the file")?;
    if dim == 0 || rows.checked_mul(dim).and_then(|n| n.checked_mul(width)) != Some(data.len()) {
        return Err(format!("tensor of shape {shape:?} {dtype} holds {} bytes", data.len()));
    }
    let table = match dtype {
        "F32" => {
            data.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
        }
        "F16" => {
            data.chunks_exact(2).map(|c| f16_to_f32(u16::from_le_bytes([c[0], c[1]]))).collect()
        }
        _ => data
            .chunks_exact(2)
            .map(|c| f32::from_bits(u32::from(u16::from_le_bytes([c[0], c[1]])) << 16))
            .collect(),
    };
    Ok((rows, dim, table))
}

/// IEEE half precision to single.
fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exp = u32::from((h >> 10) & 0x1f);
    let frac = u32::from(h & 0x3ff);
    let bits = match (exp, frac) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: value = frac × 2^-24.
            let v = frac as f32 * (-24f32).exp2();
            return if sign != 0 { -v } else { v };
        }
        (0x1f, _) => sign | 0x7f80_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

/// The token -> row map and the lower-casing flag of a `tokenizer.json`; errors carry the line.
fn read_tokenizer(
    json: &str,
) -> std::result::Result<(HashMap<String, u32>, bool), (usize, String)> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| (e.line(), e.to_string()))?;
    let model = &value["model"];
    if let Some(kind) = model["type"].as_str()
        && kind != "WordPiece"
    {
        return Err((0, format!("tokenizer model {kind} (WordPiece expected)")));
    }
    let vocab = model["vocab"].as_object().ok_or((0, "no model.vocab object".to_string()))?;
    let mut map = HashMap::with_capacity(vocab.len());
    for (token, id) in vocab {
        let id = id
            .as_u64()
            .and_then(|i| u32::try_from(i).ok())
            .ok_or_else(|| (0, format!("token {token:?} has no integer id")))?;
        map.insert(token.clone(), id);
    }
    let lowercase = value["normalizer"]["lowercase"].as_bool().unwrap_or(true);
    Ok((map, lowercase))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A table of whole words, each with its own vector.
    pub(crate) fn table(words: &[(&str, &[f32])]) -> Embeddings {
        let dim = words[0].1.len();
        let tokens = words.iter().map(|(w, _)| (*w).to_string()).collect();
        let values = words.iter().flat_map(|(_, v)| v.iter().copied()).collect();
        Embeddings::from_parts(tokens, dim, values, true).unwrap()
    }

    fn pieces() -> Embeddings {
        let tokens =
            ["the", "un", "##believ", "##able", "cease", "##fire", ",", ".", "—", "£", "##5"];
        let tokens: Vec<String> = tokens.iter().map(|t| (*t).to_string()).collect();
        let n = tokens.len();
        Embeddings::from_parts(tokens, 1, (0..n).map(|i| i as f32 + 1.0).collect(), true).unwrap()
    }

    #[test]
    fn wordpiece_takes_the_longest_known_pieces() {
        let e = pieces();
        // "un" + "##believ" + "##able"; "cease" + "##fire"; the comma and stop split off.
        assert_eq!(e.token_rows("The unbelievable, ceasefire."), vec![0, 1, 2, 3, 6, 4, 5, 7]);
        // A word that cannot be pieced to its end is left out whole, not in part.
        assert_eq!(e.token_rows("the unbelievably ceasefire"), vec![0, 4, 5]);
        assert_eq!(e.token_rows("zzz"), Vec::<u32>::new());
    }

    #[test]
    fn punctuation_splits_but_currency_signs_stay_in_the_word() {
        let e = pieces();
        assert_eq!(e.token_rows("ceasefire—the"), vec![4, 5, 8, 0]);
        // £ is a symbol, not punctuation, in BERT's reading: "£5" is one word, two pieces.
        assert_eq!(e.token_rows("£5"), vec![9, 10]);
    }

    #[test]
    fn accents_and_control_characters_are_normalised_away() {
        let e = table(&[("chretien", &[1.0, 0.0]), ("treasurys", &[0.0, 1.0])]);
        assert_eq!(e.token_rows("Chrétien"), vec![0]);
        assert_eq!(e.token_rows("Treasury\u{92}s"), vec![1]);
        let cased = Embeddings::from_parts(vec!["Chrétien".into()], 1, vec![1.0], false).unwrap();
        assert_eq!(cased.token_rows("Chrétien"), vec![0]);
        assert_eq!(cased.token_rows("chrétien"), Vec::<u32>::new());
    }

    #[test]
    fn a_sentence_vector_is_the_unit_mean_of_its_rows() {
        let e = table(&[("a", &[3.0, 0.0]), ("b", &[0.0, 1.0])]);
        let v = e.embed("a b zzz");
        let expected = [1.5 / 1.5811388, 0.5 / 1.5811388];
        assert!((v[0] - expected[0]).abs() < 1e-6 && (v[1] - expected[1]).abs() < 1e-6, "{v:?}");
        assert_eq!(&*e.embed("zzz"), &[0.0, 0.0]);
        let bits = |text: &str| e.embed(text).iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
        assert!((cosine(&bits("a"), &bits("A a")) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&bits("a"), &bits("b")), 0.0);
        assert_eq!(cosine(&bits("a"), &[]), 0.0);
    }

    #[test]
    fn bad_parts_are_errors() {
        let one = |v: Vec<f32>, dim| Embeddings::from_parts(vec!["a".into()], dim, v, true);
        assert!(one(vec![1.0, 2.0], 1).unwrap_err().to_string().contains("2 values"));
        assert!(one(vec![], 0).unwrap_err().to_string().contains("dimension 0"));
        assert!(one(vec![f32::NAN], 1).unwrap_err().to_string().contains("not finite"));
        let twice = Embeddings::from_parts(vec!["a".into(), "a".into()], 1, vec![1.0, 2.0], true);
        assert!(twice.unwrap_err().to_string().contains("twice"));
    }

    /// A safetensors file holding one `rows × dim` tensor of `dtype`, its values as `bytes`.
    fn safetensors(name: &str, dtype: &str, rows: usize, dim: usize, bytes: &[u8]) -> Vec<u8> {
        let header = format!(
            r#"{{"__metadata__":{{"format":"pt"}},"{name}":{{"dtype":"{dtype}","shape":[{rows},{dim}],"data_offsets":[0,{}]}}}}"#,
            bytes.len()
        );
        let mut out = (header.len() as u64).to_le_bytes().to_vec();
        out.extend(header.as_bytes());
        out.extend(bytes);
        out
    }

    const TOKENIZER: &str = r###"{
  "normalizer": {"type": "BertNormalizer", "lowercase": true},
  "model": {"type": "WordPiece", "vocab": {"talks": 0, "resumed": 1, "##d": 2}}
}"###;

    fn dir(name: &str, model: &[u8], tokenizer: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("corroborate-embed-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("model.safetensors"), model).unwrap();
        std::fs::write(dir.join("tokenizer.json"), tokenizer).unwrap();
        dir
    }

    #[test]
    fn a_model2vec_directory_loads_in_each_float_width() {
        let values = [0.5f32, -1.25, 2.0, 0.0, 1.0, -0.5];
        let f32s: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        // The same values in half precision and in bfloat16 (all exactly representable).
        let f16s: Vec<u8> = [0x3800u16, 0xbd00, 0x4000, 0x0000, 0x3c00, 0xb800]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let bf16s: Vec<u8> =
            values.iter().flat_map(|v| ((v.to_bits() >> 16) as u16).to_le_bytes()).collect();
        let expected = Embeddings::from_parts(
            vec!["talks".into(), "resumed".into(), "##d".into()],
            2,
            values.to_vec(),
            true,
        )
        .unwrap();
        for (dtype, bytes, name) in
            [("F32", &f32s, "embeddings"), ("F16", &f16s, "embeddings"), ("BF16", &bf16s, "weight")]
        {
            let path = dir(dtype, &safetensors(name, dtype, 3, 2, bytes), TOKENIZER);
            let e = Embeddings::load(&path).unwrap();
            assert_eq!(e, expected, "{dtype}");
            assert_eq!(e.dim(), 2);
            assert_eq!(e.token_rows("Talks resumed"), vec![0, 1]);
            std::fs::remove_dir_all(path).unwrap();
        }
    }

    #[test]
    fn broken_files_are_errors_naming_the_file() {
        let good: Vec<u8> = (0..6).flat_map(|i| (i as f32).to_le_bytes()).collect();
        let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
            ("short", vec![1, 2, 3], TOKENIZER, "model.safetensors: line 0: shorter than"),
            ("past", 1000u64.to_le_bytes().to_vec(), TOKENIZER, "runs past the end"),
            ("dtype", safetensors("embeddings", "I8", 3, 2, &good), TOKENIZER, "dtype I8"),
            ("size", safetensors("embeddings", "F32", 4, 2, &good), TOKENIZER, "holds 24 bytes"),
            (
                "rank",
                safetensors("embeddings", "F32", 6, 1, &good),
                r#"{"model": {"vocab": {"a": 0, "b": 12}}}"#,
                "has id 12",
            ),
            (
                "json",
                safetensors("embeddings", "F32", 3, 2, &good),
                "{\n\"model\": ",
                "tokenizer.json: line 2",
            ),
            (
                "bpe",
                safetensors("embeddings", "F32", 3, 2, &good),
                r#"{"model": {"type": "BPE", "vocab": {}}}"#,
                "BPE",
            ),
        ];
        for (name, model, tokenizer, wanted) in cases {
            let path = dir(name, &model, tokenizer);
            let err = Embeddings::load(&path).unwrap_err().to_string();
            assert!(err.contains(wanted), "{name}: {err}");
            std::fs::remove_dir_all(path).unwrap();
        }
        let missing = std::env::temp_dir().join("corroborate-embed-no-such-dir");
        let err = Embeddings::load(&missing).unwrap_err().to_string();
        assert!(err.contains("corroborate-embed-no-such-dir/model.safetensors"), "{err}");
    }

    #[test]
    fn the_fingerprint_follows_tokens_values_and_case() {
        let base = table(&[("a", &[1.0]), ("b", &[2.0])]);
        assert_eq!(base.fingerprint(), table(&[("a", &[1.0]), ("b", &[2.0])]).fingerprint());
        assert!(base.fingerprint().starts_with("2x1-"));
        assert_ne!(base, table(&[("a", &[1.0]), ("b", &[2.5])]));
        assert_ne!(base, table(&[("a", &[1.0]), ("c", &[2.0])]));
        let cased = Embeddings::from_parts(vec!["a".into(), "b".into()], 1, vec![1.0, 2.0], false);
        assert_ne!(base, cased.unwrap());
    }
}
