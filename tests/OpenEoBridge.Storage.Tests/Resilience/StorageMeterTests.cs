using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Observability;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.Tests.Support;

namespace OpenEoBridge.Storage.Tests.Resilience;

public sealed class StorageMeterTests
{
    [Fact]
    public async Task Requests_retries_and_bytes_are_published_on_the_storage_meter()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, _, _) =>
            Interlocked.Increment(ref calls) == 1 ? Respond.WithAsync(context, 503) : Respond.WithAsync(context, 200, new byte[123]));
        using var client = new HttpClient();
        var store = new HttpStore(server.BaseUri, client, new HttpStoreOptions { Resilience = new StoreResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(5) } }, limits: new EndpointConcurrencyLimits());
        var seen = new ConcurrentBag<(string Instrument, double Value, string? Location)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageInstrumentation.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Add((instrument.Name, value, LocationOf(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Add((instrument.Name, value, LocationOf(tags))));
        listener.Start();

        await store.GetAsync("k");

        var mine = seen.Where(s => s.Location == store.Location).ToList();
        Assert.Equal(2, mine.Where(s => s.Instrument == "openeo.storage.requests").Sum(s => s.Value));
        Assert.Equal(1, mine.Where(s => s.Instrument == "openeo.storage.retries").Sum(s => s.Value));
        Assert.Equal(123, mine.Where(s => s.Instrument == "openeo.storage.bytes").Sum(s => s.Value));
        Assert.Equal(2, mine.Count(s => s.Instrument == "openeo.storage.request.duration"));
        Assert.Contains("2 requests (1 failed, 1 retries), 123 B read", store.Metrics.ToString(), StringComparison.Ordinal);
    }

    private static string? LocationOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "store.location")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
