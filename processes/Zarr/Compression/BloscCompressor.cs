namespace OpenEoBridge.Zarr.Compression;

/// <summary>The inner compressors a c-blosc 1.x frame can name in its flags byte.</summary>
public enum BloscCompressor
{
    BloscLz,
    Lz4,
    Lz4Hc,
    Zlib,
    Zstd,
}
