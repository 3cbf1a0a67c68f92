namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// The resources every array opened with it shares: one memory budget for decoded chunks, one decoded-chunk
/// LRU cache, one shard-index cache, request coalescing, and global limits on concurrent store requests and
/// concurrent decodes. Create one per process (or use <see cref="Shared"/>) so that the limits hold across
/// all concurrent jobs rather than per call.
/// </summary>
public sealed class ZarrContext
{
    public ZarrContext(ZarrContextOptions? options = null)
    {
        Options = options ?? new ZarrContextOptions();
        Budget = new MemoryBudget(Options.MemoryBudgetBytes);
        Cache = new DecodedChunkCache(Math.Min(Options.CacheBytes, Options.MemoryBudgetBytes), Budget);
        ShardIndexes = new ShardIndexCache(Options.ShardIndexCacheEntries);
        IoSlots = new SemaphoreSlim(Options.MaxConcurrentRequests);
        DecodeSlots = new SemaphoreSlim(Options.MaxConcurrentDecodes);
        Buffers = new ChunkBufferPool(Math.Min(Options.MemoryBudgetBytes / 4, 256L << 20));
    }

    /// <summary>The process-wide default context.</summary>
    public static ZarrContext Shared { get; } = new();

    public ZarrContextOptions Options { get; }

    public ZarrLimits Limits => Options.Limits;

    public MemoryBudget Budget { get; }

    public DecodedChunkCache Cache { get; }

    public ShardIndexCache ShardIndexes { get; }

    /// <summary>Number of chunk loads that joined an already running load of the same chunk.</summary>
    public long CoalescedLoads => ChunkLoads.Coalesced;

    /// <summary>Number of chunks decoded so far (cache hits and coalesced requests do not decode).</summary>
    public long ChunkDecodes => Interlocked.Read(ref _chunkDecodes);

    private long _chunkDecodes;

    internal void CountDecode() => Interlocked.Increment(ref _chunkDecodes);

    internal ChunkBufferPool Buffers { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(object Store, string Path), long> _writeEpochs = new();

    /// <summary>Changes whenever a chunk of the array is rewritten; loads that straddle a write are not cached.</summary>
    internal long WriteEpoch(object store, string path) => _writeEpochs.TryGetValue((store, path), out var e) ? e : 0;

    internal void BumpWriteEpoch(object store, string path) => _writeEpochs.AddOrUpdate((store, path), 1, (_, e) => e + 1);

    internal SemaphoreSlim IoSlots { get; }

    internal SemaphoreSlim DecodeSlots { get; }

    internal Coalescer<ChunkCacheKey, CachedChunk> ChunkLoads { get; } = new();

    internal Writing.KeyedLock WriteLocks { get; } = new();
}

/// <summary>Sizing of a <see cref="ZarrContext"/>.</summary>
public sealed record ZarrContextOptions
{
    /// <summary>Most decoded chunk bytes alive at once across all requests (cache plus chunks being copied).</summary>
    public long MemoryBudgetBytes { get; init; } = 1L << 30;

    /// <summary>Upper bound of the decoded-chunk cache (clamped to the budget).</summary>
    public long CacheBytes { get; init; } = 512L << 20;

    public int ShardIndexCacheEntries { get; init; } = 4096;

    /// <summary>Concurrent store requests (I/O-bound; high for object stores).</summary>
    public int MaxConcurrentRequests { get; init; } = 64;

    /// <summary>Concurrent chunk decodes (CPU-bound).</summary>
    public int MaxConcurrentDecodes { get; init; } = Environment.ProcessorCount;

    public ZarrLimits Limits { get; init; } = ZarrLimits.Default;

    /// <summary>
    /// Whether a read that covers whole chunks decodes them straight into the caller's buffer (byte-shuffled
    /// Blosc chunks are unshuffled block by block into their rows) instead of through the decoded-chunk cache.
    /// Such chunks are then neither cached nor coalesced with concurrent loads that start at the same moment,
    /// but a chunk already cached or being loaded is still taken from there.
    /// </summary>
    public bool DirectWholeChunkReads { get; init; } = true;
}
