//! A stable-toolchain fuzzing driver: mutated hostile inputs and fixture
//! articles (bit flips, inserted bytes and article pieces, repeated and
//! spliced chunks, cuts) through the invariants of `tests/support/invariants.rs`,
//! the same as the cargo-fuzz targets in `fuzz/` and the property tests.
//!
//! In the test suite it runs for 10 seconds; for a long run:
//! `ZONEGRAPH_FUZZ_SECS=600 cargo test --release --test fuzz_smoke -- --nocapture`
//! (`ZONEGRAPH_FUZZ_SEED` changes the inputs). A failing input is written to
//! the temporary folder and its path printed.

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

use std::path::Path;
use std::time::{Duration, Instant};

/// Pieces inserted by the mutator.
const TOKENS: &[&str] = &[
    "高新区",
    "高新技术产业开发区",
    "科技有限公司",
    "股份有限公司",
    "研究院",
    "产业链",
    "为龙头",
    "主导产业",
    "亿元",
    "万元",
    "%",
    "家",
    "2023年",
    "6月",
    "更名为",
    "位于",
    "上市",
    "科创板",
    "。",
    "、",
    ",",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "(chuàng)",
    "創",
    "\n",
    "\r\n",
    " | ",
    "<p>",
    "</div>",
    "<script>",
    "&#x767D;",
    "\u{200d}",
    "\u{202e}",
    "\u{feff}",
    "１２３",
    "9999999999999999999999999999999999",
    "\u{fffd}",
];

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/hostile/inputs", "tests/fixtures/articles", "examples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(b) = std::fs::read(&p) {
                out.push(b);
            }
        }
    }
    assert!(out.len() > 40, "seed inputs missing");
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut b = seeds[rng.below(seeds.len())].clone();
    if b.len() > 4096 {
        let start = rng.below(b.len() - 4096);
        b = b[start..start + 4096].to_vec();
    }
    for _ in 0..1 + rng.below(6) {
        let n = b.len();
        match rng.below(7) {
            0 if n > 0 => {
                let i = rng.below(n);
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(n + 1);
                b.insert(i, rng.next() as u8);
            }
            2 => {
                let i = rng.below(n + 1);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(i..i, t.iter().copied());
            }
            3 if n > 1 => {
                let s = rng.below(n);
                let e = (s + 1 + rng.below(64)).min(n);
                let chunk = b[s..e].to_vec();
                let at = rng.below(n + 1);
                for _ in 0..1 + rng.below(8) {
                    b.splice(at..at, chunk.iter().copied());
                }
            }
            4 if n > 1 => {
                b.truncate(rng.below(n));
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let s = rng.below(other.len().max(1));
                let e = (s + rng.below(512)).min(other.len());
                let at = rng.below(n + 1);
                b.splice(at..at, other[s..e].iter().copied());
            }
            _ if n > 1 => {
                let s = rng.below(n);
                let e = (s + 1 + rng.below(16)).min(n);
                b.drain(s..e);
            }
            _ => {}
        }
    }
    b
}

#[test]
fn mutated_inputs_keep_the_invariants() {
    let secs: u64 = std::env::var("ZONEGRAPH_FUZZ_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("ZONEGRAPH_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(11);
    let seeds = seeds();
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut runs, mut utf8) = (0u64, 0u64);
    // Quiet panics: a failure is reported once, with its input saved.
    std::panic::set_hook(Box::new(|_| {}));
    while started.elapsed() < Duration::from_secs(secs) {
        let bytes = mutate(&mut rng, &seeds);
        let html = rng.below(4) == 0;
        let result = std::panic::catch_unwind(|| {
            invariants::check_bytes(if html { "m.html" } else { "m.txt" }, &bytes);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                invariants::check_text(text);
                true
            } else {
                false
            }
        });
        match result {
            Ok(is_utf8) => utf8 += u64::from(is_utf8),
            Err(e) => {
                let _ = std::panic::take_hook();
                let path = std::env::temp_dir().join(format!("zonegraph-fuzz-failure-{runs}.bin"));
                std::fs::write(&path, &bytes).unwrap();
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panic!(
                    "input {} (saved in {}) breaks an invariant: {msg}",
                    runs,
                    path.display()
                );
            }
        }
        runs += 1;
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "fuzz_smoke: {runs} mutated inputs ({utf8} of them UTF-8, also run as text) in {:.0} s, seed {seed}",
        started.elapsed().as_secs_f64()
    );
    assert!(runs > 0);
}
