//! The binary's allocator: the system's, and for `check` an arena of
//! mimalloc's beside it.
//!
//! `check` allocates and frees in bursts, file after file, and ends; on
//! mimalloc it is about a tenth faster than on glibc (BENCHMARKS.md). The
//! long-running server stays on glibc, under which its soaks were measured:
//! on mimalloc it held two to seven times the memory.
//!
//! Which allocator gave a block out is decided by its address alone.
//! `check` maps one range of address space and hands it to mimalloc as an
//! *exclusive* arena; its threads allocate from heaps bound to that arena,
//! and mimalloc gives such a heap memory from the arena or none at all,
//! never from the system. So every block mimalloc gives out lies in the
//! range, and none of glibc's can, since the range stays mapped until the
//! process ends. When the arena cannot serve a request (whatever its size
//! or alignment, or before the switch), glibc does.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::OnceLock;

use libmimalloc_sys as mi;

/// The global allocator: [`System`], or the arena once `check` has set it up.
pub struct Allocator;

static ARENA: OnceLock<Arena> = OnceLock::new();

/// mimalloc 2's `mi_option_purge_delay` (mimalloc.h), which the sys crate
/// does not name.
const MI_OPTION_PURGE_DELAY: mi::mi_option_t = 15;

/// Address space for `check`'s arena: mapped without reserving memory,
/// touched only as it is used.
const BATCH_ARENA_BYTES: usize = 64 << 30;

