using System.Net;

namespace OpenEoBridge.Backend.Tests.Processing;

/// <summary>Time and concurrency limits of <c>POST /result</c>, and cancellation when the client goes away.</summary>
public sealed class SyncLimitTests
{
    private static readonly string WaitGraph = ProcessingEndpointTests.ResultBody("""{"w":{"process_id":"wait","arguments":{},"result":true}}""");

    [Fact]
    public async Task A_computation_beyond_the_configured_time_is_answered_with_RequestTimeout()
    {
        using var factory = ProcessingAppFactory.With(new Dictionary<string, string?> { ["OpenEo:Processes:Sync:Timeout"] = "00:00:00.200" });
        var client = await factory.CreateAuthenticatedClientAsync();

        var response = await client.PostAsync("/openeo/1.2/result", ProcessingEndpointTests.Json(WaitGraph));

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("RequestTimeout", await ProcessingEndpointTests.ErrorCodeAsync(response));
        Assert.Equal(1, factory.Wait.Cancelled);
    }

    [Fact]
    public async Task Requests_beyond_the_concurrency_limit_get_InfrastructureBusy_and_a_disconnect_cancels_the_run()
    {
        using var factory = ProcessingAppFactory.With(new Dictionary<string, string?> { ["OpenEo:Processes:Sync:MaxConcurrentRequests"] = "1" });
        var client = await factory.CreateAuthenticatedClientAsync();
        using var disconnect = new CancellationTokenSource();

        var first = client.PostAsync("/openeo/1.2/result", ProcessingEndpointTests.Json(WaitGraph), disconnect.Token);
        await factory.Wait.FirstStart.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await client.PostAsync("/openeo/1.2/result", ProcessingEndpointTests.Json(WaitGraph));
        await disconnect.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("InfrastructureBusy", await ProcessingEndpointTests.ErrorCodeAsync(second));
        Assert.NotNull(second.Headers.RetryAfter);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Wait.Cancelled == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, factory.Wait.Cancelled);
        Assert.Equal(1, factory.Wait.Started);
    }
}
