//! Hosting the program natively inside the bank, with the logs a validator would record.
//!
//! `processor!` cannot take Anchor's `entry` (its `&'info [AccountInfo<'info>]` ties the slice and the accounts to
//! one lifetime), and program-test's host syscalls print `sol_log_data` (Anchor's `emit!`) to stdout, while
//! solana-msg prints `msg!`. So the builtin here records the executing `InvokeContext` in a thread-local, a
//! delegating `SyscallStubs` writes `Program data:` lines into its log collector, and the project's solana-msg
//! hook writes `Program log:` lines there too.
//!
//! program-test also writes lines a validator does not: `invoke_builtin_function` logs the builtin's invoke and
//! success/failure lines although the runtime logs them too, and its CPI stub logs the callee's invoke one level too
//! shallow and its success twice. Both calls pass through this module, which removes exactly those lines, so logs
//! have a validator's shape (Anchor's error parser depends on it).
use std::cell::Cell;
use std::ptr;

use anchor_lang::solana_program::account_info::AccountInfo;
use anchor_lang::solana_program::entrypoint::ProgramResult;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_stubs::{set_syscall_stubs, SyscallStubs};
use anchor_lang::solana_program::pubkey::Pubkey;
use solana_program_runtime::loaded_programs::ProgramCacheEntry;
use solana_program_runtime::stable_log;
use solana_runtime::bank::Bank;
use crate::stdout_bridge;
use solana_program_test::{get_runtime_environment_key, invoke_builtin_function, EbpfError, EbpfVm, InvokeContext};

thread_local! {
    /// The invoke context of the native program executing on this thread, null between instructions.
    static ACTIVE: Cell<*mut InvokeContext<'static>> = const { Cell::new(ptr::null_mut()) };
}

