//! From core values to the values Python sees. Every wrapper class holds a
//! clone of its core value (`PyX(core::X)`, as tokenizers does) and its
//! getters convert fields through [`Wrap`]: plain values as they are, core
//! types as their wrapper class, enums as the snake_case names of
//! `oewg json`.

use serde::Serialize;

/// Converts a borrowed core value to what a getter returns.
pub trait Wrap<Out> {
    /// The value for Python.
    fn wrap(&self) -> Out;
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Wrap<$t> for $t {
            fn wrap(&self) -> $t {
                self.clone()
            }
        }
    )*};
}
plain!(String, u32, usize, f64, bool);

impl<A: Wrap<B>, B> Wrap<Option<B>> for Option<A> {
    fn wrap(&self) -> Option<B> {
        self.as_ref().map(Wrap::wrap)
    }
}

impl Wrap<String> for std::borrow::Cow<'static, str> {
    fn wrap(&self) -> String {
        self.to_string()
    }
}

impl<A: Wrap<B>, B> Wrap<Vec<B>> for Vec<A> {
    fn wrap(&self) -> Vec<B> {
        self.iter().map(Wrap::wrap).collect()
    }
}

/// The name an enum has in `oewg json` (`"chair"`, `"web_footer"`, …), so
/// Python compares the same strings it finds in `to_dict()`.
pub fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        // Unit variants always serialise as strings.
        _ => String::new(),
    }
}

macro_rules! enum_names {
    ($($t:ty),*) => {$(
        impl Wrap<String> for $t {
            fn wrap(&self) -> String {
                serde_name(self)
            }
        }
    )*};
}
use oewg_core as core;
enum_names!(
    core::Format,
    core::Role,
    core::StatementKind,
    core::HeaderKind,
    core::SkipReason,
    core::SectionKind,
    core::BlockKind,
    core::ViewpointCategory,
    core::RegionalGroup,
    core::analysis::FloorEventKind,
    core::analysis::AnomalyKind,
    core::analysis::Topic,
    core::analysis::ProposalKind,
    core::analysis::Stance,
    core::analysis::AlignmentKind,
    core::analysis::Claim,
    core::analysis::Finding,
    core::analysis::HeaderFact
);

/// Declares a frozen Python class wrapping a core type, with a read-only
/// property per listed field (its doc comment becomes the property's
/// docstring), `__eq__` from the core's `PartialEq`, a `__repr__`, and any
/// further methods given after `methods`.
macro_rules! wrapper {
    (
        $(#[$doc:meta])*
        $py:ident($core:ty) as $name:literal;
        repr(|$s:ident| $repr:expr);
        fields { $( $(#[$fdoc:meta])* $field:ident : $ty:ty ),* $(,)? }
        $(methods { $($methods:tt)* })?
    ) => {
        $(#[$doc])*
        #[::pyo3::pyclass(name = $name, module = "oewg", frozen, eq)]
        #[derive(Clone, PartialEq)]
        pub struct $py(pub $core);

        impl $crate::wrap::Wrap<$py> for $core {
            fn wrap(&self) -> $py {
                $py(self.clone())
            }
        }

        #[::pyo3::pymethods]
        impl $py {
            $(
                $(#[$fdoc])*
                #[getter]
                fn $field(&self) -> $ty {
                    $crate::wrap::Wrap::wrap(&self.0.$field)
                }
            )*

            fn __repr__(&self) -> String {
                let $s = &self.0;
                $repr
            }

            /// Pickles as its JSON: statements and analyses cross to
            /// `multiprocessing` and Dask workers, as sessions do.
            fn __reduce__<'py>(
                slf: &::pyo3::Bound<'py, Self>,
            ) -> ::pyo3::PyResult<(::pyo3::Bound<'py, ::pyo3::PyAny>, (String,))> {
                use ::pyo3::types::PyAnyMethods;
                let json = ::serde_json::to_string(&slf.get().0)
                    .map_err(|e| ::pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                Ok((slf.get_type().getattr("_from_json")?, (json,)))
            }

            /// What `__reduce__` pickles it to, read back.
            #[classmethod]
            fn _from_json(
                _cls: &::pyo3::Bound<'_, ::pyo3::types::PyType>,
                json: &str,
            ) -> ::pyo3::PyResult<Self> {
                ::serde_json::from_str(json)
                    .map($py)
                    .map_err(|e| ::pyo3::exceptions::PyValueError::new_err(e.to_string()))
            }

            $($($methods)*)?
        }
    };
}
pub(crate) use wrapper;

/// `__hash__` of a frozen class that compares by content: a hash of the
/// value's JSON, so that values equal by `PartialEq` hash alike (the
/// model's floats, shares and confidences, are never -0.0, the one value
/// JSON writes apart from its equal).
pub fn content_hash<T: serde::Serialize>(value: &T) -> pyo3::PyResult<u64> {
    use std::hash::{Hash, Hasher};
    let json = serde_json::to_vec(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut h);
    Ok(h.finish())
}

/// An optional value in a `__repr__` as Python writes it: the value, or
/// `None` (not Rust's `Some(…)`).
pub fn or_none<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "None".to_string(), |v| v.to_string())
}

/// An optional text in a `__repr__` as Python writes it: quoted and cut
/// to `max` characters, or `None`.
pub fn quoted_or_none(text: Option<&str>, max: usize) -> String {
    text.map_or_else(|| "None".to_string(), |t| format!("{:?}", excerpt(t, max)))
}

/// `text` cut to `max` characters for a `__repr__`, with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
