using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>
/// Body-size limits and forwarded headers depend on Kestrel and on real client addresses, which the in-memory
/// test server does not have, so these run against the real server on a loopback port.
/// </summary>
public sealed class RealServerLimitsTests : IDisposable
{
    private const int Limit = 4096;
    private readonly TempDirectory data = new();

    [Fact]
    public async Task BodiesLargerThanTheLimitGet413WithAnOpenEoErrorAndSmallerOnesAreRead()
    {
        await using var backend = await BackendProcess.StartAsync(data.Path, $"--OpenEo:Limits:MaxRequestBodyBytes={Limit}");
        using var client = new HttpClient { BaseAddress = new Uri(backend.Url) };
        var token = await LoginAsync(client);

        // Declared length over the limit, and a chunked body (no length) that only turns out too large while read.
        var declared = await PostValidationAsync(client, token, new StringContent(Graph(Limit * 2), Encoding.UTF8, "application/json"));
        var chunked = await PostValidationAsync(client, token, new ChunkedContent(Graph(Limit * 2)));
        var small = await PostValidationAsync(client, token, new StringContent(Graph(Limit / 4), Encoding.UTF8, "application/json"));

        foreach (var response in new[] { declared, chunked })
        {
            await JsonAssert.ErrorAsync(response, 413, "RequestBodyTooLarge", "/validation", "post");
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersFromALoopbackProxyShapeAbsoluteUrlsOnlyWhenEnabled()
    {
        await using var trusting = await BackendProcess.StartAsync(data.Path, "--OpenEo:ForwardedHeaders:Enabled=true");
        await using var ignoring = await BackendProcess.StartAsync(data.Path);

        Assert.Equal("https://eo.example/openeo/1.2/", await WellKnownUrlBehindProxyAsync(trusting.Url));
        Assert.Equal(ignoring.Url + "/openeo/1.2/", await WellKnownUrlBehindProxyAsync(ignoring.Url));
    }

    [Theory]
    [InlineData(false)] // another proxy is trusted: the middleware runs and must reject loopback
    [InlineData(true)] // nobody is trusted: the middleware, which trusts everybody with empty lists, must not run
    public async Task ForwardedHeadersFromAnUntrustedAddressAreIgnored(bool noProxyTrusted)
    {
        // Only loopback addresses can connect here, so loopback is made untrusted.
        string[] arguments = noProxyTrusted
            ? ["--OpenEo:ForwardedHeaders:Enabled=true", "--OpenEo:ForwardedHeaders:TrustLoopback=false"]
            : ["--OpenEo:ForwardedHeaders:Enabled=true", "--OpenEo:ForwardedHeaders:TrustLoopback=false", "--OpenEo:ForwardedHeaders:KnownProxies:0=192.0.2.1"];
        await using var backend = await BackendProcess.StartAsync(data.Path, arguments);

        Assert.Equal(backend.Url + "/openeo/1.2/", await WellKnownUrlBehindProxyAsync(backend.Url));
    }

    [Fact]
    public async Task AProxyAddressThatIsNoAddressStopsStartUpWithItsName()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BackendProcess.StartAsync(
            data.Path, "--OpenEo:ForwardedHeaders:Enabled=true", "--OpenEo:ForwardedHeaders:KnownProxies:0=proxy.local"));

        Assert.Contains("'proxy.local' is not an IP address", failure.Message);
    }

    private static async Task<string> WellKnownUrlBehindProxyAsync(string serverUrl)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, serverUrl + "/.well-known/openeo");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "eo.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("versions")[0].GetProperty("url").GetString()!;
    }

    private static async Task<string> LoginAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/credentials/basic");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo")));
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostValidationAsync(HttpClient client, string token, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openeo/1.2/validation") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "basic//" + token);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A valid process graph whose description pads the body to about <paramref name="bytes"/>.</summary>
    private static string Graph(int bytes) => JsonSerializer.Serialize(new
    {
        process = new
        {
            description = new string('x', bytes),
            process_graph = new { a = new { process_id = "add", arguments = new { x = 1, y = 2 }, result = true } },
        },
    });

    /// <summary>Content without a length, so the client sends it with chunked transfer encoding.</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    public void Dispose() => data.Dispose();
}
