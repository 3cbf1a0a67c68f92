using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>demo/demo only without configured accounts and only when nobody else can reach the server.</summary>
public sealed class DemoAccountTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080;http://127.0.0.2:9000")]
    public async Task DemoAccountWorksOnLoopbackOnly(string urls)
    {
        using var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?> { ["urls"] = urls });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/credentials/basic");
        request.Headers.Authorization = JsonAssert.Basic("demo", "demo");

        var response = await factory.CreateClient().SendAsync(request);

        await JsonAssert.ValidResponseAsync(response, "/credentials/basic");
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("urls", "http://*:8080")]
    [InlineData("urls", "http://127.0.0.1:8080;http://eo.example:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://+:8080")]
    public void StartFailsWithoutAccountsOnAReachableAddress(string key, string value)
    {
        using var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("demo account is only offered on loopback", error.Message);
        Assert.Contains("OpenEo:Users", error.Message);
    }

    [Fact]
    public async Task ConfiguredUserAllowsAReachableAddress()
    {
        using var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:8080",
            ["OpenEo:Users:alice"] = new Backend.Auth.Basic.PasswordHashing().Hash("pw"),
        });

        var response = await factory.CreateClient().GetAsync("/openeo/1.2/");

        await JsonAssert.ValidResponseAsync(response, "/");
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", true)]
    [InlineData("http://localhost", true)]
    [InlineData("https://[::1]:443", true)]
    [InlineData("http://0.0.0.0:1", false)]
    [InlineData("http://[::]:1", false)]
    [InlineData("http://*:1", false)]
    [InlineData("http://+:1", false)]
    [InlineData("http://eo.example:1", false)]
    [InlineData("http://192.168.1.5:1", false)]
    public void LoopbackDetection(string address, bool loopback) => Assert.Equal(loopback, ListenAddresses.IsLoopback(address));

    [Fact]
    public void NothingConfiguredMeansKestrelsLoopbackDefault()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Equal([ListenAddresses.KestrelDefault], ListenAddresses.FromConfiguration(configuration));
    }

    public void Dispose() => data.Dispose();
}
