using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth.Oidc;

/// <summary>
/// One configured provider with its discovery document and signing keys. Metadata is read on first use
/// (an issuer that is down does not stop start-up), reused for <see cref="OidcProviderOptions.MetadataRefreshInterval"/>,
/// re-read early when a token names an unknown key id (at most once per
/// <see cref="OidcProviderOptions.UnknownKeyRefreshInterval"/>), and the last good copy is kept when a
/// re-read fails.
/// </summary>
public sealed class OidcProvider(string id, OidcProviderOptions options, HttpClient http, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt;
    private DateTimeOffset? lastForcedRefresh;

    public string Id { get; } = id;

    public OidcProviderOptions Options { get; } = options;

    public HttpClient Http { get; } = http;

    public string MetadataAddress { get; } = options.Issuer!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <param name="unknownKeyId">A key id a token was signed with; if the current keys lack it, the metadata is re-read (rate-limited).</param>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string? unknownKeyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = current;
        if (snapshot is not null && now - fetchedAt < Options.MetadataRefreshInterval && !NeedsKeyRefresh(snapshot, unknownKeyId, now))
        {
            return snapshot;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            now = time.GetUtcNow();
            snapshot = current;
            var keyRefresh = snapshot is not null && NeedsKeyRefresh(snapshot, unknownKeyId, now);
            if (snapshot is not null && now - fetchedAt < Options.MetadataRefreshInterval && !keyRefresh)
            {
                return snapshot;
            }

            if (keyRefresh)
            {
                lastForcedRefresh = now;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(Http) { RequireHttps = Options.RequireHttps && !Options.Issuer!.IsLoopback };
                var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, retriever, cancellationToken);
                current = fresh;
                fetchedAt = now;
                return fresh;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (snapshot is not null)
                {
                    logger.LogWarning(error, "Could not refresh metadata of OIDC provider {Provider}; keeping the previous copy", Id);
                    return snapshot;
                }

                logger.LogError(error, "OIDC provider {Provider} is unreachable ({Address})", Id, MetadataAddress);
                throw new OpenEoException(
                    OpenEoErrorCodes.IdentityProviderUnavailable,
                    $"The identity provider '{Id}' cannot be reached at the moment. Please try again later.",
                    error);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private bool NeedsKeyRefresh(OpenIdConnectConfiguration configuration, string? keyId, DateTimeOffset now) =>
        keyId is not null &&
        !configuration.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)) &&
        (lastForcedRefresh is null || now - lastForcedRefresh.Value >= Options.UnknownKeyRefreshInterval);
}
