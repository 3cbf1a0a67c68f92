namespace OpenEoBridge.Zarr.Writing;

/// <summary>Async mutual exclusion per key (one chunk or shard), so read-modify-write of a chunk is atomic within the process.</summary>
internal sealed class KeyedLock
{
    private readonly Dictionary<object, (SemaphoreSlim Gate, int Users)> _gates = [];

    public async Task<IDisposable> LockAsync(object key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var entry = _gates.TryGetValue(key, out var e) ? e : (new SemaphoreSlim(1, 1), 0);
            _gates[key] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }

        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key);
            throw;
        }

        return new Releaser(this, key, gate);
    }

    private void Leave(object key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1)
            {
                _gates.Remove(key);
            }
            else
            {
                _gates[key] = (gate, users - 1);
            }
        }
    }

    private sealed class Releaser(KeyedLock owner, object key, SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
                owner.Leave(key);
            }
        }
    }
}
