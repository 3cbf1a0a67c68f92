namespace OpenEoBridge.Backend.Configuration;

/// <summary><c>OpenEo:ForwardedHeaders</c>: trust X-Forwarded-* from these reverse proxies only.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>When true, X-Forwarded-For/-Proto/-Host are applied for requests from <see cref="KnownProxies"/> (loopback is always known).</summary>
    public bool Enabled { get; set; }

    public List<string> KnownProxies { get; set; } = [];
}
