namespace OpenEoBridge.Storage.Resilience;

/// <summary>Which transient failures a request may be repeated after, so that retries never duplicate a write.</summary>
public enum RetrySafety
{
    /// <summary>
    /// Repeating the request gives the same end state (reads, listing, a PUT of a whole object, a part upload,
    /// a delete): every transient failure is retried.
    /// </summary>
    Idempotent,

    /// <summary>
    /// Repeating could act twice or report a false conflict (create-only writes, starting a multipart upload):
    /// retried only when the failure proves the server did not act (429, 503, connection refused).
    /// </summary>
    OnlyIfNotProcessed,
}
