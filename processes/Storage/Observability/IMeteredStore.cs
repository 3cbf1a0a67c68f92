namespace OpenEoBridge.Storage.Observability;

/// <summary>A store that talks to a server and counts its requests, bytes, latency and retries.</summary>
public interface IMeteredStore : IStore
{
    StoreMetrics Metrics { get; }
}
