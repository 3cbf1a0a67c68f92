using System.Collections.Concurrent;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// Recycles decoded-chunk arrays by exact size: chunks of one array all have the same size, and reusing
/// their (large-object-heap) arrays avoids page faults and gen-2 collections on every chunk. Retention is
/// bounded in bytes; buffers beyond it are left to the GC.
/// </summary>
internal sealed class ChunkBufferPool(long maxRetainedBytes)
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> _bySize = new();
    private long _retained;

    public byte[] Rent(int size)
    {
        if (_bySize.TryGetValue(size, out var bag) && bag.TryTake(out var array))
        {
            Interlocked.Add(ref _retained, -size);
            return array;
        }

        return GC.AllocateUninitializedArray<byte>(size);
    }

    public void Return(byte[] array)
    {
        if (Interlocked.Add(ref _retained, array.Length) > maxRetainedBytes)
        {
            Interlocked.Add(ref _retained, -array.Length);
            return;
        }

        _bySize.GetOrAdd(array.Length, _ => []).Add(array);
    }
}
