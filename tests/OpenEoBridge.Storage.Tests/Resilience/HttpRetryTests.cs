using System.Diagnostics;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.Tests.Support;

namespace OpenEoBridge.Storage.Tests.Resilience;

/// <summary>The retry layer under injected faults, through the HTTP store and a scripted loopback server.</summary>
public sealed class HttpRetryTests : IDisposable
{
    private static readonly byte[] Payload = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ListLogger _log = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Server_errors_are_retried_until_an_answer_comes()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, _, _) =>
            Interlocked.Increment(ref calls) <= 2 ? Respond.WithAsync(context, 503) : Respond.WithAsync(context, 200, Payload));
        var store = NewStore(server);

        Assert.Equal(Payload, await store.GetAsync("k"));

        var metrics = store.Metrics.Snapshot();
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, metrics.Requests);
        Assert.Equal(2, metrics.FailedRequests);
        Assert.Equal(2, metrics.Retries);
        Assert.Equal(Payload.Length, metrics.BytesRead);
        Assert.Contains(_log.Lines, l => l.Message.Contains("key k failed with status 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_retry_after_says()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, _, _) => Interlocked.Increment(ref calls) == 1
            ? Respond.WithAsync(context, 429, null, new Dictionary<string, string> { ["Retry-After"] = "1" })
            : Respond.WithAsync(context, 200, Payload));
        var store = NewStore(server);

        Assert.Equal(Payload, await store.GetAsync("k"));

        var times = server.Requests.Select(r => r.ReceivedAt).ToArray();
        Assert.Equal(2, times.Length);
        // The base delay is 10 ms: only Retry-After explains a gap of a second.
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
        Assert.Equal(1, store.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task A_body_cut_in_the_middle_is_fetched_again()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, _, _) => Interlocked.Increment(ref calls) == 1
            ? Respond.CutAsync(context, Payload, Payload.Length / 2)
            : Respond.WithAsync(context, 200, Payload));
        var store = NewStore(server);

        Assert.Equal(Payload, await store.GetAsync("k"));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, store.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task A_stalled_answer_times_out_and_is_retried()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(async (context, _, stop) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, stop);
            }

            await Respond.WithAsync(context, 200, Payload);
        });
        var store = NewStore(server, attemptTimeout: TimeSpan.FromMilliseconds(500));

        Assert.Equal(Payload, await store.GetAsync("k"));
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(_log.Lines, l => l.Message.Contains("no complete answer within 0.5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caller_cancellation_stops_a_stalled_request_and_all_retries()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer((_, _, stop) =>
        {
            received.TrySetResult();
            return Task.Delay(Timeout.Infinite, stop);
        });
        var store = NewStore(server, attemptTimeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var watch = Stopwatch.StartNew();
        var read = store.GetAsync("k", cancel.Token).AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

        // well before the 30 s attempt timeout: the caller's token reached the request
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        await Task.Delay(300);
        Assert.Single(server.Requests);
        Assert.Equal(0, store.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task Cancellation_during_the_backoff_wait_stops_retrying()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (context, _, _) =>
        {
            await Respond.WithAsync(context, 503, null, new Dictionary<string, string> { ["Retry-After"] = "20" });
            received.TrySetResult();
        });
        var store = NewStore(server);
        using var cancel = new CancellationTokenSource();

        var read = store.GetAsync("k", cancel.Token).AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(200);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_in_a_clear_error()
    {
        await using var server = new LoopbackHttpServer((context, _, _) => Respond.WithAsync(context, 502));
        var store = NewStore(server, maxRetries: 3);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.GetAsync("a/b"));

        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("'a/b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, store.Metrics.Snapshot().Retries);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Permanent_answers_are_not_retried(int status)
    {
        await using var server = new LoopbackHttpServer((context, _, _) => Respond.WithAsync(context, status));
        var store = NewStore(server);

        try
        {
            Assert.Null(await store.GetAsync("k"));
            Assert.Equal(404, status);
        }
        catch (StoreException e)
        {
            Assert.Equal(status, e.StatusCode);
        }

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        var port = FreePorts.FindOne(); // nothing listens there
        var store = new HttpStore(new Uri($"http://127.0.0.1:{port}/"), _client, Options(2, TimeSpan.FromSeconds(5)), _log, new EndpointConcurrencyLimits());

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.GetAsync("k"));
        Assert.Equal(3, error.Attempts);
        Assert.Contains("connection failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_one_endpoint_stay_within_the_concurrency_bound()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = new LoopbackHttpServer(async (context, _, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
            await Respond.WithAsync(context, 200, [1]);
        });
        var options = Options(0, TimeSpan.FromSeconds(30));
        options.Resilience.MaxConcurrentRequestsPerEndpoint = 3;
        var limits = new EndpointConcurrencyLimits();
        // two stores over the same server share its bound
        var first = new HttpStore(new Uri(server.BaseUri, "a/"), _client, options, null, limits);
        var second = new HttpStore(new Uri(server.BaseUri, "b/"), _client, options, null, limits);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? first : second).GetAsync($"k{i}").AsTask()));

        Assert.Equal(24, server.Requests.Count);
        Assert.InRange(maxInFlight, 1, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static HttpStoreOptions Options(int maxRetries, TimeSpan attemptTimeout) => new()
    {
        Resilience = new StoreResilienceOptions { MaxRetryAttempts = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = attemptTimeout },
    };

    private HttpStore NewStore(LoopbackHttpServer server, int maxRetries = 4, TimeSpan? attemptTimeout = null) =>
        new(server.BaseUri, _client, Options(maxRetries, attemptTimeout ?? TimeSpan.FromSeconds(10)), _log, new EndpointConcurrencyLimits());
}
