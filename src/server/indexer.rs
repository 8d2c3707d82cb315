//! Background indexing: reading and summarising files from disk on
//! threads of their own at a lower scheduling priority. Work comes in as
//! [`Job`]s and leaves, in batches, as [`Found`] through a sink (the owner
//! of the state applies it); nothing here touches the state. A ticket on
//! every job lets the owner tell a result that something newer has
//! overtaken.
//!
//! One worker always runs (nice 10). The others, helpers (one fewer than
//! the cores, at most three), run at the lowest priority and only while
//! the client has been quiet for [`QUIET`]: on two cores, while the user
//! hovers and types, indexing takes one core and requests have the other;
//! when nobody waits, indexing takes both.
//!
//! Single files (a document closed in the editor, a file changed on disk)
//! go before the rest of a folder scan, which is taken a batch at a time.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedSender;

use super::state::key_of_path;
use crate::discover::compile_globs;
use crate::i18n::Message;
use crate::workspace::{summarize_file, DocumentSummary, ScanLimits, ScanProblem};

/// Reads and summarises one file; replaceable for tests.
pub type Summarizer = Arc<dyn Fn(&Path) -> Result<DocumentSummary, Message> + Send + Sync>;

/// What the folder scan does with each file: [`summarize_file`] within the
/// default limits.
pub fn default_summarizer() -> Summarizer {
    Arc::new(|path: &Path| summarize_file(path, &ScanLimits::default()))
}

/// Files summarised between two looks at the queue.
const BATCH: usize = 32;

/// The nice value of the worker and of the helpers (Linux): the scheduler
/// lets the threads that answer requests preempt them.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const NICE: libc::c_int = 10;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HELPER_NICE: libc::c_int = 19;

/// The helpers wait until the client has sent nothing for this long.
pub const QUIET: Duration = Duration::from_millis(100);

/// The indexing threads for this machine: the worker, and a helper for
/// each other core (at most three).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// When the client last sent a message.
pub struct Activity {
    start: Instant,
    /// Nanoseconds from `start`.
    last: AtomicU64,
}

impl Default for Activity {
    fn default() -> Self {
        Activity {
            start: Instant::now(),
            last: AtomicU64::new(0),
        }
    }
}

impl Activity {
    pub fn touch(&self) {
        let now = self.start.elapsed().as_nanos() as u64;
        self.last.store(now, Ordering::Relaxed);
    }

    /// How long the client has been quiet.
    pub fn quiet_for(&self) -> Duration {
        let last = Duration::from_nanos(self.last.load(Ordering::Relaxed));
        self.start.elapsed().saturating_sub(last)
    }
}

pub enum Job {
    /// Every dossier under `root` that matches `globs`; `progress` hears
    /// `(done, total)` as batches finish.
    Scan {
        ticket: u64,
        root: PathBuf,
        globs: Vec<String>,
        progress: Option<UnboundedSender<(usize, usize)>>,
    },
    /// Files read again, by index key; `republish` is handed back.
    Read {
        ticket: u64,
        files: Vec<(String, PathBuf)>,
        republish: bool,
    },
}

/// What indexing found.
#[derive(Debug)]
pub enum Found {
    /// Files of a folder scan: their summaries by index key, and the ones
    /// left out (with the scan's own problems: bad globs, loops, limits).
    Batch {
        ticket: u64,
        documents: Vec<(String, DocumentSummary)>,
        problems: Vec<ScanProblem>,
    },
    /// Every batch of this scan has been sent.
    ScanEnd { ticket: u64 },
    /// Files read again: each one's summary, or `None` when it is no
    /// dossier to index any more (gone, binary, over the size limit).
    File {
        ticket: u64,
        files: Vec<(String, Option<DocumentSummary>)>,
        republish: bool,
    },
}

pub type Sink = Arc<dyn Fn(Found) + Send + Sync>;

