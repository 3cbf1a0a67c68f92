using System.Collections.Concurrent;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// Runs one load per key at a time: concurrent callers for the same key share the running task. If the
/// caller that started the load is cancelled, the others retry with their own tokens.
/// </summary>
internal sealed class Coalescer<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _inFlight = new();

    public long Coalesced => Interlocked.Read(ref _coalesced);

    private long _coalesced;

    /// <summary>Whether a load of <paramref name="key"/> is running now (joining it beats loading again).</summary>
    public bool IsInFlight(TKey key) => _inFlight.ContainsKey(key);

    public async Task<TValue> RunAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken) =>
        (await RunAsync(key, load, null, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Joins or starts the load of <paramref name="key"/>. <c>Created</c> tells the caller it started the load
    /// (and so owns whatever the load hands over); if that caller gives up, <paramref name="abandoned"/> receives
    /// the value once the load finishes so it can be released.
    /// </summary>
    public async Task<(TValue Value, bool Created)> RunAsync(TKey key, Func<CancellationToken, Task<TValue>> load, Action<TValue>? abandoned, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var created = false;
            var lazy = _inFlight.GetOrAdd(key, _ =>
            {
                created = true;
                return new Lazy<Task<TValue>>(() => LoadAsync(key, load, cancellationToken));
            });
            if (!created)
            {
                Interlocked.Increment(ref _coalesced);
            }

            try
            {
                return (await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false), created);
            }
            catch (OperationCanceledException) when (created)
            {
                if (abandoned is not null)
                {
                    _ = lazy.Value.ContinueWith(t => abandoned(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                }

                throw;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Another caller's cancellation ended the shared load; ours is still wanted.
            }
        }
    }

    private async Task<TValue> LoadAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        try
        {
            return await load(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }
}
