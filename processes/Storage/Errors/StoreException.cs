namespace OpenEoBridge.Storage.Errors;

/// <summary>
/// A store request failed for a reason the caller should see (not a missing key, which reads answer with <c>null</c>).
/// The message always names the store location and, where there is one, the key.
/// </summary>
public class StoreException : Exception
{
    public StoreException(string location, string? key, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
        Key = key;
        StatusCode = statusCode;
    }

    /// <summary>The store the request went to (see <see cref="IStore.Location"/>).</summary>
    public string Location { get; }

    /// <summary>The key of the request, if the request was about one key.</summary>
    public string? Key { get; }

    /// <summary>The HTTP status the server answered, if it answered.</summary>
    public int? StatusCode { get; }

    internal static string Describe(string location, string? key) => key is null ? location : $"'{key}' in {location}";
}
