namespace OpenEoBridge.Storage.Http;

/// <summary>A least-recently-used cache of whole objects, bounded by their total size in bytes.</summary>
internal sealed class WholeObjectCache(long capacityBytes)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Value)> _recency = new();
    private readonly Lock _lock = new();
    private long _size;

    public bool TryGet(string key, out byte[] value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = [];
        return false;
    }

    public void Add(string key, byte[] value)
    {
        if (value.LongLength > capacityBytes)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
                _size -= existing.Value.Value.LongLength;
            }

            while (_size + value.LongLength > capacityBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _size -= oldest.Value.Value.LongLength;
            }

            _entries[key] = _recency.AddFirst((key, value));
            _size += value.LongLength;
        }
    }
}
