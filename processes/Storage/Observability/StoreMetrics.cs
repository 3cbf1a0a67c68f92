using System.Diagnostics;

namespace OpenEoBridge.Storage.Observability;

/// <summary>
/// Running totals of one store's requests, for logs and tests. Every total is also published on the
/// <see cref="StorageInstrumentation.Meter"/>, tagged with the store kind and location, for metrics exporters.
/// </summary>
public sealed class StoreMetrics
{
    private readonly TagList _tags;
    private long _requests;
    private long _failedRequests;
    private long _retries;
    private long _bytesRead;
    private long _bytesWritten;
    private long _latencyTicks;

    public StoreMetrics(string storeKind, string location)
    {
        StoreKind = storeKind;
        Location = location;
        _tags = new TagList { { "store.kind", storeKind }, { "store.location", location } };
    }

    public string StoreKind { get; }

    public string Location { get; }

    public StoreMetricsSnapshot Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _failedRequests),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _bytesRead),
        Interlocked.Read(ref _bytesWritten),
        TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks)));

    public override string ToString() => $"{StoreKind} {Location}: {Snapshot()}";

    /// <summary>One request sent to the server (every attempt counts, retries included).</summary>
    internal void RecordRequest(string operation, TimeSpan latency, bool failed)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _latencyTicks, latency.Ticks);
        var tags = _tags;
        tags.Add("operation", operation);
        tags.Add("outcome", failed ? "failure" : "success");
        StorageInstrumentation.Requests.Add(1, tags);
        StorageInstrumentation.Latency.Record(latency.TotalSeconds, tags);
        if (failed)
        {
            Interlocked.Increment(ref _failedRequests);
        }
    }

    internal void RecordRetry(string operation)
    {
        Interlocked.Increment(ref _retries);
        var tags = _tags;
        tags.Add("operation", operation);
        StorageInstrumentation.Retries.Add(1, tags);
    }

    internal void RecordBytesRead(long count)
    {
        Interlocked.Add(ref _bytesRead, count);
        var tags = _tags;
        tags.Add("direction", "read");
        StorageInstrumentation.Bytes.Add(count, tags);
    }

    internal void RecordBytesWritten(long count)
    {
        Interlocked.Add(ref _bytesWritten, count);
        var tags = _tags;
        tags.Add("direction", "write");
        StorageInstrumentation.Bytes.Add(count, tags);
    }
}
