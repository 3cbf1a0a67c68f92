using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// Runs one official case through the real evaluator as a one-node process graph. A case is "not offered" when its
/// process or a process it requires is not registered in <see cref="ProcessCatalogue.Predefined"/>, or when it needs
/// data cubes (not implemented yet). Child graphs in the files use the pre-1.0 spelling <c>from_argument</c>; the runner
/// rewrites it to <c>from_parameter</c>, the only spelling the engine accepts.
/// </summary>
public static class OfficialCaseRunner
{
    private static readonly Evaluator Evaluator = new(new ProcessResolver(ProcessCatalogue.Predefined, NoUserProcesses.Instance));

    public static bool IsOffered(string processId) => ProcessCatalogue.Predefined.Find(processId) is not null;

    public static async Task<OfficialOutcome> RunAsync(OfficialCase testCase)
    {
        if (!IsOffered(testCase.ProcessId))
        {
            return new(testCase, OfficialStatus.NotOffered, "process not offered");
        }

        if (testCase.Required.FirstOrDefault(r => !IsOffered(r)) is { } missing)
        {
            return new(testCase, OfficialStatus.NotOffered, $"requires '{missing}', which is not offered");
        }

        if (OfficialValues.ContainsCube(testCase.Arguments) || (testCase.Returns is { } r && OfficialValues.ContainsCube(r)))
        {
            return new(testCase, OfficialStatus.NotOffered, "needs data cubes");
        }

        Value result;
        try
        {
            var document = BuildDocument(testCase);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            result = (await Evaluator.EvaluateAsync(document, new ProcessingContext(timeout.Token)).ConfigureAwait(false)).Result;
        }
        catch (OpenEoException e)
        {
            if (testCase.Throws is not { } throws)
            {
                return new(testCase, OfficialStatus.Failed, $"threw {e.Code}: {e.Message}");
            }

            var expectedName = throws.ValueKind == JsonValueKind.String ? throws.GetString() : null;
            return new(testCase, OfficialStatus.Passed, expectedName is not null && expectedName != e.Code ? $"threw {e.Code}, the file names {expectedName}" : null);
        }

        if (testCase.Returns is not { } expected)
        {
            return new(testCase, OfficialStatus.Failed, $"returned {Describe(result)} instead of throwing {testCase.Throws?.GetRawText()}");
        }

        var difference = OfficialComparer.Difference(expected, result, testCase.Delta);
        return difference is null ? new(testCase, OfficialStatus.Passed) : new(testCase, OfficialStatus.Failed, difference);
    }

    /// <summary>The case as a graph: one node calling the process, marked as result.</summary>
    public static ProcessDocument BuildDocument(OfficialCase testCase)
    {
        var arguments = testCase.Arguments.EnumerateObject()
            .Select(p => new KeyValuePair<string, Argument>(p.Name, ToArgument(p.Value)))
            .ToImmutableArray();
        var node = new ProcessNode { Id = "test", ProcessId = testCase.ProcessId, Arguments = arguments, IsResult = true, ResultSpecified = true };
        return new ProcessDocument(new ProcessGraph([node]));
    }

    private static Argument ToArgument(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("process_graph", out _))
        {
            var rewritten = RenameFromArgument(JsonNode.Parse(value.GetRawText())!);
            return new ProcessGraphArgument(new ProcessGraphReader().ReadDocument(JsonSerializer.SerializeToElement(rewritten)));
        }

        return new LiteralArgument(OfficialValues.ToValue(value));
    }

    private static JsonNode RenameFromArgument(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Count == 1 && obj["from_argument"] is { } name)
                {
                    return new JsonObject { ["from_parameter"] = name.DeepClone() };
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        obj[key] = RenameFromArgument(child.DeepClone());
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        array[i] = RenameFromArgument(child.DeepClone());
                    }
                }

                return array;
            default:
                return node;
        }
    }

    private static string Describe(Value value)
    {
        var text = value.ToString();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
