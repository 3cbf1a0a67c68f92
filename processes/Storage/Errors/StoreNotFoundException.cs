namespace OpenEoBridge.Storage.Errors;

/// <summary>The store itself does not exist (for example an S3 bucket), as opposed to a missing key.</summary>
public sealed class StoreNotFoundException(string location, string? key, string message, int? statusCode = null, Exception? innerException = null)
    : StoreException(location, key, message, statusCode, innerException);
