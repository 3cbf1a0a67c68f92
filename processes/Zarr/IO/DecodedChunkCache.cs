namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// LRU cache of decoded chunks bounded in bytes. Cached bytes are charged to the shared
/// <see cref="MemoryBudget"/>, which asks this cache to evict when a decoder needs room.
/// </summary>
public sealed class DecodedChunkCache
{
    private readonly object _gate = new();
    private readonly Dictionary<ChunkCacheKey, LinkedListNode<(ChunkCacheKey Key, CachedChunk Chunk)>> _map = [];
    private readonly LinkedList<(ChunkCacheKey Key, CachedChunk Chunk)> _lru = new();
    private long _bytes;

    public DecodedChunkCache(long maxBytes, MemoryBudget budget)
    {
        MaxBytes = maxBytes;
        budget.Evictor = EvictAtLeast;
    }

    public long MaxBytes { get; }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

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

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    private long _hits;
    private long _misses;

    /// <summary>A pinned cached chunk, or null.</summary>
    internal CachedChunk? TryGetPinned(ChunkCacheKey key)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node) && node.Value.Chunk.TryPin())
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return node.Value.Chunk;
            }
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Whether the chunk is cached (without touching its LRU position or the hit counters).</summary>
    internal bool Contains(ChunkCacheKey key)
    {
        lock (_gate)
        {
            return _map.ContainsKey(key);
        }
    }

    /// <summary>Takes over the creator's reference of <paramref name="chunk"/> (or drops it when caching is off).</summary>
    internal void Add(ChunkCacheKey key, CachedChunk chunk)
    {
        if (MaxBytes <= 0 || chunk.Bytes > MaxBytes)
        {
            chunk.Unpin();
            return;
        }

        var evicted = new List<CachedChunk>();
        lock (_gate)
        {
            if (_map.Remove(key, out var old))
            {
                _lru.Remove(old);
                _bytes -= old.Value.Chunk.Bytes;
                evicted.Add(old.Value.Chunk);
            }

            _map[key] = _lru.AddFirst((key, chunk));
            _bytes += chunk.Bytes;
            while (_bytes > MaxBytes && _lru.Last is { } last)
            {
                RemoveNode(last, evicted);
            }
        }

        evicted.ForEach(c => c.Unpin());
    }

    /// <summary>Drops one chunk (after a write).</summary>
    public void Invalidate(ChunkCacheKey key)
    {
        CachedChunk? dropped = null;
        lock (_gate)
        {
            if (_map.Remove(key, out var node))
            {
                _lru.Remove(node);
                _bytes -= node.Value.Chunk.Bytes;
                dropped = node.Value.Chunk;
            }
        }

        dropped?.Unpin();
    }

    /// <summary>Drops every chunk of one array (after its metadata changed).</summary>
    public void InvalidateArray(object store, string arrayPath)
    {
        var evicted = new List<CachedChunk>();
        lock (_gate)
        {
            foreach (var key in _map.Keys.Where(k => ReferenceEquals(k.Store, store) && k.ArrayPath == arrayPath).ToList())
            {
                RemoveNode(_map[key], evicted);
            }
        }

        evicted.ForEach(c => c.Unpin());
    }

    public void Clear()
    {
        var evicted = new List<CachedChunk>();
        lock (_gate)
        {
            while (_lru.Last is { } last)
            {
                RemoveNode(last, evicted);
            }
        }

        evicted.ForEach(c => c.Unpin());
    }

    private void EvictAtLeast(long bytes)
    {
        var evicted = new List<CachedChunk>();
        long freed = 0;
        lock (_gate)
        {
            while (freed < bytes && _lru.Last is { } last)
            {
                freed += last.Value.Chunk.Bytes;
                RemoveNode(last, evicted);
            }
        }

        evicted.ForEach(c => c.Unpin());
    }

    private void RemoveNode(LinkedListNode<(ChunkCacheKey Key, CachedChunk Chunk)> node, List<CachedChunk> evicted)
    {
        _lru.Remove(node);
        _map.Remove(node.Value.Key);
        _bytes -= node.Value.Chunk.Bytes;
        evicted.Add(node.Value.Chunk);
    }
}

/// <summary>Identity of a chunk across all arrays of a context: the store object, the array path and the chunk id.</summary>
public readonly record struct ChunkCacheKey(object Store, string ArrayPath, string ChunkId);
