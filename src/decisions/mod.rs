//! From rule hits to decisions: scores, allow-lists and the block-list's
//! lifecycle.
//!
//! When a window closes, each number's hits are combined with the other
//! rules' hits that are still in effect (a hit stays in effect until its rule's
//! next window would have confirmed it: one slide). The combined score is a
//! noisy-OR, `1 - Π(1 - score)`, so independent weak signals add up but none
//! can exceed 1. At or above the block threshold the number is blocked (only
//! `action: block` rules count towards that); at or above the alert threshold
//! an alert is written. Allow-listed numbers are never blocked or alerted.
//! A block's scope says what it stops: everything from the number, or only
//! what arrives on international trunks when rules of that scope (a forged
//! national caller ID seen from abroad) were needed to reach the threshold.
//! A block also bars our subscribers' calls to the number when a blocking
//! rule in effect asks for it (`bar_calls_to: yes`, the wangiri rules:
//! their numbers earn from the calls back).
//!
//! A block lasts a TTL in event time. Flagging a blocked number again extends
//! it, but the entry is re-published only when the expiry moved by a material
//! amount, the score moved, or a new rule joined, so switches are not flooded
//! every few minutes. When a block expires an `unblock` entry is written.
//!
//! The devices of blocked numbers are watched while the block lasts, and a
//! new SIM seen on one is blocked as well (see [`devices`]).

mod allowlist;
mod decider;
pub mod devices;
mod entry;
mod score;

pub use allowlist::{AllowList, AllowListError};
pub use decider::{Decider, DecisionConfig, DecisionStats, RestoredBlock, RuleInfo};
pub use devices::{DeviceWatch, Sightings};
pub use entry::{Decision, Entry, format_ts};
pub use score::noisy_or;
