using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth.Oidc;

/// <summary>
/// Validates OIDC access tokens: JWTs against the provider's keys (issuer, lifetime with the provider's
/// clock skew, audience/azp policy); anything else as an opaque token via the userinfo endpoint, whose
/// answer is cached by token hash. The user id is the provider id plus the subject.
/// </summary>
public sealed class OidcTokenValidator(OidcProviderRegistry registry, IMemoryCache cache, ILogger<OidcTokenValidator> logger)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<OpenEoUser> ValidateAsync(string providerId, string token, CancellationToken cancellationToken)
    {
        var provider = registry.Find(providerId)
            ?? throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, $"Unknown OpenID Connect provider '{providerId}'.");
        return Handler.CanReadToken(token)
            ? await ValidateJwtAsync(provider, token, cancellationToken)
            : await ValidateOpaqueAsync(provider, token, cancellationToken);
    }

    private async Task<OpenEoUser> ValidateJwtAsync(OidcProvider provider, string token, CancellationToken cancellationToken)
    {
        string? keyId;
        try
        {
            keyId = Handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            throw Invalid("The access token is not a readable JWT.");
        }

        var configuration = await provider.GetConfigurationAsync(keyId, cancellationToken);
        var options = provider.Options;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer ?? options.Issuer!.AbsoluteUri,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            ValidateAudience = options.Audiences.Count > 0,
            ValidAudiences = options.Audiences,
        };
        var result = await Handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            logger.LogInformation("Rejected JWT from provider {Provider}: {Reason}", provider.Id, result.Exception?.GetType().Name);
            throw Invalid(result.Exception switch
            {
                SecurityTokenExpiredException => "The access token has expired. Please log in again.",
                SecurityTokenNotYetValidException => "The access token is not valid yet.",
                SecurityTokenInvalidAudienceException => "The access token was issued for another audience.",
                SecurityTokenInvalidIssuerException => "The access token was issued by another issuer.",
                SecurityTokenSignatureKeyNotFoundException => "The access token is signed with a key the provider does not publish.",
                _ => "The access token is invalid.",
            });
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        CheckAuthorizedParty(provider, jwt);
        var subject = jwt.Subject;
        if (string.IsNullOrEmpty(subject))
        {
            throw Invalid("The access token carries no subject ('sub').");
        }

        var name = jwt.TryGetPayloadValue<string>("name", out var n) ? n
            : jwt.TryGetPayloadValue<string>("preferred_username", out var u) ? u : subject;
        return new OpenEoUser(UserIdFor(provider.Id, subject), name, OpenEoUser.OidcMethod, provider.Id, jwt.EncodedToken);
    }

    private static void CheckAuthorizedParty(OidcProvider provider, JsonWebToken jwt)
    {
        var options = provider.Options;
        var parties = options.AuthorizedParties.Count > 0 ? options.AuthorizedParties
            : options.Audiences.Count > 0 ? []
            : options.DefaultClients.Where(c => !string.IsNullOrWhiteSpace(c.Id)).Select(c => c.Id!).ToList();
        if (parties.Count == 0)
        {
            return;
        }

        var party = jwt.TryGetPayloadValue<string>("azp", out var azp) ? azp
            : jwt.TryGetPayloadValue<string>("client_id", out var clientId) ? clientId : null;
        if (party is null || !parties.Contains(party, StringComparer.Ordinal))
        {
            throw Invalid("The access token was issued to a client this back-end does not accept.");
        }
    }

    private async Task<OpenEoUser> ValidateOpaqueAsync(OidcProvider provider, string token, CancellationToken cancellationToken)
    {
        var cacheKey = "oidc-userinfo:" + provider.Id + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (cache.TryGetValue(cacheKey, out OpenEoUser? cached) && cached is not null)
        {
            return cached with { AccessToken = token };
        }

        var configuration = await provider.GetConfigurationAsync(null, cancellationToken);
        var user = await CallUserInfoAsync(provider, configuration, token, cancellationToken);
        cache.Set(cacheKey, user with { AccessToken = string.Empty }, provider.Options.UserInfoCacheDuration);
        return user;
    }

    private static async Task<OpenEoUser> CallUserInfoAsync(OidcProvider provider, OpenIdConnectConfiguration configuration, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration.UserInfoEndpoint))
        {
            throw Invalid($"The access token is not a JWT and provider '{provider.Id}' has no userinfo endpoint to check it.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, configuration.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await provider.Http.SendAsync(request, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new OpenEoException(OpenEoErrorCodes.IdentityProviderUnavailable, $"The identity provider '{provider.Id}' cannot be reached at the moment. Please try again later.", error);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw Invalid("The identity provider does not accept this access token.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new OpenEoException(OpenEoErrorCodes.IdentityProviderUnavailable, $"The identity provider '{provider.Id}' answered {(int)response.StatusCode} to a userinfo request.");
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sub", out var sub) || sub.GetString() is not { Length: > 0 } subject)
            {
                throw Invalid("The identity provider's userinfo answer has no subject.");
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!
                : root.TryGetProperty("preferred_username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : subject;
            return new OpenEoUser(UserIdFor(provider.Id, subject), name, OpenEoUser.OidcMethod, provider.Id, token);
        }
    }

    /// <summary>
    /// <c>PROVIDER~SUB</c>: unique across providers and within the <c>user_id</c> pattern of the API; subjects
    /// with other characters are replaced by a digest so the id stays stable.
    /// </summary>
    public static string UserIdFor(string providerId, string subject)
    {
        var safe = subject.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '~') && subject.Length <= 128
            ? subject
            : Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)));
        return $"{providerId}~{safe}";
    }

    private static OpenEoException Invalid(string message) => new(OpenEoErrorCodes.TokenInvalid, message);
}
