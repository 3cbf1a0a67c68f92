namespace OpenEoBridge.Zarr.Compression;

/// <summary>Raised when encoded chunk bytes are malformed, truncated or would decode past a size cap.</summary>
public sealed class ZarrCodecException : Exception
{
    public ZarrCodecException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
