//! `msg!` and `sol_log`, API-identical to solana-msg 2.2.1.
//!
//! On Solana the message goes to the `sol_log_` syscall, exactly as upstream. Off-chain, upstream prints to stdout,
//! so a program hosted natively (Tightrope's embedded runtime) loses its `Program log:` lines. Here the host build
//! forwards to a hook the runtime installs with [`set_log_hook`]; without a hook it prints, as upstream does.

/// Print a message to the log: one expression of type `&str` is logged as is, anything else goes through `format!`.
#[macro_export]
macro_rules! msg {
    ($msg:expr) => {
        $crate::sol_log($msg)
    };
    ($($arg:tt)*) => ($crate::sol_log(&format!($($arg)*)));
}

#[cfg(target_os = "solana")]
pub mod syscalls {
    //! Syscall definitions used by `solana_msg`.
    pub use solana_define_syscall::definitions::{
        sol_log_, sol_log_64_, sol_log_compute_units_, sol_log_data,
    };
}

/// Print a string to the log.
#[inline]
pub fn sol_log(message: &str) {
    #[cfg(target_os = "solana")]
    unsafe {
        syscalls::sol_log_(message.as_ptr(), message.len() as u64);
    }

    #[cfg(not(target_os = "solana"))]
    host::log(message);
}

#[cfg(not(target_os = "solana"))]
pub use host::{set_log_hook, LogHook};

#[cfg(not(target_os = "solana"))]
mod host {
    use std::sync::RwLock;

    /// Receives every off-chain `sol_log` message; returns `false` when it did not take the message (no program is
    /// executing on this thread), and the message is then printed as upstream does.
    pub type LogHook = fn(&str) -> bool;

    static HOOK: RwLock<Option<LogHook>> = RwLock::new(None);

    /// Installs (or with `None` removes) the process-wide hook; returns the previous one.
    pub fn set_log_hook(hook: Option<LogHook>) -> Option<LogHook> {
        let mut slot = HOOK.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        core::mem::replace(&mut *slot, hook)
    }

    pub(crate) fn log(message: &str) {
        let hook = *HOOK.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !hook.is_some_and(|hook| hook(message)) {
            println!("{message}");
        }
    }
}