/// The indexing threads; dropping this stops them after their batch.
pub struct Indexer {
    queue: Arc<Queue>,
}

struct Queue {
    activity: Arc<Activity>,
    jobs: Mutex<Jobs>,
    ready: Condvar,
    summarize: Summarizer,
    sink: Sink,
}

#[derive(Default)]
struct Jobs {
    reads: VecDeque<Read>,
    scans: VecDeque<Scan>,
    stopped: bool,
}

struct Read {
    ticket: u64,
    files: Vec<(String, PathBuf)>,
    republish: bool,
}

struct Scan {
    ticket: u64,
    progress: Option<UnboundedSender<(usize, usize)>>,
    files: Files,
}

enum Files {
    /// Not searched yet.
    ToFind { root: PathBuf, globs: Vec<String> },
    /// A thread is searching the folder.
    Finding,
    Found {
        paths: Vec<PathBuf>,
        /// The first path no thread has taken.
        next: usize,
        /// Batches taken and not yet sent.
        in_flight: usize,
        done: usize,
    },
}

enum Work {
    Read(Read),
    Find(u64, PathBuf, Vec<String>),
    Batch(u64, Vec<PathBuf>),
}

impl Indexer {
    /// Starts `threads` indexing threads: the worker and `threads - 1`
    /// helpers.
    pub fn start(
        threads: usize,
        activity: Arc<Activity>,
        summarize: Summarizer,
        sink: Sink,
    ) -> Indexer {
        let queue = Arc::new(Queue {
            activity,
            jobs: Mutex::default(),
            ready: Condvar::new(),
            summarize,
            sink,
        });
        for i in 0..threads.max(1) {
            let q = queue.clone();
            let started = std::thread::Builder::new()
                .name(format!("dossier-index-{i}"))
                .spawn(move || {
                    let helper = i > 0;
                    lower_priority(helper);
                    q.work(helper);
                });
            if let Err(e) = started {
                tracing::error!("cannot start an indexing thread: {e}");
            }
        }
        Indexer { queue }
    }

    /// An indexer without threads: jobs wait in its queue (for tests that
    /// hand the owner results themselves).
    #[cfg(test)]
    pub fn idle() -> Indexer {
        Indexer {
            queue: Arc::new(Queue {
                activity: Arc::default(),
                jobs: Mutex::default(),
                ready: Condvar::new(),
                summarize: default_summarizer(),
                sink: Arc::new(|_| {}),
            }),
        }
    }

    /// Jobs not yet taken: `(ticket, files read again)` and scans' tickets.
    #[cfg(test)]
    pub fn waiting(&self) -> (Vec<(u64, Vec<String>)>, Vec<u64>) {
        let jobs = self.queue.lock();
        let reads = jobs
            .reads
            .iter()
            .map(|r| (r.ticket, r.files.iter().map(|(k, _)| k.clone()).collect()))
            .collect();
        (reads, jobs.scans.iter().map(|s| s.ticket).collect())
    }

