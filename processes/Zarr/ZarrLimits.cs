namespace OpenEoBridge.Zarr;

/// <summary>
/// Safety caps applied to untrusted metadata and chunk bytes. Defaults allow any realistic store while
/// stopping shape × itemsize overflows and decompression bombs before they allocate.
/// </summary>
public sealed record ZarrLimits
{
    public static ZarrLimits Default { get; } = new();

    /// <summary>Largest decoded chunk (or shard, when a whole shard must be decoded) in bytes.</summary>
    public long MaxChunkBytes { get; init; } = 1L << 30;

    /// <summary>Largest output any single decompression step may produce.</summary>
    public long MaxDecompressedBytes { get; init; } = 1L << 30;

    /// <summary>Largest metadata document read (zarr.json, .zarray, .zmetadata).</summary>
    public int MaxMetadataBytes { get; init; } = 64 << 20;

    /// <summary>Most dimensions an array may declare.</summary>
    public int MaxDimensions { get; init; } = 32;

    /// <summary>Most inner chunks one shard may index.</summary>
    public long MaxChunksPerShard { get; init; } = 1 << 24;
}
