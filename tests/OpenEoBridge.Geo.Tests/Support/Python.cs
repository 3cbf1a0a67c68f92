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
        return ExternalTool.Run(Interpreter, ["-W", "ignore", "-c", script], stdin);
    }
}
