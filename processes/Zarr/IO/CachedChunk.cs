using OpenEoBridge.Zarr.Chunks;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// A decoded chunk shared by the cache and concurrent readers. Reference counted: its bytes return to the
/// <see cref="MemoryBudget"/> when the cache has evicted it and the last reader has released it.
/// </summary>
public sealed class CachedChunk
{
    private readonly MemoryBudget? _budget;
    private int _references = 1;

    private readonly Action? _onReleased;

    internal CachedChunk(ChunkBuffer? buffer, long bytes, MemoryBudget? budget, Action? onReleased = null)
    {
        Buffer = buffer;
        Bytes = bytes;
        _budget = budget;
        _onReleased = onReleased;
    }

    /// <summary>The decoded chunk, or null when the chunk is not stored (reads as the fill value).</summary>
    public ChunkBuffer? Buffer { get; }

    /// <summary>Bytes charged to the budget.</summary>
    public long Bytes { get; }

    internal bool TryPin()
    {
        while (true)
        {
            var n = Volatile.Read(ref _references);
            if (n == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, n + 1, n) == n)
            {
                return true;
            }
        }
    }

    internal void Unpin()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _onReleased?.Invoke();
            _budget?.Release(Bytes);
        }
    }
}

/// <summary>A reader's hold on a <see cref="CachedChunk"/>; dispose to let the budget reclaim it.</summary>
public readonly struct ChunkLease(CachedChunk chunk) : IDisposable
{
    public ChunkBuffer? Buffer => chunk.Buffer;

    public void Dispose() => chunk.Unpin();
}
