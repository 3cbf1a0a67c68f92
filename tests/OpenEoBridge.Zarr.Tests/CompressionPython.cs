using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Runs Debian's numcodecs (c-blosc 1.x) as an independent codec implementation for the tests.</summary>
internal static class CompressionPython
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static string Script => Path.Combine(
        SharedPaths.RepositoryRoot, "tests", "OpenEoBridge.Zarr.Tests", "CompressionScripts", "numcodecs_batch.py");

    /// <summary>Runs the jobs (see numcodecs_batch.py) and returns one result per job.</summary>
    public static async Task<IReadOnlyList<string?>> RunBatchAsync(IReadOnlyList<JsonObject> jobs, string workDirectory)
    {
        var jobsFile = Path.Combine(workDirectory, "jobs.json");
        await File.WriteAllTextAsync(jobsFile, new JsonArray(jobs.Select(j => (JsonNode)j).ToArray()).ToJsonString());
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(jobsFile);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        using var cancel = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"numcodecs batch did not finish within {Timeout}.");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"numcodecs batch failed ({process.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<List<string?>>(output) ?? throw new InvalidOperationException("numcodecs batch printed no JSON.");
    }

    public static JsonObject Job(string op, JsonObject codec, string input, string? output = null, string? dtype = null)
    {
        var job = new JsonObject { ["op"] = op, ["codec"] = codec, ["input"] = input };
        if (output is not null)
        {
            job["output"] = output;
        }

        if (dtype is not null)
        {
            job["dtype"] = dtype;
        }

        return job;
    }
}
