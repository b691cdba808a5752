//! scamstream (architecture docs written later in this session).
pub mod decisions;
pub mod record;
pub mod rules;
pub mod sources;
pub mod windowing;
