using System.Net;
using System.Text;

namespace OpenEoBridge.Storage.Tests.Support;

/// <summary>Ways for a <see cref="LoopbackHttpServer"/> handler to answer.</summary>
internal static class Respond
{
    public static async Task WithAsync(HttpListenerContext context, int status, byte[]? body = null, IDictionary<string, string>? headers = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        body ??= [];
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD" && body.Length > 0)
        {
            await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
    }

    /// <summary>Announces the whole body, sends only its first <paramref name="sent"/> bytes, then drops the connection.</summary>
    public static async Task CutAsync(HttpListenerContext context, byte[] body, int sent, int status = 200, IDictionary<string, string>? headers = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body.AsMemory(0, sent)).ConfigureAwait(false);
        await response.OutputStream.FlushAsync().ConfigureAwait(false);
        response.Abort();
    }

    /// <summary>An S3-style XML error.</summary>
    public static Task S3ErrorAsync(HttpListenerContext context, int status, string code, IDictionary<string, string>? headers = null) =>
        WithAsync(context, status, Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code} (test)</Message><RequestId>test</RequestId></Error>"),
            new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Content-Type"] = "application/xml" });
}