/// Entry of the program as program-test calls a builtin: the body of `processor!`, plus the invoke context record.
pub(crate) fn tightrope_builtin(vm: *mut EbpfVm<InvokeContext<'static>>, _: u64, _: u64, _: u64, _: u64, _: u64) {
    // Safety: program-test hands builtins a pointer offset by the runtime environment key, as `processor!` assumes.
    let vm = unsafe {
        &mut *((vm as *mut u64).offset(-(get_runtime_environment_key() as isize))
            as *mut EbpfVm<InvokeContext<'static>>)
    };
    let previous = ACTIVE.replace(ptr::from_mut(&mut *vm.context_object_pointer));
    let capture = stdout_bridge::capture();
    let first = log_len(vm.context_object_pointer);
    let invoke_line = format!("Program {} invoke [{}]", tightrope::ID, vm.context_object_pointer.get_stack_height());
    vm.program_result = invoke_builtin_function(process_instruction, vm.context_object_pointer)
        .map_err(EbpfError::SyscallError)
        .into();
    let context = &*vm.context_object_pointer;
    let outcome_prefix = format!("Program {} ", tightrope::ID);
    drop_line(context, log_len(context).wrapping_sub(1), |line| {
        line.strip_prefix(&outcome_prefix).is_some_and(|rest| rest == "success" || rest.starts_with("failed: "))
    });
    drop_line(context, first, |line| line == invoke_line);
    // Printed after the last log line (e.g. the keys Anchor reports for a failed check): before the outcome line
    // the runtime is about to write.
    log_prints(context);
    drop(capture);
    ACTIVE.set(previous);
}

/// Moves lines the program printed to stdout into the logs, ahead of whatever it logs next.
fn log_prints(context: &InvokeContext) {
    let collector = context.get_log_collector();
    for line in stdout_bridge::drain() {
        stable_log::program_log(&collector, &line);
    }
}

fn log_len(context: &InvokeContext) -> usize {
    context.get_log_collector().map_or(0, |collector| collector.borrow().messages.len())
}

/// Removes the log line at `index` if it is the one program-test wrote there (`is_extra`).
fn drop_line(context: &InvokeContext, index: usize, is_extra: impl Fn(&str) -> bool) {
    let Some(collector) = context.get_log_collector() else { return };
    let mut collector = collector.borrow_mut();
    if collector.messages.get(index).is_some_and(|line| is_extra(line)) {
        let line = collector.messages.remove(index);
        collector.bytes_written = collector.bytes_written.saturating_sub(line.len());
    }
}

/// Anchor's `entry` with the slice lifetime unified, which `invoke_builtin_function` cannot express.
fn process_instruction(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    // Safety: the account infos outlive this call; only the two lifetimes Anchor requires to be equal are merged.
    let accounts: &[AccountInfo] = unsafe { std::mem::transmute(accounts) };
    tightrope::entry(program_id, accounts, data)
}

/// Runs `f` with the invoke context of the program executing on this thread, if any.
fn with_active<R>(f: impl FnOnce(&mut InvokeContext) -> R) -> Option<R> {
    let context = ACTIVE.get();
    // Safety: non-null only while `tightrope_builtin` runs on this thread, which owns the context for that time.
    (!context.is_null()).then(|| f(unsafe { &mut *context }))
}

/// Registers the program in `bank` as a builtin.
pub(crate) fn register(bank: &Bank) {
    let name = "tightrope";
    bank.add_builtin(tightrope::ID, name, ProgramCacheEntry::new_builtin(0, name.len(), tightrope_builtin));
}

/// Wraps program-test's stubs (installed just before, once per process) with the log bridge and hooks `msg!`.
pub(crate) fn install_log_bridge() {
    let previous = set_syscall_stubs(Box::new(DefaultStubsPlaceholder));
    set_syscall_stubs(Box::new(LogBridge(previous)));
    solana_msg::set_log_hook(Some(|message| {
        with_active(|context| {
            log_prints(context);
            stable_log::program_log(&context.get_log_collector(), message)
        })
        .is_some()
    }));
}

/// Occupies the stubs slot for the instant it takes to wrap program-test's stubs.
struct DefaultStubsPlaceholder;
impl SyscallStubs for DefaultStubsPlaceholder {}

/// program-test's stubs, with `sol_log_data` written to the transaction's logs.
struct LogBridge(Box<dyn SyscallStubs>);

impl SyscallStubs for LogBridge {
    fn sol_log_data(&self, fields: &[&[u8]]) {
        let logged = with_active(|context| {
            log_prints(context);
            stable_log::program_data(&context.get_log_collector(), fields)
        });
        if logged.is_none() {
            self.0.sol_log_data(fields);
        }
    }
    fn sol_log(&self, message: &str) {
        self.0.sol_log(message)
    }
    fn sol_log_compute_units(&self) {
        self.0.sol_log_compute_units()
    }
    fn sol_remaining_compute_units(&self) -> u64 {
        self.0.sol_remaining_compute_units()
    }
    fn sol_invoke_signed(&self, instruction: &Instruction, infos: &[AccountInfo], seeds: &[&[&[u8]]]) -> ProgramResult {
        let before = with_active(|context| {
            log_prints(context);
            let line = format!("Program {} invoke [{}]", instruction.program_id, context.get_stack_height());
            (log_len(context), line)
        });
        let result = self.0.sol_invoke_signed(instruction, infos, seeds);
        if let Some((first, invoke_line)) = before {
            let success_line = format!("Program {} success", instruction.program_id);
            with_active(|context| {
                if result.is_ok() {
                    drop_line(context, log_len(context).wrapping_sub(1), |line| line == success_line);
                }
                drop_line(context, first, |line| line == invoke_line);
            });
        }
        result
    }
    fn sol_get_sysvar(&self, id: *const u8, var: *mut u8, offset: u64, length: u64) -> u64 {
        self.0.sol_get_sysvar(id, var, offset, length)
    }
    fn sol_get_clock_sysvar(&self, var: *mut u8) -> u64 {
        self.0.sol_get_clock_sysvar(var)
    }
    fn sol_get_epoch_schedule_sysvar(&self, var: *mut u8) -> u64 {
        self.0.sol_get_epoch_schedule_sysvar(var)
    }
    fn sol_get_fees_sysvar(&self, var: *mut u8) -> u64 {
        self.0.sol_get_fees_sysvar(var)
    }
    fn sol_get_rent_sysvar(&self, var: *mut u8) -> u64 {
        self.0.sol_get_rent_sysvar(var)
    }
    fn sol_get_epoch_rewards_sysvar(&self, var: *mut u8) -> u64 {
        self.0.sol_get_epoch_rewards_sysvar(var)
    }
    fn sol_get_last_restart_slot(&self, var: *mut u8) -> u64 {
        self.0.sol_get_last_restart_slot(var)
    }
    fn sol_get_epoch_stake(&self, vote_address: *const u8) -> u64 {
        self.0.sol_get_epoch_stake(vote_address)
    }
    unsafe fn sol_memcpy(&self, dst: *mut u8, src: *const u8, n: usize) {
        self.0.sol_memcpy(dst, src, n)
    }
    unsafe fn sol_memmove(&self, dst: *mut u8, src: *const u8, n: usize) {
        self.0.sol_memmove(dst, src, n)
    }
    unsafe fn sol_memcmp(&self, s1: *const u8, s2: *const u8, n: usize, result: *mut i32) {
        self.0.sol_memcmp(s1, s2, n, result)
    }
    unsafe fn sol_memset(&self, s: *mut u8, c: u8, n: usize) {
        self.0.sol_memset(s, c, n)
    }
    fn sol_get_return_data(&self) -> Option<(Pubkey, Vec<u8>)> {
        self.0.sol_get_return_data()
    }
    fn sol_set_return_data(&self, data: &[u8]) {
        self.0.sol_set_return_data(data)
    }
    fn sol_get_processed_sibling_instruction(&self, index: usize) -> Option<Instruction> {
        self.0.sol_get_processed_sibling_instruction(index)
    }
    fn sol_get_stack_height(&self) -> u64 {
        self.0.sol_get_stack_height()
    }
}
