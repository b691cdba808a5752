//! What is derived from a pane's rows (the hashes of a key column, say), kept as long
//! as the pane: built by the first window that needs it, reused by every
//! later window that holds the pane, dropped with the pane.

use std::any::Any;
use std::sync::{Arc, Mutex};

use ahash::AHashMap;

type Entries = AHashMap<String, Arc<dyn Any + Send + Sync>>;

/// Derived data of one pane, by name. Clones share the entries.
#[derive(Clone, Default)]
pub struct PaneMemo(Arc<Mutex<Entries>>);

impl std::fmt::Debug for PaneMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = self.lock().keys().cloned().collect::<Vec<_>>();
        f.debug_tuple("PaneMemo").field(&names).finish()
    }
}

impl PaneMemo {
    /// The entry `name`, made by `make` if there is none (or one of another
    /// type). The name must say everything the entry depends on besides the
    /// pane's rows.
    pub fn get_or_insert_with<T: Any + Send + Sync>(
        &self,
        name: &str,
        make: impl FnOnce() -> T,
    ) -> Arc<T> {
        let mut entries = self.lock();
        if let Some(found) = entries
            .get(name)
            .and_then(|e| Arc::clone(e).downcast::<T>().ok())
        {
            return found;
        }
        let made = Arc::new(make());
        entries.insert(
            name.to_owned(),
            Arc::clone(&made) as Arc<dyn Any + Send + Sync>,
        );
        made
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        // A poisoned memo only lost an entry being made; the others stand.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_made_once_and_shared_by_clones() {
        let memo = PaneMemo::default();
        let clone = memo.clone();
        let mut made = 0;
        let first = memo.get_or_insert_with("n", || {
            made += 1;
            7_u32
        });
        let again = clone.get_or_insert_with("n", || {
            made += 1;
            8_u32
        });
        assert_eq!((*first, *again, made), (7, 7, 1));
        let other = memo.get_or_insert_with("n", || "text");
        assert_eq!(*other, "text", "another type under the same name is remade");
    }
}
