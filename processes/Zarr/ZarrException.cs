namespace OpenEoBridge.Zarr;

/// <summary>Base type of every error the Zarr layer raises for bad or unsupported stores.</summary>
public class ZarrException : Exception
{
    public ZarrException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Metadata that is missing, malformed, contradictory or exceeds a safety cap.</summary>
public sealed class ZarrMetadataException : ZarrException
{
    public ZarrMetadataException(string path, string message, Exception? inner = null)
        : base($"Zarr metadata at '{(path.Length == 0 ? "/" : path)}': {message}", inner)
    {
        Path = path;
    }

    /// <summary>The node path inside the store ('' for the root).</summary>
    public string Path { get; }
}

/// <summary>A store or feature that is recognised but deliberately not supported (Icechunk, GDAL v3 drafts, pickle, Blosc2, ...).</summary>
public sealed class ZarrUnsupportedException : ZarrException
{
    public ZarrUnsupportedException(string message)
        : base(message)
    {
    }
}

/// <summary>A chunk whose stored bytes cannot be decoded (truncated, corrupt, lying metadata, decompression bomb).</summary>
public sealed class ZarrChunkException : ZarrException
{
    public ZarrChunkException(string arrayPath, string chunkKey, string message, Exception? inner = null)
        : base($"Array '{(arrayPath.Length == 0 ? "/" : arrayPath)}', chunk '{chunkKey}': {message}", inner)
    {
        ArrayPath = arrayPath;
        ChunkKey = chunkKey;
    }

    public string ArrayPath { get; }

    /// <summary>The store key of the chunk (for sharded arrays: the shard key plus the inner chunk index).</summary>
    public string ChunkKey { get; }
}
