using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace OpenEoBridge.Storage.S3;

/// <summary>Turns an <see cref="S3ProfileOptions"/> into an SDK client configured for our retry layer and for non-AWS servers.</summary>
internal static class S3ClientBuilder
{
    public static IAmazonS3 Build(S3ProfileOptions profile)
    {
        profile.Validate();
        var config = new AmazonS3Config
        {
            ForcePathStyle = profile.EffectiveForcePathStyle,
            AuthenticationRegion = string.IsNullOrEmpty(profile.AuthenticationRegion) ? profile.Region : profile.AuthenticationRegion,

            // Our StoreRequestExecutor is the only retry layer: retries here would multiply with it.
            MaxErrorRetry = 0,
            ThrottleRetries = false,
            // The SDK also re-sends on "connection reset" outside MaxErrorRetry; that would repeat a write (or a
            // multipart completion) without our retry-safety rules, so it is off as well.
            MaxStaleConnectionRetries = 0,

            // The executor's attempt timeout governs; this is only a backstop for a request it does not wrap.
            Timeout = profile.Resilience.AttemptTimeout + TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = profile.Resilience.MaxConcurrentRequestsPerEndpoint,

            // Flexible checksums only where S3 requires them: several S3-compatible servers reject the extra headers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        if (string.IsNullOrEmpty(profile.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(profile.Region);
        }
        else
        {
            config.ServiceURL = profile.ServiceUrl;
        }

        return profile.EffectiveCredentials switch
        {
            S3CredentialSource.Anonymous => new S3CompatibleClient(new AnonymousAWSCredentials(), config),
            S3CredentialSource.Static => new S3CompatibleClient(
                string.IsNullOrEmpty(profile.SessionToken)
                    ? new BasicAWSCredentials(profile.AccessKey, profile.SecretKey)
                    : new SessionAWSCredentials(profile.AccessKey, profile.SecretKey, profile.SessionToken),
                config),
            // Without explicit credentials the SDK resolves the standard chain when a request is made.
            _ => new S3CompatibleClient(config),
        };
    }
}
