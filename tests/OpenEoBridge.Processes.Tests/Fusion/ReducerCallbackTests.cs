using OpenEoBridge.Processes.Values;
using static OpenEoBridge.Processes.Tests.Fusion.CallbackHarness;

namespace OpenEoBridge.Processes.Tests.Fusion;

/// <summary>
/// Reducer callbacks recognised for streaming must give what the callback gives per call on the whole array,
/// for random arrays with no-data, NaN and ±Infinity — also when the data arrive in several chunks that are merged.
/// </summary>
public sealed class ReducerCallbackTests
{
    public static TheoryData<string, string, bool> Reducers => new()
    {
        { "sum", Single("sum", ""), true },
        { "mean without ignoring no-data", Single("mean", ""","ignore_nodata":false"""), true },
        { "min", Single("min", ""), true },
        { "max", Single("max", ""","ignore_nodata":true"""), true },
        { "median (materialised)", Single("median", ""), false },
        { "sd", Single("sd", ""), true },
        { "variance", Single("variance", ""","ignore_nodata":false"""), true },
        { "product", Single("product", ""), true },
        { "count of valid elements", Single("count", ""), true },
        { "count of all elements", Single("count", ""","condition":true,"context":null"""), true },
        { "mean then times two", """
            {"m":{"process_id":"mean","arguments":{"data":{"from_parameter":"data"}}},
             "r":{"process_id":"multiply","arguments":{"x":{"from_node":"m"},"y":2},"result":true}}
            """, true },
        { "max above context", """
            {"m":{"process_id":"max","arguments":{"data":{"from_parameter":"data"}}},
             "r":{"process_id":"gt","arguments":{"x":{"from_node":"m"},"y":{"from_parameter":"context"}},"result":true}}
            """, true },
        { "sum or zero", """
            {"s":{"process_id":"sum","arguments":{"data":{"from_parameter":"data"},"ignore_nodata":false}},
             "n":{"process_id":"is_nodata","arguments":{"x":{"from_node":"s"}}},
             "r":{"process_id":"if","arguments":{"value":{"from_node":"n"},"accept":0,"reject":{"from_node":"s"}},"result":true}}
            """, true },
    };

    private static string Single(string process, string more) =>
        """{"r":{"process_id":"PROCESS","arguments":{"data":{"from_parameter":"data"}MORE},"result":true}}"""
            .Replace("PROCESS", process, StringComparison.Ordinal).Replace("MORE", more, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Reducers))]
    public async Task Recognised_reducer_equals_per_call_evaluation(string name, string graph, bool streaming)
    {
        var context = Value.Number(0.5);
        var callback = await CompileAsync(graph);
        Assert.True(callback.TryCompileReducer("data", Parameters(("context", context)), out var kernel, out var reason), $"{name}: {reason}");
        Assert.Equal(streaming, kernel.Reducer.IsStreaming);

        var random = new Random(name.Length * 104729);
        for (var round = 0; round < 300; round++)
        {
            var (values, valid) = RandomColumns.Create(random, random.Next(0, 12), noDataShare: round % 3 == 0 ? 0 : 0.3);
            var expected = await callback.InvokeAsync(Parameters(("data", Array(values.Select((v, i) => NumberOrNoData(v, valid[i])))), ("context", context)), CancellationToken.None);

            var description = new KernelValueDescription(name, round, string.Join(", ", values.Select((v, i) => valid[i] ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")));

            // In one go the reducer sees the values in the same order as the per-call path: bit for bit equal.
            var whole = kernel.CreateAccumulator();
            whole.Accumulate(values, valid);
            AssertSame(expected, Finish(kernel, whole.Finish()), description);

            // Two chunks accumulated apart and merged, as parallel chunks of a cube would be: equal up to rounding.
            var split = values.Length / 2;
            var first = kernel.CreateAccumulator();
            var second = kernel.CreateAccumulator();
            first.Accumulate(values.AsSpan(0, split), valid.AsSpan(0, split));
            second.Accumulate(values.AsSpan(split), valid.AsSpan(split));
            first.Merge(second);
            AssertSame(expected, Finish(kernel, first.Finish()), description, relativeTolerance: 1e-12);
        }
    }

    private static (double Value, bool Valid) Finish(Processes.Kernels.ReducerCallbackKernel kernel, double? reduced)
    {
        var result = new double[1];
        var resultValid = new bool[1];
        kernel.Finish([reduced ?? double.NaN], [reduced.HasValue], result, resultValid);
        return (result[0], resultValid[0]);
    }

    private static void AssertSame(Value expected, (double Value, bool Valid) actual, KernelValueDescription what, double relativeTolerance = 0) =>
        CallbackHarness.AssertSame(expected, actual.Value, actual.Valid, what, relativeTolerance);

    public static TheoryData<string, string, string> NotReducers => new()
    {
        { "data read twice", """
            {"a":{"process_id":"sum","arguments":{"data":{"from_parameter":"data"}}},
             "b":{"process_id":"max","arguments":{"data":{"from_parameter":"data"}}},
             "r":{"process_id":"subtract","arguments":{"x":{"from_node":"a"},"y":{"from_node":"b"}},"result":true}}
            """, "several nodes" },
        { "not a reducer", """{"r":{"process_id":"array_element","arguments":{"data":{"from_parameter":"data"},"index":0},"result":true}}""", "not a reducer kernel" },
        { "ignore_nodata from a parameter", """{"r":{"process_id":"sum","arguments":{"data":{"from_parameter":"data"},"ignore_nodata":{"from_parameter":"context"}},"result":true}}""", "'ignore_nodata'" },
        { "count with a callback condition", """
            {"r":{"process_id":"count","arguments":{"data":{"from_parameter":"data"},"condition":{"process_graph":{
               "g":{"process_id":"gt","arguments":{"x":{"from_parameter":"x"},"y":0},"result":true}}}},"result":true}}
            """, "'condition'" },
        { "count with condition false", Single("count", ""","condition":false"""), "null or true" },
        { "data inside an array", """{"r":{"process_id":"sum","arguments":{"data":[{"from_parameter":"data"}]},"result":true}}""", "no node reads" },
        { "non element-wise work after", """
            {"s":{"process_id":"sum","arguments":{"data":{"from_parameter":"data"}}},
             "r":{"process_id":"array_create","arguments":{"data":[{"from_node":"s"}]},"result":true}}
            """, "not element-wise" },
    };

    [Theory]
    [MemberData(nameof(NotReducers))]
    public async Task Other_reducer_callbacks_say_why_they_are_not_streamed(string name, string graph, string reasonPart)
    {
        var callback = await CompileAsync(graph);

        Assert.False(callback.TryCompileReducer("data", Parameters(("context", BooleanValue.True)), out var kernel, out var reason), name);
        Assert.Null(kernel);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }
}
