using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>Writes a JSON answer completely into memory first, so a value that cannot be written fails before any byte is sent.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpContext context, NonFiniteNumbers nonFinite, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = nonFinite == NonFiniteNumbers.AsBareTokens }))
        {
            write(writer);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        if (nonFinite == NonFiniteNumbers.AsBareTokens)
        {
            context.Response.Headers[NonFiniteNumberRule.HeaderName] = NonFiniteNumberRule.TokensValue;
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
