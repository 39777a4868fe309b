//! How a result crosses into JavaScript: serde writes the value as a tape
//! (a flat list of numbers, and its strings side by side), and one call
//! into JavaScript (`js/tape.js`) builds the objects from it.
//!
//! `serde-wasm-bindgen` builds the same objects with a call into
//! JavaScript for every object, field, array element and string: on a
//! parsed seed record with its analyses, some 23,000 of them, which took
//! longer than the parse and the analyses together (`bench/wasm.mjs`). The
//! tape makes the JavaScript side a plain loop, and a field name or a
//! speaker's name that repeats is one string, made once.
//!
//! The objects are those of `serde_wasm_bindgen::Serializer::json_compatible()`
//! for every type the model has, which is JSON's shape: `None` and `()` as
//! `null`, maps as plain objects with string keys, enums tagged as serde
//! tags them, integers outside JavaScript's safe range an error. Unlike
//! serde-wasm-bindgen (and types the model does not have): 128-bit
//! integers are numbers, not `BigInt`s; bytes are an array of numbers, as
//! in JSON; `serde_wasm_bindgen::preserve` is not known.

use foldhash::fast::FixedState;
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The tape's operations. `js/tape.js` has the same numbers.
pub(crate) mod op {
    pub(crate) const NULL: u32 = 0;
    pub(crate) const TRUE: u32 = 1;
    pub(crate) const FALSE: u32 = 2;
    /// An integer in `0..2^32`: the next word.
    pub(crate) const INT: u32 = 3;
    /// Any other number: the next of the tape's numbers.
    pub(crate) const NUM: u32 = 4;
    /// A string of the string table: its index is the next word.
    pub(crate) const STR: u32 = 5;
    /// A long string, handed over on its own: its index is the next word.
    pub(crate) const LONG: u32 = 6;
    /// An array: its length, then its elements.
    pub(crate) const ARR: u32 = 7;
    /// An object: its number of entries, then each key (a string: `STR`
    /// or `LONG` and its index) and value.
    pub(crate) const OBJ: u32 = 8;
}

/// Strings from this length on are handed to JavaScript at once, one call
/// each: a statement's text is most of a session's bytes, and copying it
/// into the string table would hold a second copy in WebAssembly memory.
/// Fewer than a hundred strings of a seed record are this long.
pub(crate) const LONG: usize = 256;

/// Strings up to this length are looked up before being added: field
/// names, speakers, roles and terms repeat thousands of times.
const INTERNED: usize = 48;

/// The most bytes a tape may take. Its vectors double as they grow, and
/// on wasm32 one past 2 GB is a capacity overflow (a panic), while memory
/// itself ends at 4 GB: a record of millions of short turns stops here
/// with an error that says what to do, not there.
const MAX_TAPE_BYTES: usize = 1 << 30;

/// The slots of [`Writer::name`]'s table.
const NAME_SLOTS: usize = 512;

/// A value written out for `js/tape.js`.
#[derive(Debug, Default)]
pub(crate) struct Tape {
    /// The operations and their operands.
    pub(crate) ops: Vec<u32>,
    /// The numbers that are no small integer, in order.
    pub(crate) nums: Vec<f64>,
    /// The string table's strings, one after another, as UTF-8.
    pub(crate) bytes: Vec<u8>,
    /// Where each string of the table ends in `bytes` decoded, in UTF-16
    /// units (JavaScript's string indices): JavaScript decodes the table
    /// with one `TextDecoder` call and cuts it there.
    pub(crate) ends: Vec<u32>,
}

/// Why a value could not be written: a custom error of its `Serialize`
/// implementation, or a number JavaScript cannot hold.
#[derive(Debug)]
pub(crate) struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl TapeError {
    pub(crate) fn new(message: String) -> Self {
        TapeError(message)
    }
}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

type Result<T = (), E = TapeError> = std::result::Result<T, E>;

