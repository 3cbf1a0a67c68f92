namespace OpenEoBridge.Backend.Configuration;

/// <summary><c>OpenEo:Oidc</c>: OpenID Connect providers users may log in with.</summary>
public sealed class OidcOptions
{
    /// <summary>Provider id (the <c>PROVIDER</c> in <c>Bearer oidc/PROVIDER/TOKEN</c>) to its settings.</summary>
    public Dictionary<string, OidcProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);
}
