using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Locations;

/// <summary>The storage section of the configuration (<c>OpenEo:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Named S3 profiles (<c>OpenEo:Storage:S3Profiles:&lt;name&gt;</c>); the key is the profile name.</summary>
    public Dictionary<string, S3ProfileOptions> S3Profiles { get; set; } = new(StringComparer.Ordinal);

    public HttpStoreOptions Http { get; set; } = new();
}
