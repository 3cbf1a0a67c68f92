using OpenEoBridge.Storage;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// Reads stored chunk bytes, into a rented array where the store can (<see cref="IRentedReadStore"/>: local files),
/// so a whole-store scan does not allocate one large array per chunk. Other stores go through <see cref="IStore"/>.
/// </summary>
internal static class StoreChunkReader
{
    /// <summary>The whole object, or null when it is not stored.</summary>
    public static ValueTask<EncodedChunk?> GetAsync(IStore store, string key, CancellationToken cancellationToken) =>
        ReadAsync(store, key, null, cancellationToken);

    /// <summary>
    /// <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the object is not stored. A
    /// short result (object shorter than the range) is returned as is for the caller to report.
    /// </summary>
    public static ValueTask<EncodedChunk?> GetRangeAsync(IStore store, string key, long offset, long count, CancellationToken cancellationToken) =>
        ReadAsync(store, key, ByteRange.Bounded(offset, count), cancellationToken);

    private static async ValueTask<EncodedChunk?> ReadAsync(IStore store, string key, ByteRange? range, CancellationToken cancellationToken)
    {
        if (store is IRentedReadStore pooled)
        {
            var rented = await pooled.GetRentedAsync(key, range, cancellationToken).ConfigureAwait(false);
            return rented is { } r ? new EncodedChunk(r.Array, r.Length, rented: true) : null;
        }

        var bytes = range is { } bounded
            ? await store.GetRangeAsync(key, bounded, cancellationToken).ConfigureAwait(false)
            : await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : EncodedChunk.Owned(bytes);
    }
}
