using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.Processes.Values;
using OpenEoBridge.TestSupport;
using Xunit.Abstractions;

namespace OpenEoBridge.Backend.Tests.Processing;

/// <summary>
/// A deterministic sample of the official process cases that plain JSON can carry (no NaN/Infinity, labelled arrays,
/// datetimes or cubes), sent over <c>POST /result</c>: each answer must be the same as evaluating the same graph
/// in-process with the engine's validator and evaluator (the same JSON value, or the same error code).
/// </summary>
public sealed class OfficialCasesOverHttpTests(ProcessingAppFactory factory, ITestOutputHelper output) : IClassFixture<ProcessingAppFactory>
{
    private static readonly ProcessResolver Resolver = new(ProcessCatalogue.Predefined, NoUserProcesses.Instance);
    private static readonly ProcessGraphValidator Validator = new(Resolver);
    private static readonly Evaluator InProcess = new(Resolver);

    [Fact]
    public async Task Sampled_official_cases_give_the_same_answers_over_http_as_in_process()
    {
        var client = await factory.CreateAuthenticatedClientAsync();
        var sample = PlainJsonCases().Where((_, i) => i % 3 == 0).ToList();
        output.WriteLine($"{sample.Count} cases sampled");
        Assert.True(sample.Count >= 100, $"only {sample.Count} cases sampled; the official folder or the process catalogue shrank");

        foreach (var (name, body) in sample)
        {
            var expected = await InProcessAnswerAsync(body);
            var response = await client.PostAsync("/openeo/1.2/result", ProcessingEndpointTests.Json(body));
            var text = await response.Content.ReadAsStringAsync();
            var actual = response.StatusCode == HttpStatusCode.OK
                ? "value " + Compact(text)
                : "error " + JsonDocument.Parse(text).RootElement.GetProperty("code").GetString();
            Assert.True(expected == actual, $"{name}: in-process {expected}, over HTTP {actual}");
        }
    }

    private static async Task<string> InProcessAnswerAsync(string body)
    {
        using var document = JsonDocument.Parse(body);
        try
        {
            var process = new ProcessGraphReader().ReadDocument(document.RootElement.GetProperty("process"));

            // In-process use validates first, as /result does: some official cases pass values their schemas forbid
            // (e.g. null for normalized_difference's numbers), which evaluation alone would accept.
            if ((await Validator.ValidateAsync(process, ProcessingAppFactory.User, CancellationToken.None)) is [var first, ..])
            {
                return "error " + first.Code;
            }

            var result = await InProcess.EvaluateAsync(process, new ProcessingContext { UserId = ProcessingAppFactory.User });
            return "value " + ValueJson.ToJsonString(result.Result, NonFiniteNumbers.Reject);
        }
        catch (OpenEoException e)
        {
            return "error " + e.Code;
        }
        catch (NotJsonRepresentableException)
        {
            return "error FormatUnsuitable";
        }
    }

    /// <summary>Offered cases whose arguments and expected result are plain JSON once no-data is written as null, in file and case order.</summary>
    private static IEnumerable<(string Name, string Body)> PlainJsonCases()
    {
        var folder = Path.Combine(SharedPaths.OpenEoSpec, "processes", "tests");
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var file in Directory.GetFiles(folder, "*.json5").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            using var document = JsonDocument.Parse(NonFiniteJson.Rewrite(text), options);
            var id = document.RootElement.GetProperty("id").GetString()!;
            if (ProcessCatalogue.Predefined.Find(id) is null)
            {
                continue;
            }

            var index = 0;
            foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
            {
                var name = $"{id}#{index++}";
                var arguments = ToPlainJson(test.GetProperty("arguments"));
                if (arguments is null || (test.TryGetProperty("returns", out var returns) && returns.ValueKind != JsonValueKind.Null && ToPlainJson(returns) is null))
                {
                    continue;
                }

                var graph = new JsonObject
                {
                    ["process"] = new JsonObject
                    {
                        ["process_graph"] = new JsonObject
                        {
                            ["t"] = new JsonObject { ["process_id"] = id, ["arguments"] = arguments, ["result"] = true },
                        },
                    },
                };
                yield return (name, graph.ToJsonString());
            }
        }
    }

    /// <summary>The value as plain JSON, or null if it needs more than JSON can carry.</summary>
    private static JsonNode? ToPlainJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    // JsonNode cannot hold a JSON null as a value, so no-data travels as a marker replaced by the caller.
                    return type.GetString() == "nodata" ? new JsonObject { ["$null"] = true } : null;
                }

                if (element.TryGetProperty("$ref", out _) || element.TryGetProperty(NonFiniteJson.MarkerKey, out _))
                {
                    return null;
                }

                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        obj[property.Name] = null;
                        continue;
                    }

                    var value = ToPlainJson(property.Value);
                    if (value is null)
                    {
                        return null;
                    }

                    obj[property.Name == "from_argument" ? "from_parameter" : property.Name] = IsNullMarker(value) ? null : value;
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        array.Add(null);
                        continue;
                    }

                    var value = ToPlainJson(item);
                    if (value is null)
                    {
                        return null;
                    }

                    array.Add(IsNullMarker(value) ? null : value);
                }

                return array;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    private static bool IsNullMarker(JsonNode node) => node is JsonObject { Count: 1 } o && o.ContainsKey("$null");

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ValueJson.ToJsonString(ValueJson.FromJson(document.RootElement), NonFiniteNumbers.Reject);
    }
}
