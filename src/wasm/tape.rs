//! Results cross into JavaScript as one "tape" instead of one JS call per field: serde writes
//! numbers and tags into an `f64` array and all strings into one string, and a short JS
//! decoder (below) builds the same plain objects that `serde_wasm_bindgen`'s JSON-compatible
//! serializer would. About 45,000 spans per megabyte made the per-field calls a fifth of the
//! time in the browser; the tape costs one string decode and one pass over a typed array.
//!
//! Layout: every value starts with a tag. NULL, FALSE, TRUE stand alone; NUMBER is followed by
//! the number; STRING by its length in UTF-16 code units (its text is the next part of the
//! string table); ARRAY by its length and the items; OBJECT by its field count and, per field,
//! the key's index in the key table and the value; MAP like OBJECT but with keys as values.

use std::fmt;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUMBER: f64 = 3.0;
const STRING: f64 = 4.0;
const ARRAY: f64 = 5.0;
const OBJECT: f64 = 6.0;
const MAP: f64 = 7.0;

#[wasm_bindgen(inline_js = r#"
export function decodeTape(nums, strs, keyList) {
  const keys = keyList.split("\u0000");
  let i = 0;
  let at = 0;
  function value() {
    switch (nums[i++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return nums[i++];
      case 4: {
        const end = at + nums[i++];
        const s = strs.slice(at, end);
        at = end;
        return s;
      }
      case 5: {
        const n = nums[i++];
        const items = [];
        for (let k = 0; k < n; k++) items.push(value());
        return items;
      }
      case 6: {
        const n = nums[i++];
        const object = {};
        for (let k = 0; k < n; k++) {
          const key = keys[nums[i++]];
          object[key] = value();
        }
        return object;
      }
      case 7: {
        const n = nums[i++];
        const entries = [];
        for (let k = 0; k < n; k++) entries.push([String(value()), value()]);
        return Object.fromEntries(entries);
      }
      default: throw new Error("textmarker: corrupt result tape");
    }
  }
  return value();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = decodeTape)]
    fn decode_tape(nums: &[f64], strs: &str, keys: &str) -> JsValue;
}

/// `value` as plain JS objects, arrays, strings, numbers, booleans and nulls.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let mut tape = Tape::default();
    value.serialize(&mut tape)?;
    Ok(decode_tape(&tape.nums, &tape.strs, &tape.keys))
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

#[derive(Default)]
pub struct Tape {
    nums: Vec<f64>,
    strs: String,
    /// Struct field names joined by NUL, numbered in the order of `known_keys`.
    keys: String,
    known_keys: Vec<&'static str>,
}

impl Tape {
    fn string(&mut self, s: &str) {
        // UTF-16 length from the UTF-8 bytes: one unit per lead byte, two for a 4-byte
        // sequence. A branch-free sum the compiler vectorises.
        let units: usize = s
            .bytes()
            .map(|b| (b & 0xC0 != 0x80) as usize + (b >= 0xF0) as usize)
            .sum();
        self.nums.extend([STRING, units as f64]);
        self.strs.push_str(s);
    }

    /// A struct has a few dozen field names at most: a scan comparing pointers beats hashing.
    /// (Two copies of one name just get two indices.)
    fn key(&mut self, key: &'static str) {
        let same =
            |known: &&str| std::ptr::eq(known.as_ptr(), key.as_ptr()) && known.len() == key.len();
        let index = match self.known_keys.iter().position(same) {
            Some(index) => index,
            None => {
                if !self.known_keys.is_empty() {
                    self.keys.push('\0');
                }
                self.keys.push_str(key);
                self.known_keys.push(key);
                self.known_keys.len() - 1
            }
        };
        self.nums.push(index as f64);
    }

    /// Writes `tag` and a count to fill in when the container ends.
    fn open(&mut self, tag: f64) -> Container<'_> {
        self.nums.extend([tag, 0.0]);
        let count_at = self.nums.len() - 1;
        Container {
            tape: self,
            count_at,
            count: 0,
        }
    }

    /// `{variant: …}`, the externally tagged form of a non-unit enum variant.
    fn open_variant(&mut self, variant: &'static str) {
        self.nums.extend([OBJECT, 1.0]);
        self.key(variant);
    }
}

pub struct Container<'a> {
    tape: &'a mut Tape,
    count_at: usize,
    count: usize,
}

impl Container<'_> {
    fn close(self) {
        self.tape.nums[self.count_at] = self.count as f64;
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Container<'a>;
    type SerializeTuple = Container<'a>;
    type SerializeTupleStruct = Container<'a>;
    type SerializeTupleVariant = Container<'a>;
    type SerializeMap = Container<'a>;
    type SerializeStruct = Container<'a>;
    type SerializeStructVariant = Container<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.nums.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.nums.extend([NUMBER, v]);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.nums.extend([ARRAY, v.len() as f64]);
        for &b in v {
            self.nums.extend([NUMBER, b as f64]);
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.nums.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Container<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Container<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Container<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'a>, Error> {
        self.open_variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Container<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Container<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'a>, Error> {
        self.open_variant(variant);
        Ok(self.open(OBJECT))
    }
}

impl ser::SerializeSeq for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.count += 1;
        key.serialize(&mut *self.tape)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.count += 1;
        self.tape.key(key);
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Container<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeStruct::end(self)
    }
}
