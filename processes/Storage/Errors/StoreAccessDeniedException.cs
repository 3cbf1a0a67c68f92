namespace OpenEoBridge.Storage.Errors;

/// <summary>The server refused the credentials or the permission for a request (HTTP 401/403).</summary>
public sealed class StoreAccessDeniedException(string location, string? key, string message, int? statusCode = null, Exception? innerException = null)
    : StoreException(location, key, message, statusCode, innerException);
