using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace OpenEoBridge.Backend.Errors;

/// <summary>Writes openEO error documents; used by the error middleware and the authentication handler.</summary>
public static class OpenEoErrorWriter
{
    public static async Task WriteAsync(HttpContext context, OpenEoException error)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = error.Status;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        var body = new OpenEoErrorBody(NewTrackingId(context), error.Code, error.Message, []);
        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
        await response.WriteAsJsonAsync(body, options, contentType: "application/json", cancellationToken: context.RequestAborted);
    }

    /// <summary>The id a user can quote to an operator; it is the request's trace id, which also appears in every log line of the request.</summary>
    public static string NewTrackingId(HttpContext context) => context.TraceIdentifier;
}
