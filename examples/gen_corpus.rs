//! `gen_corpus`: writes a synthetic benchmark corpus in every layout.
//!
//! ```text
//! cargo run --release --example gen_corpus -- DIR MB [SEED]          # files of ~160 KB
//! cargo run --release --example gen_corpus -- --single DIR MB [SEED] # one MB-sized file per layout
//! ```
//!
//! Speaker labels, words and paragraph lengths are drawn from the seed
//! records in `../shared/seeds`; the same SEED (default 1) always writes
//! the same files.

#[path = "../oewg-core/benches/corpus/mod.rs"]
mod corpus;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let single = args.first().is_some_and(|a| a == "--single");
    if single {
        args.remove(0);
    }
    let (dir, mb, seed) = match args.as_slice() {
        [dir, mb] => (dir, mb.parse::<usize>(), Ok(1)),
        [dir, mb, seed] => (dir, mb.parse::<usize>(), seed.parse::<u64>()),
        _ => {
            eprintln!("usage: gen_corpus [--single] DIR MB [SEED]");
            return ExitCode::from(2);
        }
    };
    let (Ok(mb), Ok(seed)) = (mb, seed) else {
        eprintln!("gen_corpus: MB and SEED are whole numbers");
        return ExitCode::from(2);
    };
    let written = if single {
        corpus::write_single(dir.as_ref(), mb << 20, seed)
    } else {
        corpus::write_corpus(dir.as_ref(), mb << 20, seed)
    };
    match written {
        Ok(paths) => {
            let bytes: u64 = paths
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            println!("wrote {} files, {bytes} bytes, to {dir}", paths.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {dir}: {e}");
            ExitCode::from(1)
        }
    }
}
