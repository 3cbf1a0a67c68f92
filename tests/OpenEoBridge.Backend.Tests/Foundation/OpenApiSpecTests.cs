using System.Text.Json;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>The schema validator used by the API tests must honour OpenAPI's nullable and enforce formats, or its verdicts mean little.</summary>
public sealed class OpenApiSpecTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void SpecValidNullPasses()
    {
        // STAC Item of a job result: geometry and datetime are required but may be null.
        var item = Json("""
            {"stac_version":"1.0.0","id":"j1","type":"Feature","geometry":null,
             "properties":{"datetime":null},"assets":{},"links":[]}
            """);

        Assert.Empty(OpenApiSpec.Instance.ValidateComponent("batch_job_result", item));
    }

    [Fact]
    public void NullWhereTheSpecSaysNullableIsRejectedWithoutTheTranslation()
    {
        var raw = new OpenApiSpec(Path.Combine(SharedPaths.OpenEoSpec, "api", "openapi.yaml"), translateNullable: false);
        var item = Json("""
            {"stac_version":"1.0.0","id":"j1","type":"Feature","geometry":null,
             "properties":{"datetime":null},"assets":{},"links":[]}
            """);

        Assert.NotEmpty(raw.ValidateComponent("batch_job_result", item));
    }

    [Fact]
    public void NullWhereTheSpecDoesNotAllowItFails()
    {
        var job = Json("""{"id":"j1","status":null,"created":"2024-01-01T00:00:00Z"}""");

        Assert.NotEmpty(OpenApiSpec.Instance.ValidateComponent("batch_job", job));
    }

    [Fact]
    public void WellFormedDateTimePasses()
    {
        var job = Json("""{"id":"j1","status":"created","created":"2024-01-01T12:30:00Z"}""");

        Assert.Empty(OpenApiSpec.Instance.ValidateComponent("batch_job", job));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-01-01")]
    public void WrongDateTimeFails(string created)
    {
        var job = Json($$"""{"id":"j1","status":"created","created":"{{created}}"}""");

        var errors = OpenApiSpec.Instance.ValidateComponent("batch_job", job);

        Assert.Contains(errors, e => e.Contains("format", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void MissingRequiredPropertyFails()
    {
        var errors = OpenApiSpec.Instance.Validate("/", "get", 200, Json("""{"api_version":"1.2.0"}"""));

        Assert.NotEmpty(errors);
    }
}
