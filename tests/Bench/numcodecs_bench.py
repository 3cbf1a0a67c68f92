"""numcodecs side of `OpenEoBridge.Bench codecs`: prepares codec variants of one array's chunks and times them.

  prepare: decode every chunk of --store/--array with numcodecs and re-encode it with each variant codec into
           --work/<variant>/<chunk>; writes --work/manifest.json (variant -> numcodecs config, files, raw bytes).
  measure: times numcodecs decode of every variant (into preallocated buffers, Blosc's own threads off) on 1
           thread and on --threads Python threads, best of --repeat runs; prints JSON {variant: {"1": MB/s, "cpu": MB/s per CPU-second on 1 thread, "N": MB/s}} (MB = 1e6 bytes
           of decoded output).
Run with Debian's /usr/bin/python3 (python3-numcodecs, c-blosc 1.x).
"""
import argparse
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import numcodecs
import numpy as np

VARIANTS = {
    "blosc-lz4-shuffle": None,  # the chunks exactly as stored (zarr-python 2 default)
    "blosc-zstd-shuffle": {"id": "blosc", "cname": "zstd", "clevel": 5, "shuffle": 1, "blocksize": 0},
    "blosc-lz4-bitshuffle": {"id": "blosc", "cname": "lz4", "clevel": 5, "shuffle": 2, "blocksize": 0},
    "zstd": {"id": "zstd", "level": 0},  # zarr-python 3 default compressor
    "gzip": {"id": "gzip", "level": 5},
}


def chunk_files(folder):
    return sorted(f for f in os.listdir(folder) if not f.startswith("."))


def prepare(args):
    folder = os.path.join(args.store, args.array)
    with open(os.path.join(folder, ".zarray")) as f:
        zarray = json.load(f)
    stored = numcodecs.get_codec(zarray["compressor"])
    files = chunk_files(folder)[: args.max_chunks]
    manifest = {"store": os.path.abspath(args.store), "array": args.array, "dtype": zarray["dtype"], "variants": {}}
    for name, config in VARIANTS.items():
        out_dir = os.path.join(args.work, name)
        os.makedirs(out_dir, exist_ok=True)
        codec = numcodecs.get_codec(dict(config)) if config else stored
        raw_total = 0
        paths = []
        for fname in files:
            with open(os.path.join(folder, fname), "rb") as f:
                blob = f.read()
            raw = np.frombuffer(bytes(stored.decode(blob)), dtype=zarray["dtype"])
            raw_total += raw.nbytes
            target = os.path.join(out_dir, fname)
            if not os.path.exists(target):
                with open(target, "wb") as f:
                    f.write(blob if config is None else bytes(codec.encode(raw)))
            paths.append(target)
        manifest["variants"][name] = {"codec": codec.get_config(), "files": paths, "raw_bytes": raw_total}
    with open(os.path.join(args.work, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


def best_seconds(fn, repeat):
    """Fastest wall and process-CPU time of `repeat` runs after a warm-up: on a shared machine the minimum is the
    least disturbed run, and CPU time (not inflated by other processes) gives throughput per core."""
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def measure(args):
    numcodecs.blosc.use_threads = False
    numcodecs.blosc.set_nthreads(1)
    with open(os.path.join(args.work, "manifest.json")) as f:
        manifest = json.load(f)
    results = {}
    for name, variant in manifest["variants"].items():
        if args.variant and name != args.variant:
            continue
        codec = numcodecs.get_codec(dict(variant["codec"]))
        blobs = []
        for path in variant["files"]:
            with open(path, "rb") as f:
                blobs.append(f.read())
        chunk_bytes = variant["raw_bytes"] // len(blobs)
        buffers = [np.empty(chunk_bytes, dtype=np.uint8) for _ in range(args.threads)]

        def decode(worker, count):
            buf = buffers[worker]
            for blob in blobs[worker::count]:
                codec.decode(blob, out=buf)

        def one():
            decode(0, 1)

        def many():
            with ThreadPoolExecutor(args.threads) as pool:
                list(pool.map(lambda w: decode(w, args.threads), range(args.threads)))

        raw = variant["raw_bytes"]
        wall1, cpu1 = best_seconds(one, args.repeat)
        wall_n, _ = best_seconds(many, args.repeat)
        results[name] = {"1": raw / wall1 / 1e6, "cpu": raw / cpu1 / 1e6, str(args.threads): raw / wall_n / 1e6}
    print(json.dumps(results))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["prepare", "measure"])
    ap.add_argument("--store", default=None)
    ap.add_argument("--array", default="precip")
    ap.add_argument("--work", required=True)
    ap.add_argument("--max-chunks", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--variant", default=None, help="measure only this variant")
    args = ap.parse_args()
    (prepare if args.command == "prepare" else measure)(args)


if __name__ == "__main__":
    main()
