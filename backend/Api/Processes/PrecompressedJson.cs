using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace OpenEoBridge.Backend.Api.Processes;

/// <summary>
/// A JSON document prepared once for serving many times: its bytes, gzip and Brotli forms compressed at the
/// smallest size (paid once, not per request) and a weak ETag over the content, valid for every encoding.
/// </summary>
public sealed class PrecompressedJson
{
    public PrecompressedJson(byte[] body)
    {
        Body = body;
        Gzip = Compress(body, s => new GZipStream(s, CompressionLevel.SmallestSize));
        Brotli = Compress(body, s => new BrotliStream(s, CompressionLevel.SmallestSize));
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", isWeak: true);
    }

    public byte[] Body { get; }

    public byte[] Gzip { get; }

    public byte[] Brotli { get; }

    public EntityTagHeaderValue ETag { get; }

    /// <summary>Writes 304 when the client already holds this content, else the best encoding it accepts.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var request = context.Request.GetTypedHeaders();
        var response = context.Response;
        response.Headers.ETag = ETag.ToString();
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "no-cache";
        if (request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var (bytes, encoding) = Choose(request.AcceptEncoding);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private (byte[] Bytes, string? Encoding) Choose(IList<StringWithQualityHeaderValue> accepted)
    {
        double Quality(string coding) => accepted
            .Where(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase) || a.Value.Value == "*")
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        var brotli = Quality("br");
        var gzip = Quality("gzip");
        if (brotli > 0 && brotli >= gzip)
        {
            return (Brotli, "br");
        }

        return gzip > 0 ? (Gzip, "gzip") : (Body, null);
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer))
        {
            stream.Write(body);
        }

        return buffer.ToArray();
    }
}
