using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace OpenEoBridge.Storage.Tests.Support;

/// <summary>
/// A loopback static file server over an in-memory set of files (path → bytes), with or without support for
/// <c>Range</c> (without it, ranged requests get the whole file with 200, as some real servers do).
/// </summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly bool _supportsRange;
    private readonly bool _supportsHead;

    public StaticFileServer(bool supportsRange, bool supportsHead = true)
    {
        _supportsRange = supportsRange;
        _supportsHead = supportsHead;
        Server = new LoopbackHttpServer(HandleAsync);
    }

    public LoopbackHttpServer Server { get; }

    public Uri BaseUri => Server.BaseUri;

    /// <summary>Adds a file at <paramref name="path"/> (no leading '/').</summary>
    public void Add(string path, byte[] content) => _files[path] = content;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context, RecordedRequest request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        if (request.Method is not ("GET" or "HEAD") || (request.Method == "HEAD" && !_supportsHead))
        {
            await Respond.WithAsync(context, 405).ConfigureAwait(false);
            return;
        }

        if (!_files.TryGetValue(path, out var content))
        {
            await Respond.WithAsync(context, 404).ConfigureAwait(false);
            return;
        }

        var range = context.Request.Headers["Range"];
        if (!_supportsRange || range is null)
        {
            await Respond.WithAsync(context, 200, content, _supportsRange ? new Dictionary<string, string> { ["Accept-Ranges"] = "bytes" } : null).ConfigureAwait(false);
            return;
        }

        if (ParseRange(range, content.Length) is not { } bounds)
        {
            await Respond.WithAsync(context, 416, null, new Dictionary<string, string> { ["Content-Range"] = $"bytes */{content.Length}" }).ConfigureAwait(false);
            return;
        }

        var (start, end) = bounds;
        await Respond.WithAsync(context, 206, content[(int)start..((int)end + 1)], new Dictionary<string, string> { ["Content-Range"] = $"bytes {start}-{end}/{content.Length}" }).ConfigureAwait(false);
    }

    private static (long Start, long End)? ParseRange(string header, long size)
    {
        var spec = header["bytes=".Length..];
        var dash = spec.IndexOf('-');
        var first = spec[..dash];
        var last = spec[(dash + 1)..];
        if (first.Length == 0)
        {
            var suffix = long.Parse(last, CultureInfo.InvariantCulture);
            return size == 0 ? null : (Math.Max(0, size - suffix), size - 1);
        }

        var start = long.Parse(first, CultureInfo.InvariantCulture);
        if (start >= size)
        {
            return null;
        }

        var end = last.Length == 0 ? size - 1 : Math.Min(size - 1, long.Parse(last, CultureInfo.InvariantCulture));
        return (start, end);
    }
}
