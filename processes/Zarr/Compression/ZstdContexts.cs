using ZstdSharp;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// One zstd decompression context per thread: creating a context costs far more than decoding a small
/// Blosc stream, and contexts are not thread-safe.
/// </summary>
internal static class ZstdContexts
{
    [ThreadStatic]
    private static Decompressor? decompressor;

    public static Decompressor Decompressor => decompressor ??= new Decompressor();
}
