//! `parse_as(Format::Pv, …)` on any text, with every check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_core::{parse_as, Format};

fuzz_target!(|data: &[u8]| {
    oewg_fuzz::on_str(data, |src| {
        let result = parse_as(Format::Pv, src);
        oewg_fuzz::check(src, &result, |s| parse_as(Format::Pv, s));
    });
});
