namespace OpenEoBridge.Backend.Configuration;

/// <summary><c>OpenEo:ForwardedHeaders</c>: trust X-Forwarded-* from these reverse proxies only.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>When true, X-Forwarded-For/-Proto/-Host are applied for requests from trusted proxies.</summary>
    public bool Enabled { get; set; }

    /// <summary>Trust a proxy on the same machine (127.0.0.0/8, ::1). Turn off when other local processes must not set these headers.</summary>
    public bool TrustLoopback { get; set; } = true;

    /// <summary>IP addresses of further trusted proxies.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Whether any proxy is trusted at all. The framework's middleware trusts every address when its proxy lists are
    /// empty, so with nobody to trust it must not run.
    /// </summary>
    public bool TrustsAnyProxy => Enabled && (TrustLoopback || KnownProxies.Count > 0);
}
