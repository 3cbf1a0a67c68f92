using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>
/// The real back-end as a separate process on a loopback port (real Kestrel, real configuration loading),
/// for clients that must talk over a socket.
/// </summary>
public sealed partial class BackendProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BackendProcess(Process process)
    {
        this.process = process;
    }

    public string Url { get; private set; } = string.Empty;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<BackendProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = OpenEoAppFactory.BackendContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--OpenEo:DataDirectory={dataDirectory}");

        // Off unless a test turns it on (a later argument wins): the demo data costs seconds of CPU per data directory.
        start.ArgumentList.Add("--OpenEo:Catalog:Demo=false");
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not inherit settings meant for the test host.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var backend = new BackendProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (backend.output)
            {
                backend.output.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups[1].Value);
            }
        }

        backend.process.OutputDataReceived += (_, e) => Read(e.Data);
        backend.process.ErrorDataReceived += (_, e) => Read(e.Data);
        backend.process.BeginOutputReadLine();
        backend.process.BeginErrorReadLine();
        backend.process.EnableRaisingEvents = true;
        backend.process.Exited += (_, _) =>
        {
            // Exited can fire before the last output lines are read; this wait drains the redirected streams.
            backend.process.WaitForExit();
            listening.TrySetException(new InvalidOperationException("The back-end exited during start-up:\n" + backend.Output));
        };

        var winner = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromMinutes(2)));
        if (winner != listening.Task)
        {
            await backend.DisposeAsync();
            throw new TimeoutException("The back-end did not start listening within 2 minutes:\n" + backend.Output);
        }

        backend.Url = (await listening.Task).TrimEnd('/');
        return backend;
    }

    /// <summary>
    /// Requests the discovery documents once, so that clients with short timeouts (the JS client gives
    /// <c>/.well-known/openeo</c> 5 s) do not pay for start-up work on a busy machine.
    /// </summary>
    public async Task WarmUpAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in new[] { "/.well-known/openeo", "/openeo/1.2/", "/openeo/1.2/credentials/basic" })
        {
            using var response = await client.GetAsync(path);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
