namespace OpenEoBridge.Storage;

/// <summary>
/// A key/value store of byte objects: the one abstraction under Zarr arrays, job results and the bridge.
/// Keys use <c>/</c> as separator, never start with <c>/</c> and never contain <c>.</c> or <c>..</c> segments.
/// Missing keys are not errors: reads answer <c>null</c>.
/// </summary>
public interface IStore
{
    /// <summary>A short description for logs and error messages (e.g. <c>file:///data/x.zarr</c>).</summary>
    string Location { get; }

    /// <summary>Whether <see cref="SetAsync"/> and <see cref="DeleteAsync"/> are allowed.</summary>
    bool IsWritable { get; }

    /// <summary>Whether <see cref="ListAsync"/> is supported (HTTP stores cannot list).</summary>
    bool CanList { get; }

    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default);

    ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key; deleting a missing key is not an error.</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default);

    ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>All keys under <paramref name="prefix"/> (recursively), in no guaranteed order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