    pub fn submit(&self, job: Job) {
        let mut jobs = self.queue.lock();
        match job {
            Job::Read {
                ticket,
                files,
                republish,
            } => jobs.reads.push_back(Read {
                ticket,
                files,
                republish,
            }),
            Job::Scan {
                ticket,
                root,
                globs,
                progress,
            } => jobs.scans.push_back(Scan {
                ticket,
                progress,
                files: Files::ToFind { root, globs },
            }),
        }
        drop(jobs);
        self.queue.ready.notify_one();
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.queue.lock().stopped = true;
        self.queue.ready.notify_all();
    }
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, Jobs> {
        // Nothing panics while holding it; a poisoned lock is still whole.
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn work(&self, helper: bool) {
        loop {
            if helper {
                self.wait_for_quiet();
            }
            let work = {
                let mut jobs = self.lock();
                loop {
                    if jobs.stopped {
                        return;
                    }
                    if let Some(work) = jobs.take() {
                        break work;
                    }
                    jobs = self.ready.wait(jobs).unwrap_or_else(|e| e.into_inner());
                }
            };
            match work {
                Work::Read(read) => {
                    let files = read
                        .files
                        .into_iter()
                        .map(|(key, path)| (key, (self.summarize)(&path).ok()))
                        .collect();
                    (self.sink)(Found::File {
                        ticket: read.ticket,
                        files,
                        republish: read.republish,
                    });
                }
                Work::Find(ticket, root, globs) => self.find(ticket, &root, &globs),
                Work::Batch(ticket, paths) => self.batch(ticket, paths),
            }
            // Between batches, the rest of the process goes first.
            std::thread::yield_now();
        }
    }

    /// Sleeps until the client has been quiet for [`QUIET`] (or indexing
    /// stops).
    fn wait_for_quiet(&self) {
        loop {
            let quiet = self.activity.quiet_for();
            if quiet >= QUIET || self.lock().stopped {
                return;
            }
            std::thread::sleep((QUIET - quiet).min(Duration::from_millis(50)));
        }
    }

    fn find(&self, ticket: u64, root: &Path, globs: &[String]) {
        let (set, bad) = compile_globs(globs);
        let mut problems: Vec<ScanProblem> = bad
            .into_iter()
            .map(|message| ScanProblem {
                path: root.to_path_buf(),
                message,
            })
            .collect();
        let (paths, found) =
            crate::discover::find_files(root, &set, ScanLimits::default().max_files);
        problems.extend(found.into_iter().map(|p| ScanProblem {
            path: p.path,
            message: p.message,
        }));
        if !problems.is_empty() {
            (self.sink)(Found::Batch {
                ticket,
                documents: Vec::new(),
                problems,
            });
        }
        let mut jobs = self.lock();
        let Some(i) = jobs.scans.iter().position(|s| s.ticket == ticket) else {
            return;
        };
        if paths.is_empty() {
            jobs.scans.remove(i);
            drop(jobs);
            (self.sink)(Found::ScanEnd { ticket });
            return;
        }
        jobs.scans[i].files = Files::Found {
            paths,
            next: 0,
            in_flight: 0,
            done: 0,
        };
        drop(jobs);
        self.ready.notify_all();
    }

    fn batch(&self, ticket: u64, paths: Vec<PathBuf>) {
        let mut documents = Vec::with_capacity(paths.len());
        let mut problems = Vec::new();
        let n = paths.len();
        for path in paths {
            match (self.summarize)(&path) {
                Ok(summary) => match key_of_path(&path) {
                    Some(key) => documents.push((key, summary)),
                    None => problems.push(ScanProblem {
                        path,
                        message: crate::msg!("index-no-uri"),
                    }),
                },
                Err(message) => problems.push(ScanProblem { path, message }),
            }
        }
        (self.sink)(Found::Batch {
            ticket,
            documents,
            problems,
        });
        // Count the batch as sent; the last one out ends the scan.
        let mut jobs = self.lock();
        let Some(i) = jobs.scans.iter().position(|s| s.ticket == ticket) else {
            return;
        };
        let scan = &mut jobs.scans[i];
        let Files::Found {
            paths,
            next,
            in_flight,
            done,
        } = &mut scan.files
        else {
            return;
        };
        *in_flight -= 1;
        *done += n;
        if let Some(p) = &scan.progress {
            let _ = p.send((*done, paths.len()));
        }
        if *next == paths.len() && *in_flight == 0 {
            jobs.scans.remove(i);
            drop(jobs);
            (self.sink)(Found::ScanEnd { ticket });
        }
    }
}

impl Jobs {
    /// The next piece of work: a single file first, else a folder to
    /// search, else a batch of a searched folder.
    fn take(&mut self) -> Option<Work> {
        if let Some(read) = self.reads.pop_front() {
            return Some(Work::Read(read));
        }
        for scan in &mut self.scans {
            if matches!(scan.files, Files::ToFind { .. }) {
                if let Files::ToFind { root, globs } =
                    std::mem::replace(&mut scan.files, Files::Finding)
                {
                    return Some(Work::Find(scan.ticket, root, globs));
                }
            }
            match &mut scan.files {
                Files::ToFind { .. } | Files::Finding => {}
                Files::Found {
                    paths,
                    next,
                    in_flight,
                    ..
                } => {
                    if *next < paths.len() {
                        let end = (*next + BATCH).min(paths.len());
                        let batch = paths[*next..end].to_vec();
                        *next = end;
                        *in_flight += 1;
                        return Some(Work::Batch(scan.ticket, batch));
                    }
                }
            }
        }
        None
    }
}

/// Gives the calling thread a higher nice value (Linux keeps one per
/// thread), so that request handling and the analysis of open documents
/// win the cores. A failure only costs latency.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn lower_priority(helper: bool) {
    let nice = if helper { HELPER_NICE } else { NICE };
    // SAFETY: gettid and setpriority take and return plain integers and
    // touch only this thread's scheduling attributes.
    let ok = unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, nice)
    };
    if ok != 0 {
        tracing::debug!("indexing thread keeps its priority");
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn lower_priority(_helper: bool) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_scan_sends_every_file_in_batches_then_its_end() {
        let dir = std::env::temp_dir().join(format!("dossier-lsp-indexer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let n = BATCH * 3 + 5;
        for i in 0..n {
            std::fs::write(dir.join(format!("doc-{i:03}.txt")), format!("Brief {i}.\n")).unwrap();
        }
        std::fs::write(dir.join("binary.txt"), b"\x00\x01").unwrap();
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let sink: Sink = Arc::new(move |found| {
            let _ = tx.lock().unwrap().send(found);
        });
        let indexer = Indexer::start(2, Arc::default(), default_summarizer(), sink);
        let (progress, mut heard) = tokio::sync::mpsc::unbounded_channel();
        indexer.submit(Job::Scan {
            ticket: 1,
            root: dir.clone(),
            globs: vec!["**/*.txt".to_owned()],
            progress: Some(progress),
        });
        let (mut documents, mut problems) = (Vec::new(), Vec::new());
        loop {
            match rx.recv_timeout(Duration::from_secs(60)).unwrap() {
                Found::Batch {
                    ticket,
                    documents: d,
                    problems: p,
                } => {
                    assert_eq!(ticket, 1);
                    assert!(d.len() + p.len() <= BATCH);
                    documents.extend(d.into_iter().map(|(k, _)| k));
                    problems.extend(p);
                }
                Found::ScanEnd { ticket } => {
                    assert_eq!(ticket, 1);
                    break;
                }
                other => panic!("{other:?}"),
            }
        }
        documents.sort();
        assert_eq!(documents.len(), n);
        assert!(documents[0].ends_with("/doc-000.txt"), "{}", documents[0]);
        assert_eq!(problems.len(), 1);
        let shown = problems[0].message.render(crate::i18n::Lang::En);
        assert!(shown.contains("binary"), "{problems:?}");
        // Progress up to the whole folder; the channel closes with the scan.
        let mut last = (0, 0);
        while let Ok(p) = heard.try_recv() {
            last = p;
        }
        assert_eq!(last, (n + 1, n + 1));

        // A file read again.
        indexer.submit(Job::Read {
            ticket: 2,
            files: vec![
                ("a".to_owned(), dir.join("doc-000.txt")),
                ("b".to_owned(), dir.join("gone.txt")),
            ],
            republish: true,
        });
        match rx.recv_timeout(Duration::from_secs(60)).unwrap() {
            Found::File {
                ticket: 2,
                files,
                republish: true,
            } => {
                assert!(files[0].1.is_some());
                assert!(files[1].1.is_none());
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
