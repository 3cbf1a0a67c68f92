namespace OpenEoBridge.Storage;

/// <summary>A store that can create a key only if it does not exist yet, atomically on the server.</summary>
public interface IConditionalStore : IStore
{
    /// <summary>Writes <paramref name="value"/> unless <paramref name="key"/> exists; answers whether it wrote.</summary>
    /// <exception cref="NotSupportedException">The server does not implement conditional writes.</exception>
    ValueTask<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);
}
