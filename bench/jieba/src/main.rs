//! `segment DIR...`: read every .txt/.md/.html/.htm file under the folders
//! (as zonegraph does), decode it as UTF-8 (lossy), segment it with jieba
//! (HMM on, as its default `cut` does) and print the number of words, bytes
//! and seconds spent segmenting.

use jieba_rs::Jieba;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ["txt", "md", "html", "htm"].contains(&x))
        {
            out.push(p);
        }
    }
}

fn main() {
    let started = Instant::now();
    let jieba = Jieba::new();
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    files.sort();
    let (mut words, mut bytes) = (0usize, 0usize);
    let seg = Instant::now();
    for f in &files {
        let raw = std::fs::read(f).unwrap_or_default();
        bytes += raw.len();
        let text = String::from_utf8_lossy(&raw);
        words += jieba.cut(&text, true).len();
    }
    println!(
        "{} files, {bytes} bytes, {words} words, segmenting {:.3} s, total {:.3} s",
        files.len(),
        seg.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
