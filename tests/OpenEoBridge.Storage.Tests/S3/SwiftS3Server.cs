using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.S3;
using OpenEoBridge.Storage.Tests.Support;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Storage.Tests.S3;

/// <summary>
/// A real S3 server for the test run: OpenStack Swift with s3api, started once by tests/s3/swift-s3.sh on free
/// loopback ports with its state in a temporary folder, and stopped (by the PIDs the script recorded) at the end.
/// </summary>
public sealed class SwiftS3Server : IAsyncLifetime
{
    public const string AccessKey = "test:tester";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private readonly string _base = Path.Combine(Path.GetTempPath(), "oeb-swift-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<IAmazonS3> _clients = [];
    private int _port;

    public string ServiceUrl => $"http://127.0.0.1:{_port}";

    /// <summary>A client with the project's settings, for setting up buckets.</summary>
    public IAmazonS3 AdminClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            _port = FreePorts.FindConsecutive(5);
            try
            {
                await RunScriptAsync("start", TimeSpan.FromSeconds(90)).ConfigureAwait(false);
                last = null;
                break;
            }
            catch (InvalidOperationException e) when (e.Message.Contains("is busy", StringComparison.Ordinal))
            {
                last = e; // another process took a port between the check and the start
            }
        }

        if (last is not null)
        {
            throw last;
        }

        AdminClient = S3ClientBuilder.Build(Profile("admin"));
        _clients.Add(AdminClient);
        // Healthchecks prove the processes are up; one signed request proves S3 authentication works end to end.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await AdminClient.ListBucketsAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await RunScriptAsync("stop", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        try
        {
            Directory.Delete(_base, recursive: true);
        }
        catch (IOException)
        {
            // a process that was still writing its log; the folder is in /tmp
        }
    }

    /// <summary>A profile for this server with the test credentials (or others, to test refusals).</summary>
    public S3ProfileOptions Profile(string name = "swift", string accessKey = AccessKey, string secretKey = SecretKey, Action<S3ProfileOptions>? configure = null)
    {
        var profile = new S3ProfileOptions
        {
            Name = name,
            ServiceUrl = ServiceUrl,
            Region = Region,
            AuthenticationRegion = Region,
            ForcePathStyle = true,
            AccessKey = accessKey,
            SecretKey = secretKey,
            Resilience = new StoreResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(60) },
        };
        configure?.Invoke(profile);
        return profile;
    }

    /// <summary>A new, empty bucket with a unique name.</summary>
    public async Task<string> CreateBucketAsync(string hint)
    {
        var name = $"{hint}-{Guid.NewGuid():N}"[..Math.Min(40, hint.Length + 33)];
        await AdminClient.PutBucketAsync(new PutBucketRequest { BucketName = name }).ConfigureAwait(false);
        return name;
    }

    /// <summary>A store over a bucket with its own SDK client configured from <paramref name="profile"/>.</summary>
    public S3Store Store(string bucket, string prefix = "", S3ProfileOptions? profile = null, bool writable = true)
    {
        profile ??= Profile();
        var client = S3ClientBuilder.Build(profile);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return new S3Store(client, bucket, prefix, profile, writable, limits: new EndpointConcurrencyLimits());
    }

    private async Task RunScriptAsync(string verb, TimeSpan timeout)
    {
        var script = Path.Combine(SharedPaths.RepositoryRoot, "tests", "s3", "swift-s3.sh");
        var start = new ProcessStartInfo("bash", [script, verb])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["BASE"] = _base;
        start.Environment["S3_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // if this test process dies without disposing the fixture, the script's watchdog stops the servers
        start.Environment["OWNER_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"swift-s3.sh {verb} did not finish within {timeout}; logs in {_base}/log");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"swift-s3.sh {verb} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }
}
