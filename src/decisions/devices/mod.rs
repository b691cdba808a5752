//! Device follow-up: when a number is blocked, the handsets it used are
//! watched, and another SIM that calls or texts from one of them is blocked
//! too (as the built-in rule `blocked_device`).
//!
//! Scam call centres and SIM boxes keep their handsets and modems and swap
//! SIMs: a blocked SIM is replaced by a fresh one, often from the same bulk
//! purchase, in the same device, within minutes. The fresh SIM has made too
//! few calls for any rule to judge, but the device has been judged already.
//! Operators block by IMEI for this reason; following the device for as
//! long as the blocked number stays blocked is the same measure, bounded by
//! the block's lifetime and traceable to it: every entry names the device,
//! the blocked number seen on it and the rules that blocked that number.
//!
//! It runs in the decision stage, window end by window end and in event
//! time order, so a backtest and the service decide alike. It sees the
//! same rows as the rules: the longest window ending at each instant. A
//! device that carries more than [`MAX_NUMBERS_PER_DEVICE`] numbers in one
//! window is no handset and is skipped, and IMEIs that cannot name a device
//! (placeholders such as `000000000000000`) are never followed. Every block
//! entry lists the devices its number used in the deciding window, so an
//! equipment register can bar them and a restarted engine watches them
//! again from the block-list topic.

mod sightings;
mod watch;

pub use sightings::{PaneDevices, Sightings, is_device_id};
pub use watch::{
    DeviceWatch, MAX_NUMBERS_PER_DEVICE, RULE_NAME, RULE_VERSION, SCORE, note_devices, rule_info,
};

#[cfg(test)]
mod tests;
