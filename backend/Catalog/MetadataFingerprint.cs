using System.Security.Cryptography;
using System.Text.Json;
using OpenEoBridge.Storage;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// A hash of a store's consolidated metadata (v2 <c>.zmetadata</c>, v3 <c>zarr.json</c> with
/// <c>consolidated_metadata</c>). Appending a time step changes shapes in it, so an unchanged hash means the
/// collection's metadata is unchanged and one small read replaces re-opening the store. Stores without consolidated
/// metadata have no fingerprint and are always re-read. The storage layer exposes no ETag, so the bytes are hashed.
/// </summary>
public static class MetadataFingerprint
{
    public static async Task<string?> ReadAsync(IStore store, string group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var prefixes = group.Length == 0 ? new[] { string.Empty } : [group, string.Empty];
        foreach (var prefix in prefixes)
        {
            if (await store.GetAsync(StoreKey.Join(prefix, ".zmetadata"), cancellationToken).ConfigureAwait(false) is { } v2)
            {
                return Hash(v2);
            }

            if (await store.GetAsync(StoreKey.Join(prefix, "zarr.json"), cancellationToken).ConfigureAwait(false) is { } v3 && IsConsolidated(v3))
            {
                return Hash(v3);
            }
        }

        return null;
    }

    private static bool IsConsolidated(byte[] zarrJson)
    {
        try
        {
            using var document = JsonDocument.Parse(zarrJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("consolidated_metadata", out var consolidated)
                && consolidated.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
