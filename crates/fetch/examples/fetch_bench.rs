//! Fetch throughput against local servers: HOSTS servers on 127.0.0.1 (one port each,
//! so one "host" each for politeness), PAGES pages fetched over all of them with the
//! per-host delay DELAY_MS (one request at a time per host, as always).
//!
//! `cargo run --release -p storyline-fetch --example fetch_bench -- [HOSTS] [PAGES] [DELAY_MS]`

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use storyline_fetch::{Config, Fetcher, Validators};

fn serve(body: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { return };
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut req = Vec::new();
                loop {
                    let n = match s.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => n,
                    };
                    req.extend_from_slice(&buf[..n]);
                    while let Some(end) = req.windows(4).position(|w| w == b"\r\n\r\n") {
                        req.drain(..end + 4);
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
                            body.len()
                        );
                        if s.write_all(head.as_bytes()).is_err() || s.write_all(body).is_err() {
                            return;
                        }
                    }
                }
            });
        }
    });
    base
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let hosts = args.first().copied().unwrap_or(100);
    let pages = args.get(1).copied().unwrap_or(20_000);
    let delay = args.get(2).copied().unwrap_or(0) as u64;
    let body: &'static [u8] = Box::leak(
        format!(
            "<html><body><article><h1>Bench</h1>{}</article></body></html>",
            "<p>The river rose through the night and crews worked to hold the levee.</p>"
                .repeat(60)
        )
        .into_bytes()
        .into_boxed_slice(),
    );
    let bases: Vec<String> = (0..hosts).map(|_| serve(body)).collect();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let fetcher = Fetcher::new(Config {
        host_delay: Duration::from_millis(delay),
        ..Config::default()
    })
    .expect("fetcher");
    let started = Instant::now();
    let (ok, bytes) = rt.block_on(async {
        let mut set = tokio::task::JoinSet::new();
        for i in 0..pages {
            let f = fetcher.clone();
            let url = format!("{}/page/{i}", bases[i % hosts]);
            set.spawn(async move { f.fetch(&url, &Validators::default()).await });
        }
        let (mut ok, mut bytes) = (0usize, 0usize);
        while let Some(r) = set.join_next().await {
            if let Ok(Ok(resp)) = r.map(|f| f.result) {
                ok += 1;
                bytes += resp.body.len();
            }
        }
        (ok, bytes)
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{ok}/{pages} pages from {hosts} hosts (delay {delay} ms per host) in {secs:.2} s: {:.0} pages/s, {:.1} MB/s",
        ok as f64 / secs,
        bytes as f64 / secs / 1e6
    );
}
