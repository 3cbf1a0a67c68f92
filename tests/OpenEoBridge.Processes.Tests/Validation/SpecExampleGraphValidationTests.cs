using System.Text.Json;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Processes.Tests.Validation;

/// <summary>
/// The process graphs published with the specification (processes defined as graphs, the EVI example) are valid:
/// the only problems allowed are processes this back-end does not offer yet. Guards the callback parameter rule
/// and the subtype checks against real graphs.
/// </summary>
public sealed class SpecExampleGraphValidationTests
{
    private static readonly ProcessGraphValidator Validator = new(new ProcessResolver(ProcessCatalogue.Predefined, NoUserProcesses.Instance));

    /// <summary>The API's EVI example: a bare graph (nodes at the top), wrapped into a process here.</summary>
    private const string EviExample = "pg-evi-example.json";

    /// <summary>Upstream bug: variance.json passes its callback under "process-graph" (not "process_graph"), so "subtract" is a from_node to nowhere.</summary>
    private const string UpstreamBroken = "variance.json";

    public static TheoryData<string> Graphs()
    {
        var data = new TheoryData<string>();
        var files = Directory.GetFiles(Path.Combine(SharedPaths.OpenEoSpec, "processes"), "*.json")
            .Append(Path.Combine(SharedPaths.OpenEoSpec, "api", "assets", EviExample))
            .Where(f => Path.GetFileName(f) == EviExample || JsonDocument.Parse(File.ReadAllText(f)).RootElement.TryGetProperty("process_graph", out _))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public async Task Published_graphs_have_no_problems_but_unoffered_processes(string file)
    {
        var text = file == EviExample
            ? $$"""{"process_graph":{{File.ReadAllText(Path.Combine(SharedPaths.OpenEoSpec, "api", "assets", file))}}}"""
            : File.ReadAllText(Path.Combine(SharedPaths.OpenEoSpec, "processes", file));
        using var document = JsonDocument.Parse(text);

        var errors = await Validator.ValidateAsync(document.RootElement, userId: null, CancellationToken.None);

        var problems = errors.Where(e => e.Code != "ProcessUnsupported").ToList();
        if (file == UpstreamBroken)
        {
            Assert.Contains("'subtract'", Assert.Single(problems).Message, StringComparison.Ordinal);
            return;
        }

        Assert.All(problems, e => Assert.Fail($"{e.Code}: {e.Message}"));
    }
}
