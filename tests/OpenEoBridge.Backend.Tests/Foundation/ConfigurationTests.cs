using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

public sealed class ConfigurationTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Theory]
    [InlineData("OpenEo:Users:alice", "plain-text-password", "not a password hash")]
    [InlineData("OpenEo:PublicUrl", "/relative", "absolute http(s) URL")]
    [InlineData("OpenEo:Users:al ice", "AQAAAAIAAYagAAAAEJpHdTBzKBiMaEAKzxVgdOPzJKErrveI5ew7zYUQU4vQx8S2An5zjHNkdo6rPtlPjg==", "not a usable user name")]
    [InlineData("OpenEo:Limits:MaxJsonDepth", "2", "MaxJsonDepth")]
    [InlineData("OpenEo:Oidc:Providers:this-id-is-not-valid:Title", "x", "must match")]
    public void InvalidSettingsStopTheStartWithAClearMessage(string key, string value, string expected)
    {
        using var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void OidcProviderNeedsAnAudiencePolicyAndHttps()
    {
        using var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Oidc:Providers:egi:Issuer"] = "http://aai.example/",
            ["OpenEo:Oidc:Providers:egi:Title"] = "EGI",
            ["OpenEo:Oidc:Providers:egi:DefaultClients:0:GrantTypes:0"] = "password",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("must use https", error.Message);
        Assert.Contains("grant type 'password'", error.Message);
        Assert.Contains("needs an Id", error.Message);
    }

    [Fact]
    public void UnknownKeysAreFoundAndKnownOnesAreNot()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenEo:PublicUrl"] = "https://eo.example",
            ["OpenEo:User:alice"] = "typo",
            ["OpenEo:Users:bob"] = "hash",
            ["OpenEo:Oidc:Providers:egi:Issuer"] = "https://aai.example",
            ["OpenEo:Oidc:Providers:egi:DefaultClients:0:Id"] = "c",
            ["OpenEo:Oidc:Providers:egi:DefaultClients:0:Secret"] = "typo",
            ["OpenEo:Limits:MaxBody"] = "typo",
            ["OpenEo:Storage:Anything:Goes"] = "bound elsewhere",
        }).Build();

        var unknown = UnknownConfigurationKeys.Find(configuration);

        Assert.Equal(
            ["OpenEo:Limits:MaxBody", "OpenEo:Oidc:Providers:egi:DefaultClients:0:Secret", "OpenEo:User"],
            unknown.Order(StringComparer.Ordinal));
    }

    public void Dispose() => data.Dispose();
}
