//! What start-up builds: the tagger's model is read in place; the entity lexicon (word table and
//! phrases) is built once per process from the embedded text (the laid-out table does not fit
//! the module's size budget), and after that touching it allocates nothing; making an
//! `Annotator` allocates a constant, and the first annotation builds nothing the second does not. Its own test binary: the counting allocator is
//! process-wide, and counts only the measuring thread (the test runner's own threads allocate
//! at any time).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use textmarker::__private::{embedded_model, Lexicon};
use textmarker::{Annotator, Options};

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
/// Tests run on threads of one process: one measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

thread_local! {
    /// Whether this thread's allocations are being counted.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
}

fn count(size: usize) {
    // `try_with`: a thread being torn down has no thread-locals left, and is not measured.
    if MEASURING.try_with(Cell::get).unwrap_or(false) {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(size, Ordering::Relaxed);
    }
}

// SAFETY: every call goes straight to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocator calls and bytes while `f` runs.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (calls, bytes) = (CALLS.load(Ordering::SeqCst), BYTES.load(Ordering::SeqCst));
    MEASURING.with(|m| m.set(true));
    let value = f();
    MEASURING.with(|m| m.set(false));
    let calls = CALLS.load(Ordering::SeqCst) - calls;
    let bytes = BYTES.load(Ordering::SeqCst) - bytes;
    (value, calls, bytes)
}

const TEXT: &str = "„Wir sind Verbündete“, sagte Trump am Dienstag in Tokio. Die Bundesbank \
                    in Frankfurt erwartet 2,5 Prozent Wachstum.";

#[test]
fn the_entity_tables_are_built_once() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_, model_calls, _) = counted(|| embedded_model().is_empty());
    assert_eq!(model_calls, 0, "the model is read in place");
    Lexicon::embedded();
    let (entry, calls, bytes) = counted(|| Lexicon::embedded().word("Berlin"));
    assert_ne!(entry.flags, 0);
    assert_eq!((calls, bytes), (0, 0), "the lexicon was built again");
}

/// The figures and quotes lexicons are still built by `Annotator::new()` (hash maps of a
/// few thousand words, issue 23's open part): the bound catches growth, and must come down
/// to a few allocations when they too are laid out at build time.
const NEW_ANNOTATOR_CALLS: usize = 4_000;
const NEW_ANNOTATOR_BYTES: usize = 700_000;

#[test]
fn a_new_annotator_allocates_a_constant() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The entity lexicon is built once per process (see above); what each new Annotator costs:
    Lexicon::embedded();
    let (annotator, calls, bytes) = counted(Annotator::new);
    println!("Annotator::new(): {calls} allocations, {bytes} bytes");
    assert!(
        calls <= NEW_ANNOTATOR_CALLS && bytes <= NEW_ANNOTATOR_BYTES,
        "{calls} allocations, {bytes} bytes"
    );
    drop(annotator);
}

#[test]
fn the_first_annotation_builds_nothing() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let annotator = Annotator::new();
    let options = Options::default();
    let (first, first_calls, first_bytes) = counted(|| annotator.annotate(TEXT, &options));
    let (second, second_calls, second_bytes) = counted(|| annotator.annotate(TEXT, &options));
    println!("first call: {first_calls} allocations, {first_bytes} bytes; second: {second_calls}, {second_bytes}");
    assert!(!first.entities.is_empty());
    assert_eq!(first.entities.len(), second.entities.len());
    assert_eq!(
        (first_calls, first_bytes),
        (second_calls, second_bytes),
        "the first call built something the second did not"
    );
}
