namespace OpenEoBridge.Storage.Resilience;

/// <summary>
/// How the one retry layer of the storage stack behaves (SDK and HTTP client retries are always off, so these
/// numbers are the whole story). Bound from configuration, hence mutable properties with defaults.
/// </summary>
public sealed class StoreResilienceOptions
{
    /// <summary>Retries after the first attempt (so at most <c>MaxRetryAttempts + 1</c> requests). 0 disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A server's <c>Retry-After</c> is honoured up to this long; longer waits are cut to it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one attempt, body transfer included; a stalled server counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight at the same time to one endpoint (scheme, host and port), across all stores of a factory.</summary>
    public int MaxConcurrentRequestsPerEndpoint { get; set; } = 32;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequestsPerEndpoint, 1);
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "The attempt timeout must be positive.");
        }
    }
}