/// From now on, new blocks come from a mimalloc arena where it can serve
/// them. Left as it is when the address space cannot be had.
pub fn allocate_for_a_batch() {
    if ARENA.get().is_some() {
        return;
    }
    // Freed memory is kept until the end, not handed back to the system
    // after 10 ms: a batch reuses it, and handing back part of a huge page
    // splits it, to be faulted and cleared again.
    // SAFETY: sets an option; mimalloc reads it at its next purge.
    unsafe { mi::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // Huge pages: a batch touches tens of megabytes once and keeps them;
    // one fault per 2 MiB instead of per 4 KiB (7,358 -> 405 faults over
    // 2,000 files, 5 % of the time, BENCHMARKS.md), at the price of a
    // few MB more resident.
    if let Some(arena) = Arena::map(BATCH_ARENA_BYTES, true) {
        // A second caller's arena is left unused, still mapped.
        let _ = ARENA.set(arena);
    }
}

/// A range of address space that mimalloc alone allocates in.
pub struct Arena {
    start: usize,
    end: usize,
    id: mi::mi_arena_id_t,
}

thread_local! {
    /// This thread's heap in the arena, with the arena's id.
    static HEAP: Cell<(mi::mi_arena_id_t, *mut mi::mi_heap_t)> =
        const { Cell::new((0, std::ptr::null_mut())) };
}

impl Arena {
    /// Maps `bytes` of address space and gives it to mimalloc; with
    /// `huge_pages`, asks the kernel to back it with 2 MiB pages where it
    /// can (transparent huge pages in `madvise` mode).
    pub fn map(bytes: usize, huge_pages: bool) -> Option<Arena> {
        // SAFETY: a fresh anonymous private mapping; nothing else uses it.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return None;
        }
        if huge_pages {
            // SAFETY: advice on our own mapping; a refusal changes nothing.
            unsafe { libc::madvise(start, bytes, libc::MADV_HUGEPAGE) };
        }
        let mut id: mi::mi_arena_id_t = 0;
        // SAFETY: the range is mapped, readable and writable, zeroed, and
        // never unmapped once mimalloc has it.
        let managed = unsafe {
            mi::mi_manage_os_memory_ex(start, bytes, true, false, true, -1, true, &mut id)
        };
        if !managed {
            // SAFETY: mimalloc did not take the range; unmapping what we mapped.
            unsafe { libc::munmap(start, bytes) };
            return None;
        }
        Some(Arena {
            start: start as usize,
            end: start as usize + bytes,
            id,
        })
    }

    /// Whether the arena gave out `ptr` (mimalloc uses only part of the
    /// range: it aligns the start).
    pub fn owns(&self, ptr: *const u8) -> bool {
        (self.start..self.end).contains(&(ptr as usize))
    }

    /// This thread's heap in the arena; null if mimalloc has none to give.
    fn heap(&self) -> *mut mi::mi_heap_t {
        HEAP.try_with(|cell| {
            let (id, heap) = cell.get();
            if id == self.id && !heap.is_null() {
                return heap;
            }
            // SAFETY: creates a heap owned by this thread, bound to the arena.
            let heap = unsafe { mi::mi_heap_new_in_arena(self.id) };
            cell.set((self.id, heap));
            heap
        })
        .unwrap_or(std::ptr::null_mut())
    }

    /// A block from the arena, or null.
    fn alloc(&self, layout: Layout, zeroed: bool) -> *mut u8 {
        let heap = self.heap();
        if heap.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: a live heap of this thread; any size and alignment.
        unsafe {
            if zeroed {
                mi::mi_heap_zalloc_aligned(heap, layout.size(), layout.align()).cast()
            } else {
                mi::mi_heap_malloc_aligned(heap, layout.size(), layout.align()).cast()
            }
        }
    }

    /// The arena's block `ptr` resized within the arena, or null (then
    /// `ptr` is left as it was).
    fn realloc(&self, ptr: *mut u8, align: usize, new_size: usize) -> *mut u8 {
        let heap = self.heap();
        if heap.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `ptr` is a live block of the arena (the caller's check);
        // mimalloc frees it only when it gives out the new one.
        unsafe { mi::mi_heap_realloc_aligned(heap, ptr.cast::<c_void>(), new_size, align).cast() }
    }

    /// # Safety
    /// As [`GlobalAlloc::alloc`].
    pub unsafe fn allocate(&self, layout: Layout, zeroed: bool) -> *mut u8 {
        let p = self.alloc(layout, zeroed);
        if !p.is_null() {
            return p;
        }
        // SAFETY: the caller's layout, passed on.
        unsafe {
            if zeroed {
                System.alloc_zeroed(layout)
            } else {
                System.alloc(layout)
            }
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::dealloc`]: `ptr` was given out by [`Arena::allocate`]
    /// or [`Arena::reallocate`] of this arena, or by [`System`].
    pub unsafe fn deallocate(&self, ptr: *mut u8, layout: Layout) {
        if self.owns(ptr) {
            // SAFETY: a block of the arena's, which only mimalloc gives out.
            unsafe { mi::mi_free(ptr.cast()) }
        } else {
            // SAFETY: not in the arena's range, so a block of glibc's.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::realloc`], with `ptr` as in [`Arena::deallocate`].
    pub unsafe fn reallocate(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.owns(ptr) {
            // SAFETY: glibc's block stays glibc's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        let p = self.realloc(ptr, layout.align(), new_size);
        if !p.is_null() {
            return p;
        }
        // The arena is full: the block moves to glibc.
        // SAFETY: the caller guarantees a valid layout for `new_size`.
        let moved =
            unsafe { System.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
        if !moved.is_null() {
            // SAFETY: both blocks are live and at least this long; the old
            // one is the arena's.
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                mi::mi_free(ptr.cast());
            }
        }
        moved
    }
}

// SAFETY: every block is freed and resized by the allocator that gave it
// out, decided by `Arena::owns` (see the module's comment); both allocators
// uphold GlobalAlloc's contract.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match ARENA.get() {
            // SAFETY: the caller's layout, passed on.
            Some(arena) => unsafe { arena.allocate(layout, false) },
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match ARENA.get() {
            // SAFETY: the caller's layout, passed on.
            Some(arena) => unsafe { arena.allocate(layout, true) },
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match ARENA.get() {
            // SAFETY: `ptr` came from this allocator: the arena's or glibc's.
            Some(arena) => unsafe { arena.deallocate(ptr, layout) },
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        match ARENA.get() {
            // SAFETY: as `dealloc`; the caller's new size, passed on.
            Some(arena) => unsafe { arena.reallocate(ptr, layout, new_size) },
            None => unsafe { System.realloc(ptr, layout, new_size) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 64 MiB: after mimalloc aligns the start, room for one of its 32 MiB
    /// segments, so that the tests soon reach the arena's end.
    fn small_arena() -> Arena {
        Arena::map(64 << 20, false).expect("64 MiB of address space")
    }

    /// Blocks of every size and alignment go to the arena while it has
    /// room and to glibc when it has none, and each is freed and resized by
    /// the allocator that gave it out.
    #[test]
    fn every_block_goes_back_to_the_allocator_that_gave_it_out() {
        let arena = small_arena();
        let mut blocks = Vec::new();
        let mut in_arena = 0;
        for (size, align) in [
            (1, 1),
            (24, 8),
            (4096, 4096),
            (100_000, 16),
            (1 << 20, 64),
            (8 << 20, 8),
            (1 << 30, 8),
            (3 << 20, 1 << 25),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a valid layout of non-zero size.
            let p = unsafe { arena.allocate(layout, true) };
            assert!(!p.is_null(), "{size} bytes");
            assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
            // SAFETY: the block is `size` bytes long and zeroed.
            unsafe {
                assert_eq!(*p, 0);
                assert_eq!(*p.add(size - 1), 0);
                p.write(7);
            }
            in_arena += usize::from(arena.owns(p));
            blocks.push((p, layout));
        }
        // The small blocks fit; a gibibyte cannot.
        assert!(arena.owns(blocks[0].0));
        assert!(!arena.owns(blocks[6].0));
        assert!(in_arena >= 4, "{in_arena} blocks in the arena");
        // Grown past the arena's room, a block moves to glibc with its bytes.
        let (p, layout) = blocks[1];
        // SAFETY: the arena's live block, a valid new size.
        let grown = unsafe { arena.reallocate(p, layout, 512 << 20) };
        assert!(!grown.is_null());
        assert!(!arena.owns(grown));
        // SAFETY: the first byte was written above and copied.
        assert_eq!(unsafe { *grown }, 7);
        blocks[1] = (grown, Layout::from_size_align(512 << 20, 8).unwrap());
        // A glibc block resized stays glibc's.
        let (p, layout) = blocks[6];
        // SAFETY: glibc's live block.
        let shrunk = unsafe { arena.reallocate(p, layout, 100) };
        assert!(!arena.owns(shrunk));
        assert_eq!(unsafe { *shrunk }, 7);
        blocks[6] = (shrunk, Layout::from_size_align(100, 8).unwrap());
        for (p, layout) in blocks {
            // SAFETY: each block once, with its layout.
            unsafe { arena.deallocate(p, layout) };
        }
    }

    /// Threads allocate from heaps of their own in the arena; a block is
    /// freed on another thread than the one that allocated it.
    #[test]
    fn blocks_cross_threads() {
        let arena = std::sync::Arc::new(small_arena());
        let layout = Layout::from_size_align(256, 8).unwrap();
        let made: Vec<usize> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|i| {
                    let arena = &arena;
                    s.spawn(move || {
                        (0..64)
                            .map(|_| {
                                // SAFETY: a valid layout.
                                let p = unsafe { arena.allocate(layout, false) };
                                // SAFETY: 256 bytes.
                                unsafe { p.write_bytes(i as u8, 256) };
                                p as usize
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        assert!(made.iter().all(|&p| arena.owns(p as *const u8)));
        for p in made {
            // SAFETY: each block once, on this thread, with its layout.
            unsafe { arena.deallocate(p as *mut u8, layout) };
        }
    }

    /// Switched on in a running process, blocks of before and after are
    /// freed and grown alike; what glibc gave out stays outside the arena.
    #[test]
    fn switching_mid_run_keeps_every_block() {
        let before: Vec<String> = (0..1000).map(|i| format!("voor {i}")).collect();
        allocate_for_a_batch();
        let after: Vec<String> = (0..1000).map(|i| format!("na {i}")).collect();
        let arena = ARENA.get().expect("the arena is mapped");
        assert!(before.iter().all(|s| !arena.owns(s.as_ptr())));
        assert!(after.iter().any(|s| arena.owns(s.as_ptr())));
        let mut all: Vec<String> = before.into_iter().chain(after).collect();
        for s in &mut all {
            s.push_str(&"x".repeat(5000));
        }
        assert!(all[0].starts_with("voor 0xx") && all[1999].starts_with("na 999xx"));
    }
}
