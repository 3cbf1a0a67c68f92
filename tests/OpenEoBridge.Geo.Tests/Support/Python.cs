using System.Diagnostics;
using System.Text.Json;

namespace OpenEoBridge.Geo.Tests.Support;

/// <summary>Runs Debian's Python (with cftime, xarray, rioxarray, pyproj) as the independent reference implementation.</summary>
internal static class Python
{
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/>, feeding <paramref name="input"/> as JSON on stdin, and parses stdout as JSON.</summary>
    public static JsonElement RunJson(string script, object? input = null)
    {
        var output = Run(script, input is null ? string.Empty : JsonSerializer.Serialize(input));
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    public static string Run(string script, string stdin = "")
    {
        Assert.True(File.Exists(Interpreter), $"{Interpreter} is required (Debian python3 with cftime/xarray; tests/run-all.sh installs it).");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-W");
        start.ArgumentList.Add("ignore");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 reference script did not finish within 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"python3 failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
