using System.Diagnostics.Metrics;

namespace OpenEoBridge.Storage.Observability;

/// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the storage layer (name <c>OpenEoBridge.Storage</c>).</summary>
public static class StorageInstrumentation
{
    public const string MeterName = "OpenEoBridge.Storage";

    public static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("openeo.storage.requests", "{request}", "Requests sent to storage servers, retries included.");

    internal static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("openeo.storage.retries", "{retry}", "Requests repeated after a transient failure.");

    internal static readonly Counter<long> Bytes =
        Meter.CreateCounter<long>("openeo.storage.bytes", "By", "Payload bytes read from and written to storage servers.");

    internal static readonly Histogram<double> Latency =
        Meter.CreateHistogram<double>("openeo.storage.request.duration", "s", "Duration of one storage request attempt.");
}
