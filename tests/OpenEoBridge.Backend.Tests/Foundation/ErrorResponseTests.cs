using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>Every failure is an openEO error document with the right status and code, and leaks nothing.</summary>
public sealed class ErrorResponseTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly OpenEoAppFactory factory;

    public ErrorResponseTests()
    {
        factory = new OpenEoAppFactory(
            data.Path,
            new Dictionary<string, string?> { ["OpenEo:Limits:MaxJsonDepth"] = "16" },
            services => services.AddOpenEoEndpoints<TestOnlyEndpoints>());
    }

    [Theory]
    [InlineData("/nothing/here")]
    [InlineData("/openeo/1.2/unknown")]
    [InlineData("/openeo/0.4/")]
    public async Task UnknownRouteIsNotFound(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await JsonAssert.ErrorAsync(response, 404, "NotFound");
    }

    [Fact]
    public async Task WrongMethodIsAnOpenEo405()
    {
        var response = await factory.CreateClient().DeleteAsync("/openeo/1.2/conformance");

        await JsonAssert.ErrorAsync(response, 405, "MethodNotAllowed");
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnexpectedFailureIsInternalWithTrackingIdAndNoDetails()
    {
        var response = await factory.CreateClient().GetAsync("/openeo/1.2/test/throw");

        var body = await JsonAssert.ErrorAsync(response, 500, "Internal");
        var text = body.GetRawText();
        Assert.DoesNotContain(TestOnlyEndpoints.SecretDetail, text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.Contains(body.GetProperty("id").GetString()!, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MalformedJsonIsJsonInvalid()
    {
        var response = await factory.CreateClient().PostAsync("/openeo/1.2/test/echo", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        await JsonAssert.ErrorAsync(response, 400, "JsonInvalid");
    }

    [Fact]
    public async Task TooDeeplyNestedJsonIsJsonInvalid()
    {
        var deep = "{\"name\":\"x\",\"value\":" + new string('[', 40) + new string(']', 40) + "}";

        var response = await factory.CreateClient().PostAsync("/openeo/1.2/test/echo", new StringContent(deep, Encoding.UTF8, "application/json"));

        await JsonAssert.ErrorAsync(response, 400, "JsonInvalid");
    }

    [Fact]
    public async Task WrongContentTypeIsContentTypeInvalid()
    {
        var response = await factory.CreateClient().PostAsync("/openeo/1.2/test/echo", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await JsonAssert.ErrorAsync(response, 400, "ContentTypeInvalid");
    }

    [Fact]
    public async Task WellFormedJsonIsAccepted()
    {
        var response = await factory.CreateClient().PostAsync("/openeo/1.2/test/echo", new StringContent("{\"name\":\"x\",\"value\":[1,[2]]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        factory.Dispose();
        data.Dispose();
    }
}
