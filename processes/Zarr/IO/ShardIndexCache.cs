namespace OpenEoBridge.Zarr.IO;

/// <summary>LRU of decoded shard indexes (a missing shard is cached as null), bounded by entry count.</summary>
public sealed class ShardIndexCache(int maxEntries)
{
    private readonly object _gate = new();
    private readonly Dictionary<ChunkCacheKey, LinkedListNode<(ChunkCacheKey Key, ulong[]? Index)>> _map = [];
    private readonly LinkedList<(ChunkCacheKey Key, ulong[]? Index)> _lru = new();

    public int MaxEntries { get; } = maxEntries;

    internal Coalescer<ChunkCacheKey, ulong[]?> Loads { get; } = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    internal bool TryGet(ChunkCacheKey key, out ulong[]? index)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                index = node.Value.Index;
                return true;
            }
        }

        index = null;
        return false;
    }

    internal void Add(ChunkCacheKey key, ulong[]? index)
    {
        if (MaxEntries <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.Remove(key, out var old))
            {
                _lru.Remove(old);
            }

            _map[key] = _lru.AddFirst((key, index));
            while (_map.Count > MaxEntries && _lru.Last is { } last)
            {
                _lru.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }

    public void Invalidate(ChunkCacheKey key)
    {
        lock (_gate)
        {
            if (_map.Remove(key, out var node))
            {
                _lru.Remove(node);
            }
        }
    }

    public void InvalidateArray(object store, string arrayPath)
    {
        lock (_gate)
        {
            foreach (var key in _map.Keys.Where(k => ReferenceEquals(k.Store, store) && k.ArrayPath == arrayPath).ToList())
            {
                _lru.Remove(_map[key]);
                _map.Remove(key);
            }
        }
    }
}
