namespace OpenEoBridge.Storage.Observability;

/// <summary>The totals of a <see cref="StoreMetrics"/> at one moment.</summary>
public readonly record struct StoreMetricsSnapshot(
    long Requests,
    long FailedRequests,
    long Retries,
    long BytesRead,
    long BytesWritten,
    TimeSpan TotalLatency)
{
    public TimeSpan MeanLatency => Requests == 0 ? TimeSpan.Zero : TotalLatency / Requests;

    public override string ToString() =>
        $"{Requests} requests ({FailedRequests} failed, {Retries} retries), {BytesRead} B read, {BytesWritten} B written, mean latency {MeanLatency.TotalMilliseconds:F1} ms";
}
