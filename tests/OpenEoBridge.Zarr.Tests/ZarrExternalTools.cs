using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Runs the independent readers/writers (zarr-python 2 from Debian, zarrita.js from npm) with a timeout.</summary>
internal static class ZarrExternalTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ScriptsDirectory => Path.Combine(SharedPaths.RepositoryRoot, "tests", "OpenEoBridge.Zarr.Tests", "ZarrScripts");

    public static string JsDirectory => Path.Combine(SharedPaths.RepositoryRoot, "tests", "js");

    public static Task<JsonObject> PythonAsync(string script, params string[] args) =>
        RunAsync("/usr/bin/python3", ScriptsDirectory, [Path.Combine(ScriptsDirectory, script), .. args]);

    public static Task<JsonObject> NodeAsync(string script, params string[] args) =>
        RunAsync("node", JsDirectory, [Path.Combine(JsDirectory, script), .. args]);

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<JsonObject> RunAsync(string program, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
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
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {Timeout}");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }

        return JsonNode.Parse(output)!.AsObject();
    }
}

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class ZarrTempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("oeb-zarr-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
