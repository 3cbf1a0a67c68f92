using System.Collections.Concurrent;

namespace OpenEoBridge.Storage.Memory;

/// <summary>A store held in memory: for tests, scratch results and small generated data.</summary>
public sealed class MemoryStore : IStore
{
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public string Location { get; } = "memory://" + Guid.NewGuid().ToString("N");

    public bool IsWritable => true;

    public bool CanList => true;

    public int Count => _values.Count;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_values.TryGetValue(StoreKey.Validate(key), out var value) ? value.ToArray() : null);

    public ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default)
    {
        if (!_values.TryGetValue(StoreKey.Validate(key), out var value))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        var (start, count) = range.Resolve(value.Length);
        return ValueTask.FromResult<byte[]?>(value.AsSpan((int)start, (int)count).ToArray());
    }

    public ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        _values[StoreKey.Validate(key)] = value.ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _values.TryRemove(StoreKey.Validate(key), out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_values.ContainsKey(StoreKey.Validate(key)));

    public async IAsyncEnumerable<string> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in _values.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (prefix.Length == 0 || key.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal) || key == prefix)
            {
                yield return key;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
