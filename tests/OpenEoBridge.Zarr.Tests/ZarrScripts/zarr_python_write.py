"""Writes a small v2 store with zarr-python 2 for the .NET reader; prints the SHA-256 of each array (little-endian C order).

usage: zarr_python_write.py STORE
"""
import hashlib
import json
import sys

import numpy as np
import zarr

store = sys.argv[1]
root = zarr.open_group(store, mode="w")
root.attrs["title"] = "written by zarr-python"
out = {}
t = (np.arange(7 * 9 * 11, dtype="<f4").reshape(7, 9, 11) * 0.25 - 3).astype("<f4")
a = root.create_dataset("temp", data=t, chunks=(3, 4, 5), fill_value=np.nan)
a.attrs["units"] = "K"
a[6, 8, 10] = np.nan
b = root.create_dataset("counts", shape=(10, 13), chunks=(4, 4), dtype=">i4", fill_value=-1,
                        compressor=zarr.Zstd(level=3), order="F")
b[2:7, 3:11] = np.arange(40, dtype=">i4").reshape(5, 8)
c = root.create_dataset("labels", data=np.array(["red", "grün", "", "blue"], dtype=object), object_codec=__import__("numcodecs").VLenUTF8())
zarr.consolidate_metadata(store)
for name in ("temp", "counts"):
    data = np.ascontiguousarray(root[name][...])
    out[name] = hashlib.sha256(data.astype(data.dtype.newbyteorder("<")).tobytes()).hexdigest()
out["labels"] = list(root["labels"][...])
print(json.dumps(out))
