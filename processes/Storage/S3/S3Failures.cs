using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.S3;

/// <summary>Reads S3 error answers: which are transient, and what a permanent one means for the caller.</summary>
internal static class S3Failures
{
    public static TransientFailure? Classify(Exception exception)
    {
        if (exception is not AmazonServiceException { StatusCode: var status } service || (int)status == 0)
        {
            return null;
        }

        var reason = string.IsNullOrEmpty(service.ErrorCode) ? $"HTTP {(int)status}" : $"HTTP {(int)status} {service.ErrorCode}";
        // S3 reports "your upload was too slow" as 400 RequestTimeout: the request was not applied.
        if (service.ErrorCode == "RequestTimeout")
        {
            return new TransientFailure((int)status, null, NotProcessed: true, reason);
        }

        return TransientFailure.FromStatus((int)status, RetryAfterOf(service), reason);
    }

    public static bool IsMissingKey(AmazonS3Exception e) =>
        (int)e.StatusCode == 404 && e.ErrorCode is not "NoSuchBucket";

    public static bool IsAccessDeniedForKey(AmazonS3Exception e) =>
        (int)e.StatusCode == 403 && e.ErrorCode is null or "" or "AccessDenied" or "Forbidden";

    /// <summary>A permanent S3 error as the exception the caller sees.</summary>
    public static StoreException Translate(AmazonS3Exception e, string location, string bucket, string? key, S3ProfileOptions options)
    {
        var profile = options.Name;
        var status = (int)e.StatusCode;
        var what = StoreException.Describe(location, key);
        if (options.EffectiveCredentials == S3CredentialSource.Anonymous && status is 400 or 401 or 403 && e.ErrorCode is not "NoSuchBucket")
        {
            return new StoreAccessDeniedException(location, key, $"The S3 server refused an anonymous (unsigned) request for {what} ({status} {e.ErrorCode}): the bucket is not public or the server does not accept anonymous requests; give S3 profile '{profile}' credentials.", status, e);
        }

        return e.ErrorCode switch
        {
            "NoSuchBucket" => new StoreNotFoundException(location, key, $"The bucket '{bucket}' does not exist (S3 profile '{profile}', {location}).", status, e),
            "InvalidAccessKeyId" => new StoreAccessDeniedException(location, key, $"S3 does not know the access key of profile '{profile}' (InvalidAccessKeyId) for {what}.", status, e),
            "SignatureDoesNotMatch" => new StoreAccessDeniedException(location, key, $"S3 rejected the request signature of profile '{profile}' for {what} (SignatureDoesNotMatch): the secret key or the authentication region is wrong.", status, e),
            "AuthorizationHeaderMalformed" => new StoreAccessDeniedException(location, key, $"S3 refused the authorization of profile '{profile}' for {what} (AuthorizationHeaderMalformed): set the profile's AuthenticationRegion to the server's region.", status, e),
            "ExpiredToken" or "InvalidToken" or "TokenRefreshRequired" => new StoreAccessDeniedException(location, key, $"The session token of S3 profile '{profile}' was refused ({e.ErrorCode}) for {what}.", status, e),
            _ when status is 401 or 403 => new StoreAccessDeniedException(location, key, $"S3 denied access to {what} with profile '{profile}' ({status} {e.ErrorCode}).", status, e),
            _ => new StoreException(location, key, $"S3 request for {what} failed: {status} {e.ErrorCode}: {e.Message}", status, e),
        };
    }

    private static TimeSpan? RetryAfterOf(AmazonServiceException e)
    {
        if (e.InnerException is not HttpErrorResponseException { Response: { } response } || !response.IsHeaderPresent("Retry-After"))
        {
            return null;
        }

        return RetryAfterHeader.Parse(response.GetHeaderValue("Retry-After"));
    }
}
