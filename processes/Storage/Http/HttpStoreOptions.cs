using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.Http;

/// <summary>Settings of <see cref="HttpStore"/>s; bound from configuration.</summary>
public sealed class HttpStoreOptions
{
    /// <summary>
    /// Memory for whole objects fetched from servers that ignore <c>Range</c> (so that reading many ranges of one
    /// object downloads it once). Objects larger than this are not kept.
    /// </summary>
    public long WholeObjectCacheBytes { get; set; } = 64 * 1024 * 1024;

    public StoreResilienceOptions Resilience { get; set; } = new();
}
