using System.Diagnostics;
using System.Text.Json;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>The official @openeo/js-client against the real server on a loopback port.</summary>
public sealed class JsClientEndToEndTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public async Task JsClientConnectsLogsInAndDescribesTheAccount()
    {
        await using var backend = await BackendProcess.StartAsync(data.Path);
        await backend.WarmUpAsync();

        // The client is given the server root and must find the versioned API through /.well-known/openeo.
        var result = await RunNodeAsync("foundation-e2e.mjs", backend.Url, "demo", "demo");

        Assert.False(result.TryGetProperty("error", out var error), $"client failed: {error}\n{backend.Output}");
        Assert.Equal("1.2.0", result.GetProperty("apiVersion").GetString());
        Assert.Equal(backend.Url + "/openeo/1.2", result.GetProperty("baseUrl").GetString()!.TrimEnd('/'));
        Assert.True(result.GetProperty("hasBasicAuth").GetBoolean());
        Assert.True(result.GetProperty("hasDescribeAccount").GetBoolean());
        Assert.Contains("basic", result.GetProperty("authProviders").EnumerateArray().Select(p => p.GetString()));
        Assert.True(result.GetProperty("authenticated").GetBoolean());
        Assert.Equal("demo", result.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task JsClientReportsAWrongPassword()
    {
        await using var backend = await BackendProcess.StartAsync(data.Path);
        await backend.WarmUpAsync();

        var result = await RunNodeAsync("foundation-e2e.mjs", backend.Url, "demo", "wrong");

        Assert.Equal("CredentialsInvalid", result.GetProperty("code").GetString());
    }

    [Fact]
    public async Task JsClientListsAndDescribesTheDemoCollectionsOfAFreshServer()
    {
        // What `dotnet run --project backend` gives a newcomer: no sources configured, the demo on.
        await using var backend = await BackendProcess.StartAsync(data.Path, "--OpenEo:Catalog:Demo=true");
        await backend.WarmUpAsync();

        var result = await RunNodeAsync("collections-e2e.mjs", backend.Url);

        Assert.False(result.TryGetProperty("error", out var error), $"client failed: {error}\n{backend.Output}");
        Assert.Equal(["CHIRPS_DEMO", "RED_NIR_DEMO"], result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        var chirps = result.GetProperty("described").GetProperty("CHIRPS_DEMO");
        Assert.Equal("temporal", chirps.GetProperty("dimensions").GetProperty("t").GetString());
        Assert.Equal("spatial", chirps.GetProperty("dimensions").GetProperty("x").GetString());
        Assert.Equal("P1D", chirps.GetProperty("step").GetString());
        var bbox = chirps.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(bbox[0] < bbox[2] && bbox[1] < bbox[3], $"bbox {string.Join(',', bbox)}");
        var redNir = result.GetProperty("described").GetProperty("RED_NIR_DEMO");
        Assert.Equal(["nir", "red"], redNir.GetProperty("bands").EnumerateArray().Select(b => b.GetString()).Order());
    }

    private static async Task<JsonElement> RunNodeAsync(string script, params string[] arguments)
    {
        var folder = Path.Combine(SharedPaths.RepositoryRoot, "tests", "js");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0, "node printed nothing: " + await stderr);
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }

    public void Dispose() => data.Dispose();
}
