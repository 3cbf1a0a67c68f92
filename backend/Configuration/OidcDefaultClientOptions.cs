namespace OpenEoBridge.Backend.Configuration;

/// <summary>A public OIDC client announced in <c>GET /credentials/oidc</c> (<c>default_clients</c>).</summary>
public sealed class OidcDefaultClientOptions
{
    public string? Id { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> RedirectUrls { get; set; } = [];
}
