//! `parse_bytes` on arbitrary bytes: invalid UTF-8 is an error at the
//! first bad byte; anything else goes through `parse` with every check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_core::{parse, parse_bytes, ParseError};

fuzz_target!(|data: &[u8]| {
    let result = parse_bytes(data);
    match std::str::from_utf8(data) {
        Ok(src) => oewg_fuzz::check(src, &result, parse),
        Err(e) => match result {
            Err(ParseError::InvalidUtf8 { at }) => assert_eq!(at.offset, e.valid_up_to()),
            other => panic!("invalid UTF-8 gave {other:?}"),
        },
    }
});
