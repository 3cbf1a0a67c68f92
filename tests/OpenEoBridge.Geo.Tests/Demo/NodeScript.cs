using System.Diagnostics;
using System.Text.Json;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>
/// Runs an ES module given as text with Node, from tests/js so that its npm packages (zarrita) resolve,
/// and parses stdout as JSON.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static JsonElement RunJson(string module, params string[] arguments)
    {
        var directory = Path.Combine(SharedPaths.RepositoryRoot, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "zarrita")), "zarrita is missing: run `npm ci` in tests/js (tests/run-all.sh does)");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["--input-type=module", "-e", module, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node did not finish within {Timeout}");
        }

        Assert.True(process.ExitCode == 0, $"node failed ({process.ExitCode}): {stderr.Result}");
        using var document = JsonDocument.Parse(stdout.Result);
        return document.RootElement.Clone();
    }
}
