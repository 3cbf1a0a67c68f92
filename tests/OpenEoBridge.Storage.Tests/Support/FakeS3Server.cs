using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace OpenEoBridge.Storage.Tests.Support;

/// <summary>
/// A minimal path-style S3 on loopback (objects, ranged GET, HEAD, conditional PUT, multipart upload) whose
/// answers a test can replace request by request through <see cref="Fault"/>, to inject failures that a real
/// server cannot be made to produce on demand. It does not check signatures.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    private const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte[]>> _uploads = new(StringComparer.Ordinal);
    private int _writes;

    public FakeS3Server() => Server = new LoopbackHttpServer(HandleAsync);

    public LoopbackHttpServer Server { get; }

    public string ServiceUrl => Server.BaseUri.ToString().TrimEnd('/');

    /// <summary>Objects written (PUT or multipart completion actually applied).</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>
    /// Called before the normal handling; answers the request itself and returns true to replace it. It may call
    /// <see cref="ApplyOnly"/> to let the server act without answering (for "acted, but the answer was lost").
    /// </summary>
    public Func<HttpListenerContext, RecordedRequest, Task<bool>>? Fault { get; set; }

    public IReadOnlyDictionary<string, byte[]> Objects => _objects;

    public void Put(string bucketAndKey, byte[] value)
    {
        _objects[bucketAndKey] = value;
        _etags[bucketAndKey] = Convert.ToHexStringLower(MD5.HashData(value));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>Carries out the request's effect (a write or a multipart completion) without answering it.</summary>
    public void ApplyOnly(HttpListenerContext context, RecordedRequest request) => _ = Apply(context, request);

    private async Task HandleAsync(HttpListenerContext context, RecordedRequest request, CancellationToken cancellationToken)
    {
        if (Fault is { } fault && await fault(context, request).ConfigureAwait(false))
        {
            return;
        }

        var (status, body, headers) = Apply(context, request);
        if (status >= 400)
        {
            await Respond.S3ErrorAsync(context, status, Encoding.UTF8.GetString(body ?? []), headers).ConfigureAwait(false);
            return;
        }

        await Respond.WithAsync(context, status, body, headers).ConfigureAwait(false);
    }

    /// <summary>Returns status, body (for errors: the S3 error code) and headers.</summary>
    private (int Status, byte[]? Body, Dictionary<string, string> Headers) Apply(HttpListenerContext context, RecordedRequest request)
    {
        var url = context.Request.Url!;
        var key = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        var query = context.Request.QueryString;
        var none = new Dictionary<string, string>();
        switch (request.Method)
        {
            case "PUT" when query["uploadId"] is { } uploadId:
                if (!_uploads.TryGetValue(uploadId, out var parts))
                {
                    return (404, Encoding.UTF8.GetBytes("NoSuchUpload"), none);
                }

                parts[int.Parse(query["partNumber"]!, CultureInfo.InvariantCulture)] = request.Body;
                return (200, null, new() { ["ETag"] = $"\"{Convert.ToHexStringLower(MD5.HashData(request.Body))}\"" });
            case "PUT":
                if (request.Headers.TryGetValue("If-None-Match", out var ifNoneMatch) && ifNoneMatch == "*" && _objects.ContainsKey(key))
                {
                    return (412, Encoding.UTF8.GetBytes("PreconditionFailed"), none);
                }

                Put(key, request.Body);
                Interlocked.Increment(ref _writes);
                return (200, null, new() { ["ETag"] = $"\"{_etags[key]}\"" });
            case "POST" when query["uploadId"] is null:
                var id = Guid.NewGuid().ToString("N");
                _uploads[id] = new ConcurrentDictionary<int, byte[]>();
                var bucket = key.Split('/')[0];
                return (200, Xml($"<InitiateMultipartUploadResult xmlns=\"{Namespace}\"><Bucket>{bucket}</Bucket><Key>{key[(bucket.Length + 1)..]}</Key><UploadId>{id}</UploadId></InitiateMultipartUploadResult>"), XmlHeaders());
            case "POST" when query["uploadId"] is { } completeId:
                if (!_uploads.TryRemove(completeId, out var uploaded))
                {
                    return (404, Encoding.UTF8.GetBytes("NoSuchUpload"), none);
                }

                var whole = uploaded.OrderBy(p => p.Key).SelectMany(p => p.Value).ToArray();
                _objects[key] = whole;
                _etags[key] = $"{Convert.ToHexStringLower(MD5.HashData(whole))}-{uploaded.Count}";
                Interlocked.Increment(ref _writes);
                return (200, Xml($"<CompleteMultipartUploadResult xmlns=\"{Namespace}\"><Key>{key}</Key><ETag>\"{_etags[key]}\"</ETag></CompleteMultipartUploadResult>"), XmlHeaders());
            case "DELETE" when query["uploadId"] is { } abortId:
                _uploads.TryRemove(abortId, out _);
                return (204, null, none);
            case "DELETE":
                _objects.TryRemove(key, out _);
                return (204, null, none);
            case "GET" or "HEAD":
                if (!_objects.TryGetValue(key, out var value))
                {
                    return (404, Encoding.UTF8.GetBytes("NoSuchKey"), none);
                }

                var headers = new Dictionary<string, string> { ["ETag"] = $"\"{_etags[key]}\"", ["Last-Modified"] = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture) };
                if (request.Headers.TryGetValue("Range", out var range) && request.Method == "GET")
                {
                    var bounds = range["bytes=".Length..].Split('-');
                    var start = long.Parse(bounds[0], CultureInfo.InvariantCulture);
                    var end = bounds[1].Length == 0 ? value.Length - 1 : Math.Min(value.Length - 1, long.Parse(bounds[1], CultureInfo.InvariantCulture));
                    headers["Content-Range"] = $"bytes {start}-{end}/{value.Length}";
                    return (206, value[(int)start..((int)end + 1)], headers);
                }

                return (200, value, headers);
            default:
                return (501, Encoding.UTF8.GetBytes("NotImplemented"), none);
        }
    }

    private static byte[] Xml(string text) => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + text);

    private static Dictionary<string, string> XmlHeaders() => new() { ["Content-Type"] = "application/xml" };
}
