namespace OpenEoBridge.Storage;

/// <summary>
/// A store that can read into an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>: a whole-store
/// scan would otherwise allocate one large-object-heap array per object, and the page faults and zeroing of that
/// fresh memory cost about as much CPU as a third of a Blosc decode.
/// </summary>
public interface IRentedReadStore : IStore
{
    /// <summary>
    /// The object (or <paramref name="range"/> of it), or null when it is not stored. The caller returns
    /// <see cref="RentedBytes.Array"/> to the shared pool. A result shorter than the range (the object shrank
    /// while it was read) is returned as is for the caller to report.
    /// </summary>
    ValueTask<RentedBytes?> GetRentedAsync(string key, ByteRange? range, CancellationToken cancellationToken = default);
}
