namespace OpenEoBridge.Storage.S3;

/// <summary>Where an S3 profile gets its credentials.</summary>
public enum S3CredentialSource
{
    /// <summary>
    /// The standard AWS chain: environment variables, the shared config and credentials files (<c>AWS_PROFILE</c>),
    /// web identity, container and instance roles.
    /// </summary>
    Chain,

    /// <summary>The access key, secret key and optional session token written in the profile.</summary>
    Static,

    /// <summary>Unsigned requests, for public buckets.</summary>
    Anonymous,
}
