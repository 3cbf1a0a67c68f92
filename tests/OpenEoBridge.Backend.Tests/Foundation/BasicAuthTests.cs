using System.Net;
using System.Net.Http.Headers;
using OpenEoBridge.Backend.Auth.Basic;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

public sealed class BasicAuthTests : IDisposable
{
    private static readonly string AliceHash = new PasswordHashing().Hash("wonderland");
    private readonly TempDirectory data = new();

    private OpenEoAppFactory Factory(string? aliceHash = null, int maxFailures = 3) => new(data.Path, new Dictionary<string, string?>
    {
        ["OpenEo:Users:alice"] = aliceHash ?? AliceHash,
        ["OpenEo:BasicAuth:MaxFailedAttempts"] = maxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/credentials/basic");
        request.Headers.Authorization = JsonAssert.Basic(user, password);
        return await client.SendAsync(request);
    }

    private static async Task<string> TokenAsync(HttpClient client, string user, string password)
    {
        var body = await JsonAssert.ValidResponseAsync(await LoginAsync(client, user, password), "/credentials/basic");
        return body.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> MeAsync(HttpClient client, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task GoodPasswordGivesATokenThatOpensMe()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var token = await TokenAsync(client, "alice", "wonderland");
        var me = await JsonAssert.ValidResponseAsync(await MeAsync(client, "basic//" + token), "/me");

        Assert.Equal("alice", me.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task WrongPasswordIsCredentialsInvalid()
    {
        using var factory = Factory();

        var response = await LoginAsync(factory.CreateClient(), "alice", "looking-glass");

        await JsonAssert.ErrorAsync(response, 403, "CredentialsInvalid", "/credentials/basic");
    }

    [Fact]
    public async Task UnknownUserIsCredentialsInvalid()
    {
        using var factory = Factory();

        var response = await LoginAsync(factory.CreateClient(), "mallory", "wonderland");

        await JsonAssert.ErrorAsync(response, 403, "CredentialsInvalid", "/credentials/basic");
    }

    [Fact]
    public async Task MissingCredentialsAreAuthenticationRequired()
    {
        using var factory = Factory();

        var response = await factory.CreateClient().GetAsync("/openeo/1.2/credentials/basic");

        await JsonAssert.ErrorAsync(response, 401, "AuthenticationRequired", "/credentials/basic");
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task RepeatedFailuresAreThrottledEvenForTheRightPassword()
    {
        using var factory = Factory(maxFailures: 3);
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await JsonAssert.ErrorAsync(await LoginAsync(client, "alice", "guess" + i), 403, "CredentialsInvalid", "/credentials/basic");
        }

        var throttled = await LoginAsync(client, "alice", "wonderland");

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("TooManyLoginAttempts", (await JsonAssert.ValidResponseAsync(throttled, "/credentials/basic")).GetProperty("code").GetString());
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task TokenSurvivesARestartOverTheSameDataDirectory()
    {
        string token;
        using (var first = Factory())
        {
            token = await TokenAsync(first.CreateClient(), "alice", "wonderland");
        }

        using var second = Factory();
        var me = await JsonAssert.ValidResponseAsync(await MeAsync(second.CreateClient(), "basic//" + token), "/me");

        Assert.Equal("alice", me.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task PasswordChangeRevokesTokens()
    {
        string token;
        using (var before = Factory())
        {
            token = await TokenAsync(before.CreateClient(), "alice", "wonderland");
        }

        using var after = Factory(new PasswordHashing().Hash("new-secret"));
        var response = await MeAsync(after.CreateClient(), "basic//" + token);

        await JsonAssert.ErrorAsync(response, 403, "TokenInvalid", "/me");
    }

    [Fact]
    public async Task TamperedTokenIsTokenInvalid()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        var token = await TokenAsync(client, "alice", "wonderland");
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        await JsonAssert.ErrorAsync(await MeAsync(client, "basic//" + tampered), 403, "TokenInvalid", "/me");
    }

    [Theory]
    [InlineData("Bearer something")]
    [InlineData("Bearer kerberos//abc")]
    [InlineData("Bearer oidc/nosuchprovider/abc")]
    [InlineData("Digest abc")]
    public async Task UnknownSchemeOrProviderIsAuthenticationSchemeInvalid(string header)
    {
        using var factory = Factory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/me");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await factory.CreateClient().SendAsync(request);

        await JsonAssert.ErrorAsync(response, 403, "AuthenticationSchemeInvalid", "/me");
    }

    [Fact]
    public async Task MeWithoutTokenIsAuthenticationRequired()
    {
        using var factory = Factory();

        var response = await factory.CreateClient().GetAsync("/openeo/1.2/me");

        await JsonAssert.ErrorAsync(response, 401, "AuthenticationRequired", "/me");
    }

    [Fact]
    public async Task DemoAccountIsOffWhenUsersAreConfigured()
    {
        using var factory = Factory();

        await JsonAssert.ErrorAsync(await LoginAsync(factory.CreateClient(), "demo", "demo"), 403, "CredentialsInvalid", "/credentials/basic");
    }

    [Fact]
    public void HashPasswordCommandPrintsAVerifiableHash()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = Backend.Hosting.HashPasswordCommand.Run(new StringReader("s3cret\n"), output, error, interactive: false);

        Assert.Equal(0, exit);
        var hash = output.ToString().Trim();
        Assert.True(PasswordHashing.LooksLikeHash(hash));
        Assert.True(new PasswordHashing().Verify(hash, "s3cret"));
        Assert.False(new PasswordHashing().Verify(hash, "other"));
    }

    public void Dispose() => data.Dispose();
}
