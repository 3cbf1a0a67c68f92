"""Reads arrays with zarr-python 2 (Debian python3-zarr) and prints their SHA-256 (little-endian C order), shape and attributes.

usage: zarr_python_read.py STORE [consolidated|plain] PATH...
"""
import hashlib
import json
import sys

import numpy as np
import zarr

store, mode, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
root = zarr.open_consolidated(store, mode="r") if mode == "consolidated" else zarr.open(store, mode="r")
out = {}
for p in paths:
    a = root[p] if p else root
    data = np.ascontiguousarray(a[...])
    if data.dtype.kind in "OU":
        out[p] = {"values": [str(v) for v in data.ravel()], "shape": list(a.shape), "attrs": dict(a.attrs)}
        continue
    le = data.astype(data.dtype.newbyteorder("<"), copy=False)
    out[p] = {"sha256": hashlib.sha256(le.tobytes()).hexdigest(), "shape": list(a.shape), "dtype": a.dtype.str, "attrs": dict(a.attrs)}
print(json.dumps(out))
