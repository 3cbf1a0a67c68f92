using System.Diagnostics;

namespace OpenEoBridge.Geo.Tests.Support;

/// <summary>Runs a reference command-line tool (gdaltransform, cs2cs, python3) with stdin and returns stdout.</summary>
internal static class ExternalTool
{
    public static string Run(string executable, IEnumerable<string> arguments, string stdin = "")
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{executable} is not installed (tests/run-all.sh installs the Debian packages the tests need)", e);
        }

        using (process)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} did not finish within 2 minutes");
            }

            Assert.True(process.ExitCode == 0, $"{executable} failed ({process.ExitCode}): {stderr.Result}");
            return stdout.Result;
        }
    }
}
