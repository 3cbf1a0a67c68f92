using Microsoft.Extensions.Options;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>Admits at most <see cref="SyncProcessingOptions.MaxConcurrentRequests"/> synchronous computations; never queues.</summary>
public sealed class SyncProcessingLimiter(IOptions<SyncProcessingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRequests, options.Value.MaxConcurrentRequests);

    /// <summary>A slot to release by disposing, or null when all are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
