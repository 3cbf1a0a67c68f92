namespace OpenEoBridge.Storage.Resilience;

/// <summary>Why a failed request may succeed when repeated.</summary>
/// <param name="StatusCode">The HTTP status, when the server answered.</param>
/// <param name="RetryAfter">The wait the server asked for (<c>Retry-After</c>), if any.</param>
/// <param name="NotProcessed">True when the failure proves the server did not act on the request.</param>
/// <param name="Reason">A short description for logs.</param>
public readonly record struct TransientFailure(int? StatusCode, TimeSpan? RetryAfter, bool NotProcessed, string Reason)
{
    /// <summary>Classifies an HTTP status: 408, 429 and 5xx (except 501 and 505) are transient.</summary>
    public static TransientFailure? FromStatus(int statusCode, TimeSpan? retryAfter, string? reason = null) => statusCode switch
    {
        // 429 and 503 are the servers' "slow down": S3 documents that such requests were not carried out.
        429 or 503 => new TransientFailure(statusCode, retryAfter, NotProcessed: true, reason ?? $"HTTP {statusCode}"),
        408 or 500 or 502 or 504 or 507 or 509 => new TransientFailure(statusCode, retryAfter, NotProcessed: false, reason ?? $"HTTP {statusCode}"),
        _ => null,
    };
}
