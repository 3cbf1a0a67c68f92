using System.Net;
using System.Net.Sockets;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>OpenID Connect against a real issuer on loopback.</summary>
public sealed class OidcTests : IAsyncLifetime
{
    private const string Audience = "openeo-bridge";
    private readonly TempDirectory data = new();
    private TestIssuer issuer = null!;
    private OpenEoAppFactory factory = null!;

    public async Task InitializeAsync()
    {
        issuer = await TestIssuer.StartAsync();
        factory = Factory(issuer.Issuer);
    }

    private OpenEoAppFactory Factory(string issuerUrl) => new(data.Path, new Dictionary<string, string?>
    {
        ["OpenEo:Oidc:Providers:test:Issuer"] = issuerUrl,
        ["OpenEo:Oidc:Providers:test:Title"] = "Test issuer",
        ["OpenEo:Oidc:Providers:test:Audiences:0"] = Audience,
        ["OpenEo:Oidc:Providers:test:DefaultClients:0:Id"] = "openeo-cli",
        ["OpenEo:Oidc:Providers:test:DefaultClients:0:GrantTypes:0"] = "authorization_code+pkce",
        ["OpenEo:Oidc:Providers:test:DefaultClients:0:GrantTypes:1"] = "urn:ietf:params:oauth:grant-type:device_code+pkce",
        ["OpenEo:Oidc:Providers:test:ClockSkew"] = "00:00:05",
        ["OpenEo:Oidc:Providers:test:UnknownKeyRefreshInterval"] = "00:00:00",
        // Generous: the suite runs on a shared, busy machine; the "issuer down" case fails fast (connection refused).
        ["OpenEo:Oidc:Providers:test:RequestTimeout"] = "00:00:30",
    });

    private async Task<HttpResponseMessage> MeAsync(string token, OpenEoAppFactory? app = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer oidc/test/" + token);
        return await (app ?? factory).CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task ProvidersAreListedPerTheSpec()
    {
        var body = await JsonAssert.ValidResponseAsync(await factory.CreateClient().GetAsync("/openeo/1.2/credentials/oidc"), "/credentials/oidc");

        var provider = Assert.Single(body.GetProperty("providers").EnumerateArray());
        Assert.Equal("test", provider.GetProperty("id").GetString());
        Assert.Equal("openeo-cli", provider.GetProperty("default_clients")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ValidJwtAuthenticatesAsProviderPlusSubject()
    {
        var me = await JsonAssert.ValidResponseAsync(await MeAsync(issuer.Mint(Audience, subject: "alice-42")), "/me");

        Assert.Equal("test~alice-42", me.GetProperty("user_id").GetString());
        Assert.Equal("Test User", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExpiredJwtIsTokenInvalid()
    {
        var expired = issuer.Mint(Audience, expiresIn: TimeSpan.FromMinutes(-5));

        var body = await JsonAssert.ErrorAsync(await MeAsync(expired), 403, "TokenInvalid", "/me");

        Assert.Contains("expired", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WrongAudienceIsTokenInvalid()
    {
        var body = await JsonAssert.ErrorAsync(await MeAsync(issuer.Mint("someone-else")), 403, "TokenInvalid", "/me");

        Assert.Contains("audience", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RotatedKeyIsPickedUpOnUnknownKid()
    {
        await JsonAssert.ValidResponseAsync(await MeAsync(issuer.Mint(Audience)), "/me");

        issuer.RotateKey();
        var response = await MeAsync(issuer.Mint(Audience, subject: "after-rotation"));

        var me = await JsonAssert.ValidResponseAsync(response, "/me");
        Assert.Equal("test~after-rotation", me.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task JwtSignedByAnotherKeyIsRejected()
    {
        var forger = await TestIssuer.StartAsync();
        await using (forger)
        {
            // Same issuer name, same audience, but signed with a key the real issuer never published.
            var forged = forger.MintAs(issuer.Issuer, Audience);

            await JsonAssert.ErrorAsync(await MeAsync(forged), 403, "TokenInvalid", "/me");
        }
    }

    [Fact]
    public async Task OpaqueTokenIsCheckedViaUserInfoAndCached()
    {
        var first = await JsonAssert.ValidResponseAsync(await MeAsync(TestIssuer.OpaqueToken), "/me");
        await JsonAssert.ValidResponseAsync(await MeAsync(TestIssuer.OpaqueToken), "/me");

        Assert.Equal("test~" + TestIssuer.OpaqueSubject, first.GetProperty("user_id").GetString());
        Assert.Equal(1, issuer.UserInfoCalls);
        await JsonAssert.ErrorAsync(await MeAsync("some-other-opaque-token"), 403, "TokenInvalid", "/me");
    }

    [Fact]
    public async Task IssuerDownDoesNotStopStartButFailsItsRequestsClearly()
    {
        using var down = Factory($"http://127.0.0.1:{UnusedPort()}");

        await JsonAssert.ValidResponseAsync(await down.CreateClient().GetAsync("/openeo/1.2/credentials/oidc"), "/credentials/oidc");
        var response = await MeAsync(issuer.Mint(Audience), down);

        var body = await JsonAssert.ErrorAsync(response, 503, "IdentityProviderUnavailable", "/me");
        Assert.Contains("'test'", body.GetProperty("message").GetString());
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        factory.Dispose();
        await issuer.DisposeAsync();
        data.Dispose();
    }
}
