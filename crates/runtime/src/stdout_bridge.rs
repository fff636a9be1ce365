//! Lines a natively hosted program prints to stdout, moved into the transaction's logs in order.
//!
//! Off-chain, `Pubkey::log` (which Anchor uses to report the two keys of a failed `has_one`, `address` or seeds
//! check) prints to stdout instead of calling `sol_log_pubkey`, and solana-pubkey is too large a crate to replace
//! as solana-msg is. So while the program runs, file descriptor 1 is a pipe; before every `msg!`/`emit!` line and
//! when the program returns, what the pipe holds becomes `Program log:` lines, as a validator would write them.
//! The redirection is process-wide, so one program execution at a time holds it (the outermost on its thread).
use std::cell::Cell;
use std::io::Write;
use std::sync::{Mutex, MutexGuard};

static REDIRECT: Mutex<()> = Mutex::new(());

thread_local! {
    /// The pipe's read end and the saved stdout while this thread's outermost program execution runs.
    static ACTIVE: Cell<Option<(libc::c_int, libc::c_int)>> = const { Cell::new(None) };
    static PARTIAL: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Holds stdout redirected into a pipe until dropped (outermost execution on this thread only).
pub(crate) struct Capture {
    _lock: Option<MutexGuard<'static, ()>>,
}

pub(crate) fn capture() -> Capture {
    if ACTIVE.get().is_some() {
        return Capture { _lock: None };
    }
    let lock = REDIRECT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let _ = std::io::stdout().flush();
    let mut fds = [0; 2];
    // Safety: plain POSIX calls on descriptors this function owns; failures leave stdout as it was.
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) != 0 {
            return Capture { _lock: None };
        }
        let saved = libc::dup(libc::STDOUT_FILENO);
        if saved < 0 || libc::dup2(fds[1], libc::STDOUT_FILENO) < 0 {
            libc::close(fds[0]);
            libc::close(fds[1]);
            if saved >= 0 {
                libc::close(saved);
            }
            return Capture { _lock: None };
        }
        libc::close(fds[1]);
        ACTIVE.set(Some((fds[0], saved)));
    }
    Capture { _lock: Some(lock) }
}

impl Drop for Capture {
    fn drop(&mut self) {
        if self._lock.is_none() {
            return;
        }
        if let Some((read_end, saved)) = ACTIVE.take() {
            let _ = std::io::stdout().flush();
            // Safety: restores the descriptor saved in `capture` and closes the pipe it opened.
            unsafe {
                libc::dup2(saved, libc::STDOUT_FILENO);
                libc::close(saved);
                libc::close(read_end);
            }
        }
        PARTIAL.with_borrow_mut(Vec::clear);
    }
}

/// Complete lines printed since the last call (a trailing partial line waits for its newline).
pub(crate) fn drain() -> Vec<String> {
    let Some((read_end, _)) = ACTIVE.get() else { return Vec::new() };
    let _ = std::io::stdout().flush();
    PARTIAL.with_borrow_mut(|partial| {
        let mut buffer = [0u8; 4096];
        loop {
            // Safety: reads into a local buffer from the non-blocking pipe this module opened.
            let read = unsafe { libc::read(read_end, buffer.as_mut_ptr().cast(), buffer.len()) };
            if read <= 0 {
                break;
            }
            partial.extend_from_slice(&buffer[..read as usize]);
        }
        let Some(end) = partial.iter().rposition(|&b| b == b'\n') else { return Vec::new() };
        let complete: Vec<u8> = partial.drain(..=end).collect();
        String::from_utf8_lossy(&complete).lines().map(str::to_string).collect()
    })
}
