using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenEoBridge.Backend.Api;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>Endpoints added only in tests: one that fails unexpectedly, one that reads a JSON body.</summary>
public sealed class TestOnlyEndpoints : IOpenEoEndpoints
{
    public const string SecretDetail = "secret detail that must not leak";

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/test/throw", IResult () => throw new InvalidOperationException(SecretDetail));
        api.MapPost("/test/echo", (EchoBody body) => TypedResults.Ok(body));
    }

    public sealed record EchoBody(string Name, System.Text.Json.JsonElement? Value);
}
