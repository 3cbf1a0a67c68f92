using System.Collections.Concurrent;
using System.Net;

namespace OpenEoBridge.Storage.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 whose answers a test scripts request by request (errors, cut bodies, stalls).
/// Every request is recorded in <see cref="Requests"/> before it is answered.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, RecordedRequest, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, RecordedRequest, CancellationToken, Task> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePorts.FindOne();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
            }
        }

        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count(string method, string? pathContains = null) =>
        Requests.Count(r => r.Method == method && (pathContains is null || r.PathAndQuery.Contains(pathContains, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var recorded = new RecordedRequest(
            request.HttpMethod,
            request.Url!.PathAndQuery,
            request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow);
        Requests.Enqueue(recorded);
        try
        {
            await _handler(context, recorded, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // the client went away (for example after cancelling) or the test cut the connection
        }
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt);
