using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>Reads a response as JSON and checks it against the official OpenAPI schema for its status.</summary>
public static class JsonAssert
{
    public static async Task<JsonElement> ValidResponseAsync(HttpResponseMessage response, string specPath, string method = "get")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"Content-Type was {response.Content.Headers.ContentType}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var errors = OpenApiSpec.Instance.Validate(specPath, method, (int)response.StatusCode, body);
        Assert.True(errors.Count == 0, $"{method.ToUpperInvariant()} {specPath} {(int)response.StatusCode} does not match openapi.yaml:\n{string.Join('\n', errors)}\n{text}");
        return body;
    }

    /// <summary>An openEO error body with the given code (validated against the spec's error schema).</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, int status, string code, string specPath = "/", string method = "get")
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await ValidResponseAsync(response, specPath, method);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        return body;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
}
