//! Cost is linear in the input: parsing 16 copies of a record allocates at
//! most about 16 times what one copy does, at its peak and in output size.
//! Measured by allocation counts, never by the clock. One test in this
//! binary, so no other test thread disturbs the allocator's counters.

use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

struct Cost {
    input: usize,
    peak: usize,
    statements: usize,
    json: usize,
}

fn cost(src: &str) -> Cost {
    GLOBAL.reset_peak_memory();
    let session = oewg_core::parse(src).expect("parses");
    let peak = GLOBAL.get_peak_memory();
    let statements = session.statements.len();
    drop(session);
    let json = oewg_core::parse(src).unwrap().to_json().len();
    Cost {
        input: src.len(),
        peak,
        statements,
        json,
    }
}

#[test]
fn cost_is_linear_from_1x_to_16x() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let verbatim = std::fs::read_to_string(dir.join("000_7135191b872dcc1d.txt")).unwrap();
    // The footer would swallow every later copy: repeat the part before it.
    let body = &verbatim[..verbatim.find("Leave a Reply").unwrap()];
    let turns: String = oewg_core::parse(&verbatim)
        .unwrap()
        .statements
        .iter()
        .map(|s| format!("{}: {}\n", s.speaker.label, s.text.replace("\n\n", "\n")))
        .collect();
    for (name, one) in [("verbatim", body.to_string()), ("turns", turns)] {
        let a = cost(&one);
        let b = cost(&one.repeat(16));
        let per_byte = |c: &Cost| c.peak as f64 / c.input as f64;
        println!(
            "{name}: 1x {} B input, peak {} B ({:.2}x input), {} statements, JSON {} B; \
             16x {} B input, peak {} B ({:.2}x input), {} statements, JSON {} B",
            a.input,
            a.peak,
            per_byte(&a),
            a.statements,
            a.json,
            b.input,
            b.peak,
            per_byte(&b),
            b.statements,
            b.json
        );
        // Output grows with the input: 16 copies give 16 times the
        // statements (a repeated header becomes one more statement per copy).
        assert!(b.statements >= 16 * a.statements && b.statements <= 16 * a.statements + 16);
        let json_ratio = b.json as f64 / a.json as f64;
        assert!(
            (15.5..=16.5).contains(&json_ratio),
            "{name}: JSON ratio {json_ratio}"
        );
        // Peak memory per input byte stays flat (within 25%), not growing
        // with the input as a quadratic pass would.
        let growth = per_byte(&b) / per_byte(&a);
        assert!(
            growth <= 1.25,
            "{name}: peak per byte grew {growth:.2}x from 1x to 16x"
        );
        // The bound SPEC.md sets for peak memory, 3x the input, on seed-like text.
        assert!(
            per_byte(&b) <= 3.0,
            "{name}: peak is {:.2}x the input",
            per_byte(&b)
        );
    }
}
