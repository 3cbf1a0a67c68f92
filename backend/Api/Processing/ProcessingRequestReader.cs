using System.Text.Json;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Values;
using BackendError = OpenEoBridge.Backend.Errors.OpenEoException;
using ErrorCodes = OpenEoBridge.Backend.Errors.OpenEoErrorCodes;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>
/// Reads a JSON request body for the processing endpoints. The body is parsed here (not by model binding) with a
/// depth limit far above the engine's complexity limits, so a deep graph is answered with ProcessGraphComplexity,
/// and with bare NaN/Infinity only under <see cref="NonFiniteNumberRule"/>.
/// </summary>
internal static class ProcessingRequestReader
{
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, NonFiniteNumbers nonFinite, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackendError(ErrorCodes.ContentTypeInvalid, $"The media type '{contentType}' is not supported. Allowed: application/json");
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (nonFinite == NonFiniteNumbers.AsBareTokens)
        {
            text = NonFiniteJson.Rewrite(text);
        }

        try
        {
            return JsonDocument.Parse(text, ProcessGraphReader.JsonOptions);
        }
        catch (JsonException e)
        {
            var hint = nonFinite == NonFiniteNumbers.Reject && (text.Contains("NaN", StringComparison.Ordinal) || text.Contains("Infinity", StringComparison.Ordinal))
                ? $" Bare NaN/Infinity tokens are only accepted with the header '{NonFiniteNumberRule.HeaderName}: {NonFiniteNumberRule.TokensValue}'."
                : "";
            throw new BackendError(ErrorCodes.JsonInvalid, $"The request body is not valid JSON: {e.Message}{hint}");
        }
    }
}
