using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Api.Processing;

namespace OpenEoBridge.Backend.Tests.Processing;

/// <summary><c>POST /validation</c> and <c>POST /result</c> over HTTP.</summary>
public sealed class ProcessingEndpointTests(ProcessingAppFactory factory) : IClassFixture<ProcessingAppFactory>
{
    private const string Validation = "/openeo/1.2/validation";
    private const string Result = "/openeo/1.2/result";

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    internal static string ResultBody(string graph) => """{"process":{"process_graph":""" + graph + "}}";

    [Fact]
    public async Task Validation_always_answers_200_with_all_errors()
    {
        var client = factory.CreateClient();

        var empty = await client.PostAsync(Validation, Json("{}"));
        var broken = await client.PostAsync(Validation, Json("""
            {"process_graph":{"a":{"process_id":"nope","arguments":{}},"b":{"process_id":"absolute","arguments":{"x":"text"},"result":true}}}
            """));
        var valid = await client.PostAsync(Validation, Json("""{"process_graph":{"a":{"process_id":"absolute","arguments":{"x":{"from_parameter":"later"}},"result":true}}}"""));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(["ProcessGraphMissing"], await CodesAsync(empty));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Equal(["ProcessUnsupported", "ProcessParameterInvalid"], await CodesAsync(broken));
        Assert.Empty(await CodesAsync(valid));
    }

    [Fact]
    public async Task Validation_refuses_a_body_that_is_not_json()
    {
        var response = await factory.CreateClient().PostAsync(Validation, Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("JsonInvalid", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Result_needs_a_bearer_token()
    {
        var response = await factory.CreateClient().PostAsync(Result, Json(ResultBody("""{"a":{"process_id":"pi","arguments":{},"result":true}}""")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Result_answers_the_value_as_json()
    {
        var client = await factory.CreateAuthenticatedClientAsync();

        var response = await client.PostAsync(Result, Json("""
            {"process":{"process_graph":{"s":{"process_id":"sum","arguments":{"data":[1,2.5,null]}},"m":{"process_id":"multiply","arguments":{"x":{"from_node":"s"},"y":2},"result":true}}},
             "budget":null,"plan":"free","log_level":"debug","extra":1}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("7", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Result_refuses_invalid_graphs_and_reports_process_exceptions_with_their_status()
    {
        var client = await factory.CreateAuthenticatedClientAsync();

        var missing = await client.PostAsync(Result, Json("""{"process":{}}"""));
        var invalid = await client.PostAsync(Result, Json(ResultBody("""{"a":{"process_id":"absolute","arguments":{},"result":true}}""")));
        var thrown = await client.PostAsync(Result, Json(ResultBody("""{"a":{"process_id":"array_element","arguments":{"data":[1],"index":5},"result":true}}""")));

        Assert.Equal((HttpStatusCode.BadRequest, "ProcessGraphMissing"), (missing.StatusCode, await ErrorCodeAsync(missing)));
        Assert.Equal((HttpStatusCode.BadRequest, "ProcessParameterRequired"), (invalid.StatusCode, await ErrorCodeAsync(invalid)));
        Assert.Equal((HttpStatusCode.BadRequest, "ArrayElementNotAvailable"), (thrown.StatusCode, await ErrorCodeAsync(thrown)));
    }

    [Fact]
    public async Task NaN_and_Infinity_travel_only_with_the_explicit_opt_in()
    {
        var client = await factory.CreateAuthenticatedClientAsync();
        var nanResult = ResultBody("""{"a":{"process_id":"divide","arguments":{"x":0,"y":0},"result":true}}""");
        var nanRequest = ResultBody("""{"a":{"process_id":"add","arguments":{"x":-Infinity,"y":1},"result":true}}""");

        var strictResult = await client.PostAsync(Result, Json(nanResult));
        var strictRequest = await client.PostAsync(Result, Json(nanRequest));
        using var optIn = new HttpRequestMessage(HttpMethod.Post, Result) { Content = Json(nanRequest) };
        optIn.Headers.Add(NonFiniteNumberRule.HeaderName, NonFiniteNumberRule.TokensValue);
        var tokens = await client.SendAsync(optIn);

        Assert.Equal((HttpStatusCode.BadRequest, "FormatUnsuitable"), (strictResult.StatusCode, await ErrorCodeAsync(strictResult)));
        Assert.Equal((HttpStatusCode.BadRequest, "JsonInvalid"), (strictRequest.StatusCode, await ErrorCodeAsync(strictRequest)));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Equal("-Infinity", await tokens.Content.ReadAsStringAsync());
        Assert.Equal(NonFiniteNumberRule.TokensValue, tokens.Headers.GetValues(NonFiniteNumberRule.HeaderName).Single());
    }

    private static async Task<string[]> CodesAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToArray();
    }

    internal static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString();
    }
}
