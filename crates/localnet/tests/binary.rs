//! The binary as a process: start-up lines, argument errors, and JSON-RPC protocol errors over raw HTTP (the
//! TypeScript suite covers every method through web3.js).
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Localnet {
    child: Child,
    port: u16,
    lines: Vec<String>,
}

impl Drop for Localnet {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port whose successor is free too, on loopback.
fn free_port_pair() -> u16 {
    loop {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
}

fn start() -> Localnet {
    let port = free_port_pair();
    let payer = std::env::temp_dir().join(format!("tightrope-localnet-test-{port}.json"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tightrope-localnet"))
        .args(["--port", &port.to_string(), "--payer-out", payer.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tightrope-localnet");
    let mut lines = Vec::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    while !lines.last().is_some_and(|line: &String| line.starts_with("Ready")) {
        let mut line = String::new();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "exited before ready: {lines:?}");
        lines.push(line.trim_end().to_string());
    }
    Localnet { child, port, lines }
}

/// One HTTP/1.1 POST with `body`; returns the response body.
fn post(port: u16, body: &str) -> serde_json::Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let body = response.split_once("\r\n\r\n").expect("HTTP response").1;
    serde_json::from_str(body).unwrap_or_else(|err| panic!("{err}: {response}"))
}

#[test]
fn prints_its_endpoints_and_payer_then_serves() {
    let net = start();
    let port = net.port;
    assert_eq!(net.lines[0], format!("RPC URL: http://127.0.0.1:{port}"));
    assert_eq!(net.lines[1], format!("WebSocket URL: ws://127.0.0.1:{}", port + 1));
    let payer_path = net.lines[2].strip_prefix("Payer keypair: ").expect("payer line");
    let payer: Vec<u8> = serde_json::from_str(&std::fs::read_to_string(payer_path).unwrap()).unwrap();
    assert_eq!(payer.len(), 64);
    let health = post(port, r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#);
    assert_eq!(health["result"], "ok");
    // The WebSocket port answers plain HTTP JSON-RPC too.
    assert_eq!(post(port + 1, r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#)["result"], "ok");
}

#[test]
fn protocol_errors_get_json_rpc_codes_and_the_server_keeps_serving() {
    let net = start();
    let cases = [
        (r#"{"jsonrpc":"2.0","id":1,"method":"getHealth""#, -32700),
        (r#"{"jsonrpc":"2.0","id":1,"method":"getNothing"}"#, -32601),
        (r#"{"jsonrpc":"2.0","id":1,"method":"getBalance","params":[42]}"#, -32602),
        (r#"{"jsonrpc":"2.0","id":1,"method":"getBalance","params":["not-a-key"]}"#, -32602),
        (r#"{"jsonrpc":"2.0","id":1,"method":"sendTransaction","params":["!!!"]}"#, -32602),
    ];
    for (request, code) in cases {
        let response = post(net.port, request);
        assert_eq!(response["error"]["code"], code, "{request} -> {response}");
        assert_eq!(post(net.port, r#"{"jsonrpc":"2.0","id":2,"method":"getSlot"}"#)["error"], serde_json::Value::Null);
    }
}

#[test]
fn bad_arguments_exit_with_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_tightrope-localnet")).arg("--port").arg("x").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--port"));
}
