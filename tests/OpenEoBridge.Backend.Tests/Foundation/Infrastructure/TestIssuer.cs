using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port: discovery, JWKS and userinfo, with RSA keys the
/// test generates and can rotate, and a JWT minting helper.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string OpaqueToken = "opaque-access-token-123";
    public const string OpaqueSubject = "opaque-user";

    private readonly WebApplication app;
    private RsaSecurityKey key = NewKey();
    private int userInfoCalls;

    private TestIssuer(WebApplication app)
    {
        this.app = app;
    }

    public string Issuer { get; private set; } = string.Empty;

    public int UserInfoCalls => userInfoCalls;

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/jwks",
            ["userinfo_endpoint"] = issuer.Issuer + "/userinfo",
            ["authorization_endpoint"] = issuer.Issuer + "/authorize",
            ["token_endpoint"] = issuer.Issuer + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(issuer.key.Rsa.ExportParameters(false)) { KeyId = issuer.key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/userinfo", (HttpRequest request) =>
        {
            Interlocked.Increment(ref issuer.userInfoCalls);
            return request.Headers.Authorization.ToString() == "Bearer " + OpaqueToken
                ? Results.Json(new { sub = OpaqueSubject, name = "Opaque User" })
                : Results.Unauthorized();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.Issuer = address.TrimEnd('/');
        return issuer;
    }

    /// <summary>Publishes a new signing key; tokens signed with the old one no longer verify.</summary>
    public void RotateKey() => key = NewKey();

    public string Mint(string audience, string subject = "user-1", string? authorizedParty = null, TimeSpan? expiresIn = null) =>
        MintAs(Issuer, audience, subject, authorizedParty, expiresIn);

    /// <summary>Mints with this issuer's key but any issuer name (for forgery tests).</summary>
    public string MintAs(string issuerName, string audience, string subject = "user-1", string? authorizedParty = null, TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Test User" };
        if (authorizedParty is not null)
        {
            claims["azp"] = authorizedParty;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerName,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
