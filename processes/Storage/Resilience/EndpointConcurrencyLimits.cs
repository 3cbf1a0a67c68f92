using System.Collections.Concurrent;

namespace OpenEoBridge.Storage.Resilience;

/// <summary>
/// One request slot pool per endpoint (scheme, host, port), shared by every store that talks to that endpoint,
/// so that many stores over one server cannot together flood it.
/// </summary>
public sealed class EndpointConcurrencyLimits
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _limits = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pool used by stores that were not given one (by a <see cref="StoreFactory"/>).</summary>
    public static EndpointConcurrencyLimits Shared { get; } = new();

    /// <summary>The slot pool of <paramref name="endpoint"/>; the first caller's <paramref name="maxConcurrent"/> sets its size.</summary>
    public SemaphoreSlim For(Uri endpoint, int maxConcurrent) =>
        _limits.GetOrAdd(KeyOf(endpoint), static (_, max) => new SemaphoreSlim(max, max), maxConcurrent);

    internal static string KeyOf(Uri endpoint) => $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}";
}
