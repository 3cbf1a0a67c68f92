using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>
/// JSON for the HTTP API: snake_case names (openEO's convention), the configured nesting limit. Nulls are
/// written: optional properties opt out one by one with <c>JsonIgnore(WhenWritingNull)</c>, because some
/// nulls carry meaning (open interval ends, <c>step: null</c>, STAC <c>geometry</c>/<c>datetime</c>).
/// </summary>
public sealed class JsonConfiguration(IOptions<OpenEoOptions> options) : IConfigureOptions<JsonOptions>
{
    public void Configure(JsonOptions json)
    {
        json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.SerializerOptions.MaxDepth = options.Value.Limits.MaxJsonDepth;
    }
}
