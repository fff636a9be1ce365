//! `tightrope-localnet`: the embedded runtime (Tightrope native, SPL Token as SBF) served over the standard Solana
//! JSON-RPC (HTTP on --port) and WebSocket (on --port + 1) protocol, in the spirit of solana-test-validator and
//! Surfpool, so unmodified web3.js, Anchor and SPL clients work against it. Binds 127.0.0.1 only.
mod cluster;
mod encode;
mod rpc;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jsonrpsee::core::traits::IdProvider;
use jsonrpsee::server::{Server, ServerConfig};
use jsonrpsee::types::SubscriptionId;

use crate::cluster::{lock, Cluster, Shared};

const USAGE: &str = "usage: tightrope-localnet [--port PORT (8899; WebSocket on PORT+1)] [--slot-ms MS (400)] \
[--history TRANSACTIONS (1000)] [--payer-out PATH]";

struct Args {
    port: u16,
    slot_ms: u64,
    history: usize,
    payer_out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { port: 8899, slot_ms: 400, history: 1000, payer_out: None };
    let mut words = std::env::args().skip(1);
    while let Some(flag) = words.next() {
        let mut value = || words.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => args.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--slot-ms" => args.slot_ms = value()?.parse().map_err(|e| format!("--slot-ms: {e}"))?,
            "--history" => args.history = value()?.parse().map_err(|e| format!("--history: {e}"))?,
            "--payer-out" => args.payer_out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if args.port == u16::MAX || args.slot_ms == 0 || args.history == 0 {
        return Err(format!("--port must leave room for PORT+1; --slot-ms and --history must be positive\n{USAGE}"));
    }
    Ok(args)
}

/// Subscription ids counting up from 0: the default random u64 ids overflow JavaScript's safe integers.
#[derive(Debug, Default)]
struct SequentialIds(AtomicU64);

impl IdProvider for SequentialIds {
    fn next_id(&self) -> SubscriptionId<'static> {
        SubscriptionId::Num(self.0.fetch_add(1, Ordering::Relaxed))
    }
}

/// Writes the payer as a Solana CLI keypair file (a JSON array of its 64 bytes).
fn write_payer(cluster: &Shared, path: Option<PathBuf>, port: u16) -> std::io::Result<PathBuf> {
    let path = path.unwrap_or_else(|| std::env::temp_dir().join(format!("tightrope-localnet-{port}")).join("payer.json"));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let bytes = lock(cluster).runtime.payer().to_bytes();
    std::fs::write(&path, serde_json::to_string(&bytes.to_vec()).expect("bytes serialise"))?;
    Ok(path)
}

fn main() {
    let args = parse_args().unwrap_or_else(|message| {
        eprintln!("{message}");
        std::process::exit(2);
    });
    let started = Instant::now();
    // glibc gives each thread that allocates its own arena and keeps freed memory in it; a long-running server
    // with a few worker threads then grows by fragmentation alone. Two arenas, trimmed every so often (see
    // `slot_clock`), keep RSS flat. Must run before any thread starts.
    // Safety: a plain allocator setting, called while the process is still single-threaded.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
    let tokio = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio");
    if let Err(err) = tokio.block_on(serve(args, started)) {
        eprintln!("tightrope-localnet: {err}");
        std::process::exit(1);
    }
}

async fn serve(args: Args, started: Instant) -> Result<(), Box<dyn std::error::Error>> {
    let cluster: Shared = Arc::new(Mutex::new(Cluster::new(args.history)));
    let payer_path = write_payer(&cluster, args.payer_out, args.port)?;
    let module = rpc::module(cluster.clone());
    let mut handles = Vec::new();
    for port in [args.port, args.port + 1] {
        let config = ServerConfig::builder().set_id_provider(SequentialIds::default()).build();
        let server = Server::builder().set_config(config).build(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
        handles.push(server.start(module.clone()));
    }
    println!("RPC URL: http://127.0.0.1:{}", args.port);
    println!("WebSocket URL: ws://127.0.0.1:{}", args.port + 1);
    println!("Payer keypair: {}", payer_path.display());
    println!("Ready in {} ms", started.elapsed().as_millis());

    let ticker = tokio::spawn(slot_clock(cluster, Duration::from_millis(args.slot_ms)));
    shutdown_signal().await;
    ticker.abort();
    for handle in handles {
        let _ = handle.stop();
    }
    Ok(())
}

/// Slots between two returns of freed heap memory to the system.
const TRIM_INTERVAL_SLOTS: u64 = 100;

/// Advances one slot per tick, as a validator's leader schedule would; the Clock follows wall time.
async fn slot_clock(cluster: Shared, slot: Duration) {
    let mut ticks = tokio::time::interval(slot);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticks.tick().await;
    loop {
        ticks.tick().await;
        let slot = {
            let mut cluster = lock(&cluster);
            cluster.advance(1);
            cluster.slot()
        };
        if slot % TRIM_INTERVAL_SLOTS == 0 {
            // Safety: asks glibc to release free memory; it touches no memory the program still uses.
            unsafe {
                libc::malloc_trim(0);
            }
        }
    }
}

async fn shutdown_signal() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}
