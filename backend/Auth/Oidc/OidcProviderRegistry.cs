using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Auth.Oidc;

/// <summary>The configured providers by id, created once with their own HTTP clients and metadata caches.</summary>
public sealed class OidcProviderRegistry
{
    public const string HttpClientName = "oidc";

    private readonly Dictionary<string, OidcProvider> providers;

    public OidcProviderRegistry(IOptions<OpenEoOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<OidcProviderRegistry> logger)
    {
        providers = options.Value.Oidc.Providers.ToDictionary(
            p => p.Key,
            p =>
            {
                var http = httpClients.CreateClient(HttpClientName);
                http.Timeout = p.Value.RequestTimeout;
                return new OidcProvider(p.Key, p.Value, http, time, logger);
            },
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<OidcProvider> All => providers.Values;

    public OidcProvider? Find(string id) => providers.GetValueOrDefault(id);
}