/// Writes a value to a [`Tape`]; `long` takes each long string and gives
/// the index JavaScript keeps it under, or why it could not.
pub(crate) struct Writer<'l> {
    tape: Tape,
    /// The table's length so far, in UTF-16 units.
    utf16: u32,
    interned: HashMap<Box<str>, u32, FixedState>,
    /// Field and variant names by address: they are `&'static str`, and
    /// the address is quicker to hash than the letters.
    names: HashMap<(usize, usize), u32, FixedState>,
    recent: Box<[((usize, usize), u32); NAME_SLOTS]>,
    long: &'l mut dyn FnMut(&str) -> Result<u32, String>,
    /// [`MAX_TAPE_BYTES`], smaller in tests.
    limit: usize,
}

impl<'l> Writer<'l> {
    pub(crate) fn new(long: &'l mut dyn FnMut(&str) -> Result<u32, String>) -> Self {
        Writer {
            tape: Tape::default(),
            utf16: 0,
            interned: HashMap::default(),
            names: HashMap::default(),
            recent: Box::new([((0, 0), 0); NAME_SLOTS]),
            long,
            limit: MAX_TAPE_BYTES,
        }
    }

    /// The bytes the tape takes so far.
    fn size(&self) -> usize {
        let t = &self.tape;
        4 * (t.ops.len() + t.ends.len()) + 8 * t.nums.len() + t.bytes.len()
    }

    /// Writes `value` and gives the tape.
    pub(crate) fn write<T: Serialize + ?Sized>(mut self, value: &T) -> Result<Tape> {
        value.serialize(&mut self)?;
        Ok(self.tape)
    }

    fn string(&mut self, s: &str) -> Result {
        if s.len() >= LONG {
            let i = (self.long)(s).map_err(TapeError)?;
            self.tape.ops.extend([op::LONG, i]);
            return Ok(());
        }
        let id = if s.len() <= INTERNED {
            match self.interned.get(s) {
                Some(&id) => id,
                None => {
                    let id = self.add(s)?;
                    self.interned.insert(s.into(), id);
                    id
                }
            }
        } else {
            self.add(s)?
        };
        self.tape.ops.extend([op::STR, id]);
        Ok(())
    }

    /// A field or variant name: always short, and `&'static`.
    fn name(&mut self, name: &'static str) -> Result {
        let key = (name.as_ptr() as usize, name.len());
        // Most names are found in a small table by their address, before
        // the map: a session writes some 11,000 names, of a hundred or so.
        let slot = (key.0.wrapping_mul(0x9e37_79b9) >> 7) % NAME_SLOTS;
        let id = match self.recent[slot] {
            (k, id) if k == key => id,
            _ => {
                let id = match self.names.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = self.add(name)?;
                        self.names.insert(key, id);
                        id
                    }
                };
                self.recent[slot] = (key, id);
                id
            }
        };
        self.tape.ops.extend([op::STR, id]);
        Ok(())
    }

    fn add(&mut self, s: &str) -> Result<u32> {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        // The table's UTF-16 units are at most its bytes, which WebAssembly
        // memory (4 GiB) holds: no end overflows there. Elsewhere, an
        // error rather than a wrong string.
        let end = u32::try_from(units)
            .ok()
            .and_then(|u| self.utf16.checked_add(u))
            .ok_or_else(|| TapeError("more strings than JavaScript's tape can index".into()))?;
        self.utf16 = end;
        self.tape.bytes.extend_from_slice(s.as_bytes());
        self.tape.ends.push(end);
        Ok((self.tape.ends.len() - 1) as u32)
    }

    fn number(&mut self, v: f64) {
        self.tape.ops.push(op::NUM);
        self.tape.nums.push(v);
    }

    fn unsigned(&mut self, v: u64) -> Result {
        match u32::try_from(v) {
            Ok(small) => self.tape.ops.extend([op::INT, small]),
            Err(_) if v <= MAX_SAFE_INTEGER as u64 => self.number(v as f64),
            Err(_) => return Err(unsafe_number(v)),
        }
        Ok(())
    }

    fn signed(&mut self, v: i64) -> Result {
        if v >= 0 {
            return self.unsigned(v as u64);
        }
        if v < -MAX_SAFE_INTEGER {
            return Err(unsafe_number(v));
        }
        self.number(v as f64);
        Ok(())
    }

    /// Starts an array or object; its count is filled in at its end.
    /// Opens an object or array; every value of size opens one, so the
    /// tape's size is checked here.
    fn open(&mut self, kind: u32) -> Result<Compound<'_, 'l>> {
        if self.size() > self.limit {
            return Err(TapeError(format!(
                "the result is too large to hand to JavaScript as objects (over {} MB): \
                 split the record, or parse it with {{ analyses: false }}",
                self.limit >> 20
            )));
        }
        self.tape.ops.extend([kind, 0]);
        let at = self.tape.ops.len() - 1;
        Ok(Compound { w: self, at, n: 0 })
    }

    /// `{ variant: … }`: serde's external tag. The caller writes the value.
    fn tag(&mut self, variant: &'static str) -> Result {
        self.tape.ops.extend([op::OBJ, 1]);
        self.name(variant)
    }
}

