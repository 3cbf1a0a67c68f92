namespace OpenEoBridge.Storage.Errors;

/// <summary>A request kept failing with transient errors (5xx, 429, timeouts, broken connections) until the retries ran out.</summary>
public sealed class StoreUnavailableException(string location, string? key, string message, int attempts, int? statusCode = null, Exception? innerException = null)
    : StoreException(location, key, message, statusCode, innerException)
{
    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;
}
