// Reads arrays of a Zarr v3 store with zarrita.js and prints SHA-256 (little-endian C order), shape and attributes as JSON.
//   node zarr-read.mjs STORE PATH...
import { createHash } from "node:crypto";
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";

const [storeDir, ...paths] = process.argv.slice(2);
const out = {};
for (const p of paths) {
  const store = new FileSystemStore(storeDir);
  const loc = p ? zarr.root(store).resolve(p) : zarr.root(store);
  const arr = await zarr.open(loc, { kind: "array" });
  const chunk = await zarr.get(arr);
  const { data, shape, stride } = chunk;
  if (arr.dtype === "string" || arr.dtype === "v2:object") {
    out[p] = { values: Array.from(data), shape: arr.shape, attrs: arr.attrs };
    continue;
  }
  const cStride = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  let view = ArrayBuffer.isView(data) ? data : new Uint8Array(data.buffer);
  if (stride.some((s, i) => s !== cStride[i])) {
    const n = shape.reduce((a, b) => a * b, 1);
    const c = new view.constructor(n);
    for (let flat = 0; flat < n; flat++) {
      let rem = flat, src = 0;
      for (let d = 0; d < shape.length; d++) { const i = Math.floor(rem / cStride[d]); rem %= cStride[d]; src += i * stride[d]; }
      c[flat] = view[src];
    }
    view = c;
  }
  const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  out[p] = { sha256: createHash("sha256").update(bytes).digest("hex"), shape: arr.shape, dtype: arr.dtype, attrs: arr.attrs };
}
console.log(JSON.stringify(out));
