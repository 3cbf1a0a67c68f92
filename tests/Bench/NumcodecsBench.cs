using System.Diagnostics;
using System.Text.Json;

namespace OpenEoBridge.Bench;

/// <summary>Drives numcodecs_bench.py (Debian's python3-numcodecs) for the prepare step and the reference numbers.</summary>
internal static class NumcodecsBench
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "numcodecs_bench.py");

    public static void Prepare(string store, string array, string work) =>
        Run(["prepare", "--store", store, "--array", array, "--work", work]);

    /// <summary>Variant name → threads → MB/s of decoded output.</summary>
    public static Dictionary<string, Dictionary<string, double>> Measure(string work, string variant, int threads, int repeat)
    {
        var json = Run(["measure", "--work", work, "--variant", variant, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(json)
            ?? throw new InvalidOperationException("numcodecs_bench.py printed no results");
    }

    private static string Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"numcodecs_bench.py failed with exit code {process.ExitCode}");
        }

        return output;
    }
}
