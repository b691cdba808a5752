//! Where records come from.
pub mod generator;