const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

fn unsafe_number(v: impl fmt::Display) -> TapeError {
    TapeError(format!("{v} can't be represented as a JavaScript number"))
}

/// An array or object being written.
pub(crate) struct Compound<'w, 'l> {
    w: &'w mut Writer<'l>,
    /// Where its count goes.
    at: usize,
    n: u32,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.n += 1;
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.w.name(key)?;
        self.element(value)
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        let at = self.w.tape.ops.len();
        key.serialize(&mut *self.w)?;
        match self.w.tape.ops.get(at) {
            Some(&(op::STR | op::LONG)) => Ok(()),
            _ => Err(TapeError(
                "Map key is not a string and cannot be an object key".into(),
            )),
        }
    }

    fn end(self) -> Result {
        self.w.tape.ops[self.at] = self.n;
        Ok(())
    }
}

/// serde's integer methods: each widens to i64 or u64.
macro_rules! integers {
    ($($method:ident($ty:ty) => $to:ident),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result {
            self.$to(v.into())
        }
    )*};
}

impl<'w, 'l> ser::Serializer for &'w mut Writer<'l> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'w, 'l>;
    type SerializeTuple = Compound<'w, 'l>;
    type SerializeTupleStruct = Compound<'w, 'l>;
    type SerializeTupleVariant = Compound<'w, 'l>;
    type SerializeMap = Compound<'w, 'l>;
    type SerializeStruct = Compound<'w, 'l>;
    type SerializeStructVariant = Compound<'w, 'l>;

    fn serialize_bool(self, v: bool) -> Result {
        self.tape.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }
    integers! {
        serialize_i8(i8) => signed,
        serialize_i16(i16) => signed,
        serialize_i32(i32) => signed,
        serialize_i64(i64) => signed,
        serialize_u8(u8) => unsigned,
        serialize_u16(u16) => unsigned,
        serialize_u32(u32) => unsigned,
        serialize_u64(u64) => unsigned,
    }
    fn serialize_i128(self, v: i128) -> Result {
        i64::try_from(v)
            .map_err(|_| unsafe_number(v))?
            .serialize(self)
    }
    fn serialize_u128(self, v: u128) -> Result {
        u64::try_from(v)
            .map_err(|_| unsafe_number(v))?
            .serialize(self)
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.number(v.into());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = self.open(op::ARR)?;
        for b in v {
            seq.element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.tape.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result {
        self.name(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.tag(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.open(op::ARR)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        self.open(op::ARR)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.open(op::ARR)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.tag(variant)?;
        self.open(op::ARR)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        self.open(op::OBJ)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        self.open(op::OBJ)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.tag(variant)?;
        self.open(op::OBJ)
    }
}

/// serde's traits for arrays and objects, which differ only in name here.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result {
                self.field(key, value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    /// The tape read back as JSON, as `js/tape.js` reads it (the
    /// JavaScript decoder itself is tested in Node, on every fixture,
    /// against the native `oewg json`).
    fn read(tape: &Tape, longs: &[String]) -> serde_json::Value {
        use serde_json::Value;
        let all = String::from_utf8(tape.bytes.clone()).unwrap();
        let units: Vec<u16> = all.encode_utf16().collect();
        let mut start = 0;
        let strs: Vec<String> = tape
            .ends
            .iter()
            .map(|&end| {
                let s = String::from_utf16(&units[start..end as usize]).unwrap();
                start = end as usize;
                s
            })
            .collect();
        let (mut p, mut q) = (0, 0);
        fn value(
            t: &Tape,
            strs: &[String],
            longs: &[String],
            p: &mut usize,
            q: &mut usize,
        ) -> Value {
            let o = t.ops[*p];
            *p += 1;
            let mut next = || {
                *p += 1;
                t.ops[*p - 1]
            };
            match o {
                op::NULL => Value::Null,
                op::TRUE => Value::Bool(true),
                op::FALSE => Value::Bool(false),
                op::INT => next().into(),
                op::NUM => {
                    *q += 1;
                    t.nums[*q - 1].into()
                }
                op::STR => strs[next() as usize].clone().into(),
                op::LONG => longs[next() as usize].clone().into(),
                op::ARR => {
                    let n = next();
                    Value::Array((0..n).map(|_| value(t, strs, longs, p, q)).collect())
                }
                op::OBJ => {
                    let n = next();
                    let mut m = serde_json::Map::new();
                    for _ in 0..n {
                        let Value::String(k) = value(t, strs, longs, p, q) else {
                            panic!("a key that is no string");
                        };
                        m.insert(k, value(t, strs, longs, p, q));
                    }
                    Value::Object(m)
                }
                other => panic!("op {other}"),
            }
        }
        value(tape, &strs, longs, &mut p, &mut q)
    }

    /// Every number as a float: JavaScript has only those, so 1 and 1.0
    /// are one value.
    fn floats(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Number(n) => n.as_f64().unwrap().into(),
            Value::Array(a) => a.into_iter().map(floats).collect(),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
            other => other,
        }
    }

    /// The tape read back, and serde_json's value, each with numbers as
    /// floats.
    fn both<T: Serialize>(v: &T) -> (serde_json::Value, serde_json::Value) {
        let (read, ..) = round_trip(v);
        (floats(read), floats(serde_json::to_value(v).unwrap()))
    }

    fn round_trip<T: Serialize>(v: &T) -> (serde_json::Value, Tape, Vec<String>) {
        let mut longs = Vec::new();
        let mut keep = |s: &str| {
            longs.push(s.to_owned());
            Ok((longs.len() - 1) as u32)
        };
        let tape = Writer::new(&mut keep).write(v).unwrap();
        (read(&tape, &longs), tape, longs)
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, bool),
        Named { x: i32 },
    }

    #[derive(Serialize)]
    struct Shape<'a> {
        name: &'a str,
        nothing: Option<u8>,
        unit: (),
        kinds: Vec<Kind>,
        numbers: (u64, i64, f64, f32, i8),
        map: BTreeMap<&'a str, &'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        letter: char,
        long: String,
    }

    #[test]
    fn every_kind_of_value_reads_back_as_json_writes_it() {
        let shape = Shape {
            name: "Côte d’Ivoire 🇨🇮",
            nothing: None,
            unit: (),
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(7),
                Kind::Pair(1, false),
                Kind::Named { x: -3 },
            ],
            numbers: (1 << 40, -(1 << 40), 0.5, 1.5, -128),
            map: [("2", "b"), ("1", "a")].into(),
            skipped: None,
            letter: 'é',
            long: "ü".repeat(LONG),
        };
        let (read, want) = both(&shape);
        assert_eq!(read, want);
        let (_, tape, longs) = round_trip(&shape);
        assert_eq!(longs, ["ü".repeat(LONG)], "the long string goes on its own");
        // The table's ends count UTF-16 units, JavaScript's: the name's
        // flag is two characters of two units each, so the table has more
        // bytes than units, and ends where its text ends in UTF-16.
        let table = std::str::from_utf8(&tape.bytes).unwrap();
        let units = table.encode_utf16().count();
        assert_eq!(*tape.ends.last().unwrap() as usize, units);
        assert!(table.len() > units);
    }

    #[test]
    fn repeated_short_strings_are_written_once() {
        let v = vec![["Chile", "Chile"], ["Chile", "Peru"]];
        let (read, tape, _) = round_trip(&v);
        assert_eq!(read, serde_json::to_value(&v).unwrap());
        assert_eq!(tape.ends.len(), 2);
        assert_eq!(tape.bytes, b"ChilePeru");
    }

    #[test]
    fn strings_between_the_interned_and_the_long_are_written_each_time() {
        let s = "x".repeat(INTERNED + 1);
        let (read, tape, longs) = round_trip(&[&s, &s]);
        assert_eq!(read, serde_json::json!([s, s]));
        assert_eq!(tape.ends.len(), 2);
        assert!(longs.is_empty());
    }

    #[test]
    fn numbers_out_of_javascripts_safe_range_are_errors() {
        let mut keep = |_: &str| Ok(0);
        for bad in [u64::MAX, 1 << 53] {
            let e = Writer::new(&mut keep).write(&bad).unwrap_err();
            assert!(e.to_string().contains("JavaScript number"), "{e}");
        }
        assert!(Writer::new(&mut keep).write(&i64::MIN).is_err());
        let (read, want) = both(&[(1u64 << 53) - 1, 1 << 32]);
        assert_eq!(read, want);
    }

    #[test]
    fn a_key_that_is_no_string_is_an_error_as_in_serde_wasm_bindgen() {
        let mut keep = |_: &str| Ok(0);
        let m: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(Writer::new(&mut keep).write(&m).is_err());
        let m: BTreeMap<u32, u8> = [(1, 1)].into();
        let e = Writer::new(&mut keep).write(&m).unwrap_err();
        assert!(e.to_string().contains("Map key is not a string"), "{e}");
        let (read, want) = both(&BTreeMap::from([("b", 2), ("a", 1)]));
        assert_eq!(read, want);
    }

    #[test]
    fn a_long_string_javascript_cannot_keep_is_an_error() {
        let mut keep = |_: &str| Err("Invalid string length".to_owned());
        let e = Writer::new(&mut keep).write(&"x".repeat(LONG)).unwrap_err();
        assert_eq!(e.to_string(), "Invalid string length");
    }

    #[test]
    fn a_value_past_the_tapes_limit_is_an_error_not_a_panic() {
        let mut keep = |_: &str| Ok(0);
        let turns = "Chair: hi\nCuba: yes\n".repeat(2_000);
        let s = oewg_core::parse(&turns).unwrap();
        let mut w = Writer::new(&mut keep);
        w.limit = 1 << 16;
        let e = w.write(&s).unwrap_err();
        assert!(
            e.to_string().contains("too large to hand to JavaScript"),
            "{e}"
        );
        // Under the limit, the same value is written.
        let mut w = Writer::new(&mut keep);
        w.limit = 1 << 26;
        assert!(w.write(&s).is_ok());
    }

    #[test]
    fn a_session_reads_back_as_its_json() {
        let text = "Chair: We begin.\n\nChile: Chile supports the proposal of Kenya.\n";
        let s = oewg_core::parse(text).unwrap();
        let (read, want) = both(&s);
        assert_eq!(read, want);
    }
}
