using Microsoft.Extensions.Logging;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.S3;
using OpenEoBridge.Storage.Tests.Support;

namespace OpenEoBridge.Storage.Tests.Resilience;

/// <summary>The S3 store's retries and write safety, against a scripted loopback S3 (a real server cannot fail on cue).</summary>
public sealed class S3RetryTests : IAsyncLifetime
{
    private readonly FakeS3Server _s3 = new();
    private readonly ListLogger _log = new();
    private readonly List<IDisposable> _clients = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task A_put_refused_with_slow_down_is_sent_again_and_written_once()
    {
        var puts = 0;
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "PUT" && Interlocked.Increment(ref puts) == 1)
            {
                await Respond.S3ErrorAsync(context, 503, "SlowDown");
                return true;
            }

            return false;
        };
        var store = NewStore();
        var value = new byte[] { 1, 2, 3, 4 };

        await store.SetAsync("k", value);

        Assert.Equal(2, _s3.Server.Count("PUT"));
        Assert.Equal(1, _s3.Writes);
        Assert.Equal(value, _s3.Objects["bucket/k"]);
        Assert.Equal(1, store.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task A_get_whose_body_is_cut_is_read_again()
    {
        var value = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();
        _s3.Put("bucket/k", value);
        var gets = 0;
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "GET" && Interlocked.Increment(ref gets) == 1)
            {
                await Respond.CutAsync(context, value, 1000);
                return true;
            }

            return false;
        };
        var store = NewStore();

        Assert.Equal(value, await store.GetAsync("k"));
        Assert.Equal(2, _s3.Server.Count("GET"));
    }

    [Fact]
    public async Task Slow_down_with_retry_after_is_honoured()
    {
        _s3.Put("bucket/k", [7]);
        var gets = 0;
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "GET" && Interlocked.Increment(ref gets) == 1)
            {
                await Respond.S3ErrorAsync(context, 503, "SlowDown", new Dictionary<string, string> { ["Retry-After"] = "1" });
                return true;
            }

            return false;
        };
        var store = NewStore();

        Assert.Equal(new byte[] { 7 }, await store.GetAsync("k"));

        var times = _s3.Server.Requests.Select(r => r.ReceivedAt).ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Conditional_create_writes_once_and_then_reports_the_key_taken()
    {
        var store = NewStore();

        Assert.True(await store.SetIfAbsentAsync("lock", new byte[] { 1 }));
        Assert.False(await store.SetIfAbsentAsync("lock", new byte[] { 2 }));
        Assert.Equal(new byte[] { 1 }, _s3.Objects["bucket/lock"]);
        Assert.Equal("*", _s3.Server.Requests.First().Headers["If-None-Match"]);
    }

    [Fact]
    public async Task A_conditional_create_with_an_ambiguous_failure_is_not_repeated()
    {
        // The server writes the object, then fails: a repeat would find our own object and report a false conflict.
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "PUT")
            {
                _s3.ApplyOnly(context, request);
                await Respond.S3ErrorAsync(context, 500, "InternalError");
                return true;
            }

            return false;
        };
        var store = NewStore();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.SetIfAbsentAsync("lock", new byte[] { 1 }));

        Assert.Equal(1, error.Attempts);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _s3.Server.Count("PUT"));
        Assert.Equal(1, _s3.Writes);
    }

    [Fact]
    public async Task A_conditional_create_refused_with_slow_down_is_repeated()
    {
        var puts = 0;
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "PUT" && Interlocked.Increment(ref puts) == 1)
            {
                await Respond.S3ErrorAsync(context, 503, "SlowDown");
                return true;
            }

            return false;
        };
        var store = NewStore();

        Assert.True(await store.SetIfAbsentAsync("lock", new byte[] { 1 }));
        Assert.Equal(2, _s3.Server.Count("PUT"));
        Assert.Equal(1, _s3.Writes);
    }

    [Fact]
    public async Task Multipart_completion_whose_answer_was_lost_is_confirmed_not_redone()
    {
        var completions = 0;
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "POST" && request.PathAndQuery.Contains("uploadId=", StringComparison.Ordinal) && Interlocked.Increment(ref completions) == 1)
            {
                _s3.ApplyOnly(context, request); // the upload is completed ...
                await Respond.CutAsync(context, new byte[200], 10); // ... but the answer never arrives whole
                return true;
            }

            return false;
        };
        var profile = Profile(p =>
        {
            p.MultipartPartSize = 5 * 1024 * 1024;
            p.MultipartThreshold = 5 * 1024 * 1024;
        });
        var store = NewStore(profile);
        var value = new byte[(11 * 1024 * 1024) + 3];
        new Random(5).NextBytes(value);

        await store.SetAsync("big", value);

        Assert.Equal(value, _s3.Objects["bucket/big"]);
        Assert.Equal(1, _s3.Writes);
        Assert.Equal(3, _s3.Server.Count("PUT")); // parts, each once
        Assert.Equal(2, completions);
        Assert.Equal(1, _s3.Server.Count("HEAD"));
        Assert.Equal(0, _s3.Server.Count("DELETE")); // not aborted
    }

    [Fact]
    public async Task A_failed_multipart_upload_is_aborted()
    {
        _s3.Fault = async (context, request) =>
        {
            if (request.Method == "PUT" && request.PathAndQuery.Contains("partNumber=2", StringComparison.Ordinal))
            {
                await Respond.S3ErrorAsync(context, 400, "InvalidArgument");
                return true;
            }

            return false;
        };
        var store = NewStore(Profile(p =>
        {
            p.MultipartPartSize = 5 * 1024 * 1024;
            p.MultipartThreshold = 5 * 1024 * 1024;
        }));

        var error = await Assert.ThrowsAsync<StoreException>(async () => await store.SetAsync("big", new byte[11 * 1024 * 1024]));

        Assert.Contains("InvalidArgument", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _s3.Server.Count("DELETE", "uploadId="));
        Assert.Equal(0, _s3.Writes);
    }

    [Fact]
    public async Task Access_denied_for_a_key_is_missing_only_once_read_permission_is_proven()
    {
        _s3.Put("bucket/present", [1]);
        _s3.Fault = async (context, request) =>
        {
            if (request.PathAndQuery.Contains("/absent", StringComparison.Ordinal))
            {
                await Respond.S3ErrorAsync(context, 403, "AccessDenied");
                return true;
            }

            return false;
        };
        var store = NewStore();

        // nothing read yet: the 403 could mean "no permission at all", so it is an error
        var error = await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.GetAsync("absent"));
        Assert.Contains("denied", error.Message, StringComparison.Ordinal);

        Assert.Equal(new byte[] { 1 }, await store.GetAsync("present"));
        Assert.Null(await store.GetAsync("absent"));
        Assert.False(await store.ExistsAsync("absent"));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("treating the key as missing", StringComparison.Ordinal) && l.Message.Contains("absent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_setting_treats_access_denied_as_missing_from_the_start()
    {
        _s3.Fault = async (context, request) =>
        {
            await Respond.S3ErrorAsync(context, 403, "AccessDenied");
            return true;
        };
        var store = NewStore(Profile(p => p.MissingKeysAnswerForbidden = true));

        Assert.Null(await store.GetAsync("absent"));
    }

    private S3ProfileOptions Profile(Action<S3ProfileOptions>? configure = null)
    {
        var profile = new S3ProfileOptions
        {
            Name = "fake",
            ServiceUrl = _s3.ServiceUrl,
            AccessKey = "a",
            SecretKey = "b",
            Resilience = new StoreResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(20) },
        };
        configure?.Invoke(profile);
        return profile;
    }

    private S3Store NewStore(S3ProfileOptions? profile = null)
    {
        profile ??= Profile();
        var client = S3ClientBuilder.Build(profile);
        _clients.Add(client);
        return new S3Store(client, "bucket", "", profile, logger: _log, limits: new EndpointConcurrencyLimits());
    }
}
