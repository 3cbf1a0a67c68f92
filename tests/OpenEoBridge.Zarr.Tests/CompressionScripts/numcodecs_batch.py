"""Runs numcodecs (Debian python3-numcodecs, bundling c-blosc 1.x) over a batch of files for the codec tests.

Usage: numcodecs_batch.py JOBS.json
JOBS.json is a list of {"op": "decode"|"encode"|"sha256", "codec": {numcodecs config}, "input": path,
"output": path (decode/encode), "dtype": numpy dtype for encode (sets Blosc's typesize)}.
Prints a JSON list with one entry per job: the sha256 of the decoded bytes for "sha256", else null.
"""
import hashlib
import json
import sys

import numcodecs
import numpy as np


def run(job):
    codec = numcodecs.get_codec(dict(job["codec"]))
    with open(job["input"], "rb") as f:
        data = f.read()
    op = job["op"]
    if op == "sha256":
        return hashlib.sha256(bytes(codec.decode(data))).hexdigest()
    if op == "decode":
        out = bytes(codec.decode(data))
    elif op == "encode":
        out = bytes(codec.encode(np.frombuffer(data, dtype=job.get("dtype", "u1"))))
    else:
        raise ValueError(f"unknown op {op}")
    with open(job["output"], "wb") as f:
        f.write(out)
    return None


def main():
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    json.dump([run(job) for job in jobs], sys.stdout)


if __name__ == "__main__":
    main()
