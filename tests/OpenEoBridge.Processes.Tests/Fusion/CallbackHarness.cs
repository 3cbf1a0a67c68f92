using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Tests.Evaluation;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Fusion;

/// <summary>Compiles child graphs into callbacks (through a process that hands its callback back) and runs them per element.</summary>
internal static class CallbackHarness
{
    /// <summary>Returns the callback it is given, so tests get the evaluator's compiled callback.</summary>
    private sealed class Capture() : Process(TestProcesses.Definition(
        """{"id":"capture","parameters":[{"name":"process","schema":{"type":"object","subtype":"process-graph"}}],"returns":{"schema":{}}}"""))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult(call.Get("process"));
    }

    private static readonly Evaluator Evaluator = new(new ProcessResolver(
        new ProcessCatalogue(ProcessCatalogue.Predefined.All.Append(new Capture())), NoUserProcesses.Instance));

    /// <summary>The compiled callback of <paramref name="childGraph"/> (the JSON of its <c>process_graph</c> object).</summary>
    public static async Task<ProcessCallback> CompileAsync(string childGraph, IReadOnlyDictionary<string, Value>? outerParameters = null)
    {
        var document = ProcessGraphReader.ParseDocument(
            """{"process_graph":{"c":{"process_id":"capture","arguments":{"process":{"process_graph":CHILD}},"result":true}}}"""
                .Replace("CHILD", childGraph, StringComparison.Ordinal));
        var result = await Evaluator.EvaluateAsync(document, new ProcessingContext(), outerParameters);
        return Assert.IsType<CallbackValue>(result.Result).Callback;
    }

    public static Value NumberOrNoData(double value, bool valid) => valid ? Value.Number(value) : Value.NoData;

    public static ArrayValue Array(IEnumerable<Value> items) => new([.. items]);

    /// <summary>Asserts that a fused element equals the per-element value (NaN equals NaN; booleans are 1/0).</summary>
    public static void AssertSame(Value expected, double actual, bool actualValid, KernelValueDescription what, double relativeTolerance = 0)
    {
        switch (expected)
        {
            case NoDataValue:
                Assert.False(actualValid, $"{what}: expected no-data, got {actual}");
                break;
            case NumberValue n:
                Assert.True(actualValid, $"{what}: expected {n.Value}, got no-data");
                Assert.True(n.Value.Equals(actual) || Math.Abs(n.Value - actual) <= relativeTolerance * Math.Abs(n.Value),
                    $"{what}: expected {n.Value}, got {actual}");
                break;
            case BooleanValue b:
                Assert.True(actualValid, $"{what}: expected {b.Value}, got no-data");
                Assert.Equal(b.Value ? 1.0 : 0.0, actual);
                break;
            default:
                Assert.Fail($"{what}: the per-element result is a {expected.TypeName}");
                break;
        }
    }

    /// <summary>Names an element in assertion messages.</summary>
    public readonly record struct KernelValueDescription(string Callback, int Index, string Inputs)
    {
        public override string ToString() => $"{Callback} at [{Index}] ({Inputs})";
    }

    public static ImmutableDictionary<string, Value> Parameters(params (string Name, Value Value)[] values) =>
        values.ToImmutableDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
