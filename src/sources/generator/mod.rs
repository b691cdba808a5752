//! Placeholder: the traffic generator is being written.
