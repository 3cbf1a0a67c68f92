namespace OpenEoBridge.Backend.Configuration;

/// <summary>One OpenID Connect provider (<c>OpenEo:Oidc:Providers:ID</c>).</summary>
public sealed class OidcProviderOptions
{
    /// <summary>Issuer URL; discovery is read from <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public Uri? Issuer { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<string> Scopes { get; set; } = ["openid"];

    /// <summary>Public clients announced to openEO clients so they can log in without registering their own.</summary>
    public List<OidcDefaultClientOptions> DefaultClients { get; set; } = [];

    /// <summary>Accepted <c>aud</c> values of access tokens (any one must match).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>
    /// Accepted <c>azp</c> (or <c>client_id</c>) values. When neither audiences nor authorized parties are
    /// configured, the default clients' ids are the accepted authorized parties.
    /// </summary>
    public List<string> AuthorizedParties { get; set; } = [];

    /// <summary>Tolerated clock difference between this server and the issuer when checking <c>exp</c>/<c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Plain-HTTP issuers are refused unless they are on a loopback address or this is switched off.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long discovery and keys are reused before they are read again.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Minimum time between two reloads forced by a token signed with an unknown key id.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for caching what the userinfo endpoint said about an opaque access token.</summary>
    public TimeSpan UserInfoCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout for calls to the provider (discovery, keys, userinfo).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
