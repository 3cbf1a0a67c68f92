namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// A byte budget for decoded chunk data shared by every request of a <see cref="ZarrContext"/>. Decoders
/// acquire before allocating and release when the last user (cache or reader) lets go, so
/// <see cref="CurrentBytes"/> is the decoded data actually alive. When the budget is short the cache is
/// asked to evict; otherwise acquirers wait. A single chunk larger than the whole budget is admitted only
/// when nothing else is held.
/// </summary>
public sealed class MemoryBudget
{
    private readonly object _gate = new();
    private TaskCompletionSource _released = NewSignal();
    private long _current;
    private long _peak;

    public MemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    public long CurrentBytes => Interlocked.Read(ref _current);

    /// <summary>Highest <see cref="CurrentBytes"/> seen since creation or <see cref="ResetPeak"/>.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Called with the number of bytes needed when the budget is short (the decoded-chunk cache evicts).</summary>
    internal Action<long>? Evictor { get; set; }

    public void ResetPeak()
    {
        lock (_gate)
        {
            _peak = _current;
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> fit, then charges them.</summary>
    public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (TryCharge(bytes))
                {
                    return;
                }

                wait = _released.Task;
            }

            Evictor?.Invoke(bytes);
            lock (_gate)
            {
                if (TryCharge(bytes))
                {
                    return;
                }

                wait = _released.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _current -= bytes;
            signal = _released;
            _released = NewSignal();
        }

        signal.TrySetResult();
    }

    private bool TryCharge(long bytes)
    {
        if (_current + bytes > CapacityBytes && _current > 0)
        {
            return false;
        }

        _current += bytes;
        if (_current > _peak)
        {
            _peak = _current;
        }

        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
