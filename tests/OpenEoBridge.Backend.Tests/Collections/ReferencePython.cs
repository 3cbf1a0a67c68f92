using System.Diagnostics;
using System.Text.Json;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>Debian's Python with xarray/rioxarray, the independent reference for what a store contains.</summary>
internal static class ReferencePython
{
    private const string Interpreter = "/usr/bin/python3";

    public static JsonElement RunJson(string script, object? input = null)
    {
        using var document = JsonDocument.Parse(Run(script, input is null ? string.Empty : JsonSerializer.Serialize(input)));
        return document.RootElement.Clone();
    }

    public static string Run(string script, string stdin = "")
    {
        Assert.True(File.Exists(Interpreter), $"{Interpreter} is required (Debian python3 with xarray/rioxarray; tests/run-all.sh installs it).");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-W", "ignore", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start");
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} did not finish within 3 minutes");
        }

        Assert.True(process.ExitCode == 0, $"python failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
