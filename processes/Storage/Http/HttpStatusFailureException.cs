namespace OpenEoBridge.Storage.Http;

/// <summary>An HTTP answer with a transient error status, raised inside an attempt so the retry layer sees it.</summary>
internal sealed class HttpStatusFailureException(int statusCode, TimeSpan? retryAfter, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
