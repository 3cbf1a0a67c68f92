using OpenEoBridge.Storage.Resilience;

namespace OpenEoBridge.Storage.S3;

/// <summary>
/// A named S3 connection (endpoint, addressing, region, credentials), written once in configuration
/// (<c>OpenEo:Storage:S3Profiles:&lt;name&gt;</c>) and referenced by name from catalogue sources and result storage.
/// </summary>
public sealed class S3ProfileOptions
{
    /// <summary>The profile's name; when profiles are bound as a dictionary, the dictionary key.</summary>
    public string Name { get; set; } = "default";

    /// <summary>
    /// The endpoint of an S3-compatible server (e.g. <c>https://s3.example.org</c> or <c>http://127.0.0.1:9000</c>);
    /// empty for AWS, where <see cref="Region"/> picks the endpoint.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region of the bucket (AWS) or the server's configured location.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// The region written into request signatures; defaults to <see cref="Region"/>. Non-AWS servers often need
    /// it set explicitly (their "location"), else the SDK derives one from the host name or the environment.
    /// </summary>
    public string? AuthenticationRegion { get; set; }

    /// <summary>
    /// Path-style (<c>endpoint/bucket/key</c>) instead of virtual-hosted (<c>bucket.endpoint/key</c>) addressing.
    /// Unset: path-style for a custom <see cref="ServiceUrl"/>, virtual-hosted for AWS.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Unset: <see cref="S3CredentialSource.Static"/> when an access key is given, else <see cref="S3CredentialSource.Chain"/>.</summary>
    public S3CredentialSource? Credentials { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>
    /// The credentials may read objects but not list the bucket, so S3 answers 403 instead of 404 for a missing key:
    /// treat such a 403 as "missing" from the first request on. Without it, a 403 counts as missing only once the
    /// store has read some object (which proves read permission); before that it is an access error.
    /// </summary>
    public bool MissingKeysAnswerForbidden { get; set; }

    /// <summary>Objects from this size on are uploaded in parts.</summary>
    public long MultipartThreshold { get; set; } = 16 * 1024 * 1024;

    /// <summary>Size of one upload part (S3's minimum is 5 MiB, except for the last part).</summary>
    public int MultipartPartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Parts of one upload sent at the same time.</summary>
    public int MaxParallelParts { get; set; } = 4;

    /// <summary>Keys per listing page (S3 answers at most 1000).</summary>
    public int ListPageSize { get; set; } = 1000;

    /// <summary>Retries, timeouts and concurrency for this profile's requests.</summary>
    public StoreResilienceOptions Resilience { get; set; } = new();

    internal S3CredentialSource EffectiveCredentials =>
        Credentials ?? (string.IsNullOrEmpty(AccessKey) ? S3CredentialSource.Chain : S3CredentialSource.Static);

    internal bool EffectiveForcePathStyle => ForcePathStyle ?? !string.IsNullOrEmpty(ServiceUrl);

    /// <summary>The server the profile talks to (for concurrency limits and messages).</summary>
    internal Uri Endpoint => string.IsNullOrEmpty(ServiceUrl)
        ? new Uri($"https://s3.{Region}.amazonaws.com")
        : new Uri(ServiceUrl);

    internal void Validate()
    {
        if (!string.IsNullOrEmpty(ServiceUrl) &&
            (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"S3 profile '{Name}': ServiceUrl '{ServiceUrl}' is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException($"S3 profile '{Name}': Region is required.");
        }

        if (EffectiveCredentials == S3CredentialSource.Static && (string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey)))
        {
            throw new ArgumentException($"S3 profile '{Name}': static credentials need both AccessKey and SecretKey.");
        }

        if (MultipartPartSize < 5 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MultipartPartSize), MultipartPartSize, $"S3 profile '{Name}': parts must be at least 5 MiB (an S3 rule).");
        }

        if (MultipartThreshold < MultipartPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MultipartThreshold), MultipartThreshold, $"S3 profile '{Name}': the multipart threshold must be at least the part size.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelParts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ListPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ListPageSize, 1000);
        Resilience.Validate();
    }
}
