using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;
using static OpenEoBridge.Processes.Tests.Fusion.CallbackHarness;

namespace OpenEoBridge.Processes.Tests.Fusion;

/// <summary>
/// Fused span kernels must give, element by element, what the callback gives per element through InvokeAsync —
/// on seeded random inputs with random no-data masks, NaN and ±Infinity, across a block boundary.
/// </summary>
public sealed class SpanFusionTests
{
    // More than one block, and not a multiple of it.
    private const int Length = SpanKernel.BlockSize + 517;

    /// <summary>Expands @X, @Y and @C into parameter references (keeps the graphs readable).</summary>
    private static string G(string graph) => graph
        .Replace("@X", """{"from_parameter":"x"}""", StringComparison.Ordinal)
        .Replace("@Y", """{"from_parameter":"y"}""", StringComparison.Ordinal)
        .Replace("@C", """{"from_parameter":"context"}""", StringComparison.Ordinal);

    public static TheoryData<string, string> UnaryCallbacks => new()
    {
        { "absolute", G("""{"r":{"process_id":"absolute","arguments":{"x":@X},"result":true}}""") },
        { "chain (x + 1) * context - 0.5", """
            {"a":{"process_id":"add","arguments":{"x":{"from_parameter":"x"},"y":1}},
             "m":{"process_id":"multiply","arguments":{"x":{"from_node":"a"},"y":{"from_parameter":"context"}}},
             "r":{"process_id":"subtract","arguments":{"x":{"from_node":"m"},"y":0.5},"result":true}}
            """ },
        { "division by zero", G("""{"r":{"process_id":"divide","arguments":{"x":@X,"y":0},"result":true}}""") },
        { "reciprocal", G("""{"r":{"process_id":"divide","arguments":{"x":1,"y":@X},"result":true}}""") },
        { "integer-looking literals", G("""{"a":{"process_id":"add","arguments":{"x":@X,"y":1.0}},"r":{"process_id":"multiply","arguments":{"x":{"from_node":"a"},"y":12345678901234567891},"result":true}}""") },
        { "sqrt ln exp", G("""{"s":{"process_id":"sqrt","arguments":{"x":@X}},"l":{"process_id":"ln","arguments":{"x":{"from_node":"s"}}},"r":{"process_id":"exp","arguments":{"p":{"from_node":"l"}},"result":true}}""") },
        { "int maps NaN to no-data", G("""{"r":{"process_id":"int","arguments":{"x":@X},"result":true}}""") },
        { "floor ceil power", G("""{"f":{"process_id":"floor","arguments":{"x":@X}},"c":{"process_id":"ceil","arguments":{"x":@X}},"r":{"process_id":"power","arguments":{"base":{"from_node":"f"},"p":{"from_node":"c"}},"result":true}}""") },
        { "log base 10 and mod 3", G("""{"l":{"process_id":"log","arguments":{"x":@X,"base":10}},"r":{"process_id":"mod","arguments":{"x":{"from_node":"l"},"y":3},"result":true}}""") },
        { "trigonometry", G("""{"s":{"process_id":"sin","arguments":{"x":@X}},"t":{"process_id":"arctan2","arguments":{"y":{"from_node":"s"},"x":@X}},"r":{"process_id":"tanh","arguments":{"x":{"from_node":"t"}},"result":true}}""") },
        { "normalized difference with context", G("""{"r":{"process_id":"normalized_difference","arguments":{"x":@X,"y":@C},"result":true}}""") },
        { "constants pi e nan", G("""{"p":{"process_id":"pi","arguments":{}},"e":{"process_id":"e","arguments":{}},"a":{"process_id":"multiply","arguments":{"x":@X,"y":{"from_node":"p"}}},"b":{"process_id":"add","arguments":{"x":{"from_node":"a"},"y":{"from_node":"e"}}},"n":{"process_id":"nan","arguments":{}},"r":{"process_id":"add","arguments":{"x":{"from_node":"b"},"y":{"from_node":"n"}},"result":true}}""") },
        { "no-data literal propagates", G("""{"r":{"process_id":"add","arguments":{"x":@X,"y":null},"result":true}}""") },
        { "constant process", G("""{"k":{"process_id":"constant","arguments":{"x":4}},"r":{"process_id":"subtract","arguments":{"x":{"from_node":"k"},"y":@X},"result":true}}""") },
        { "clip with a context bound", G("""{"r":{"process_id":"clip","arguments":{"x":@X,"min":-1,"max":@C},"result":true}}""") },
        { "linear_scale_range with default output", G("""{"r":{"process_id":"linear_scale_range","arguments":{"x":@X,"inputMin":-10,"inputMax":10},"result":true}}""") },
        { "linear_scale_range to bytes then round", G("""{"s":{"process_id":"linear_scale_range","arguments":{"x":@X,"inputMin":1,"inputMax":-1,"outputMin":0,"outputMax":255}},"r":{"process_id":"round","arguments":{"x":{"from_node":"s"},"p":0},"result":true}}""") },
        { "round to 2 and -1 decimals", G("""{"a":{"process_id":"round","arguments":{"x":@X,"p":2}},"r":{"process_id":"round","arguments":{"x":{"from_node":"a"},"p":-1},"result":true}}""") },
        { "gt", G("""{"r":{"process_id":"gt","arguments":{"x":@X,"y":0},"result":true}}""") },
        { "lte context", G("""{"r":{"process_id":"lte","arguments":{"x":@X,"y":@C},"result":true}}""") },
        { "eq zero", G("""{"r":{"process_id":"eq","arguments":{"x":@X,"y":0},"result":true}}""") },
        { "neq itself (NaN)", G("""{"r":{"process_id":"neq","arguments":{"x":@X,"y":@X},"result":true}}""") },
        { "if with both branches", G("""{"c":{"process_id":"gt","arguments":{"x":@X,"y":0}},"n":{"process_id":"multiply","arguments":{"x":@X,"y":-1}},"r":{"process_id":"if","arguments":{"value":{"from_node":"c"},"accept":@X,"reject":{"from_node":"n"}},"result":true}}""") },
        { "if with default reject", G("""{"c":{"process_id":"lt","arguments":{"x":@X,"y":0}},"r":{"process_id":"if","arguments":{"value":{"from_node":"c"},"accept":@X},"result":true}}""") },
        { "if choosing booleans", G("""{"c":{"process_id":"is_nan","arguments":{"x":@X}},"g":{"process_id":"gt","arguments":{"x":@X,"y":1}},"r":{"process_id":"if","arguments":{"value":{"from_node":"c"},"accept":true,"reject":{"from_node":"g"}},"result":true}}""") },
        { "if on a no-data literal", G("""{"r":{"process_id":"if","arguments":{"value":null,"accept":1,"reject":@X},"result":true}}""") },
        { "and between", G("""{"a":{"process_id":"gt","arguments":{"x":@X,"y":-1}},"b":{"process_id":"lt","arguments":{"x":@X,"y":1}},"r":{"process_id":"and","arguments":{"x":{"from_node":"a"},"y":{"from_node":"b"}},"result":true}}""") },
        { "and with null (Kleene)", G("""{"a":{"process_id":"gt","arguments":{"x":@X,"y":0}},"r":{"process_id":"and","arguments":{"x":{"from_node":"a"},"y":null},"result":true}}""") },
        { "or of tests", G("""{"a":{"process_id":"is_nan","arguments":{"x":@X}},"b":{"process_id":"is_nodata","arguments":{"x":@X}},"r":{"process_id":"or","arguments":{"x":{"from_node":"a"},"y":{"from_node":"b"}},"result":true}}""") },
        { "or with null (Kleene)", G("""{"a":{"process_id":"lt","arguments":{"x":@X,"y":0}},"r":{"process_id":"or","arguments":{"x":null,"y":{"from_node":"a"}},"result":true}}""") },
        { "not and xor", G("""{"a":{"process_id":"gt","arguments":{"x":@X,"y":0}},"n":{"process_id":"not","arguments":{"x":{"from_node":"a"}}},"i":{"process_id":"is_infinite","arguments":{"x":@X}},"r":{"process_id":"xor","arguments":{"x":{"from_node":"n"},"y":{"from_node":"i"}},"result":true}}""") },
        { "is_valid", G("""{"r":{"process_id":"is_valid","arguments":{"x":@X},"result":true}}""") },
        { "is_valid of a boolean", G("""{"a":{"process_id":"gt","arguments":{"x":@X,"y":0}},"r":{"process_id":"is_valid","arguments":{"x":{"from_node":"a"}},"result":true}}""") },
        { "unused end node", G("""{"side":{"process_id":"sqrt","arguments":{"x":@X}},"r":{"process_id":"absolute","arguments":{"x":@X},"result":true}}""") },
        { "callback ignoring x", """{"r":{"process_id":"add","arguments":{"x":{"from_parameter":"context"},"y":1},"result":true}}""" },
        { "no-data result", """{"r":{"process_id":"if","arguments":{"value":{"from_parameter":"flag"},"accept":null},"result":true}}""" },
    };

    [Theory]
    [MemberData(nameof(UnaryCallbacks))]
    public async Task Unary_fused_kernel_equals_per_element_evaluation(string name, string graph)
    {
        var context = Value.Number(2.5);
        var callback = await CompileAsync(graph, Parameters(("flag", BooleanValue.False)));
        Assert.True(callback.TryCompileSpanKernel(["x"], Parameters(("context", context)), out var kernel, out var reason), $"{name}: {reason}");

        var (x, valid) = RandomColumns.Create(new Random(name.GetHashCode(StringComparison.Ordinal) & 0xffff), Length);
        var result = new double[Length];
        var resultValid = new bool[Length];
        kernel.Apply(x, valid, result, resultValid);

        for (var i = 0; i < Length; i++)
        {
            var input = NumberOrNoData(x[i], valid[i]);
            var expected = await callback.InvokeAsync(input, context, CancellationToken.None);
            AssertSame(expected, result[i], resultValid[i], new(name, i, input.ToString()));
        }
    }

    public static TheoryData<string, string> BinaryCallbacks => new()
    {
        { "add", G("""{"r":{"process_id":"add","arguments":{"x":@X,"y":@Y},"result":true}}""") },
        { "divide", G("""{"r":{"process_id":"divide","arguments":{"x":@X,"y":@Y},"result":true}}""") },
        { "overlap resolver: first present", G("""{"n":{"process_id":"is_nodata","arguments":{"x":@X}},"r":{"process_id":"if","arguments":{"value":{"from_node":"n"},"accept":@Y,"reject":@X},"result":true}}""") },
        { "mean of two", G("""{"s":{"process_id":"add","arguments":{"x":@X,"y":@Y}},"r":{"process_id":"divide","arguments":{"x":{"from_node":"s"},"y":2},"result":true}}""") },
        { "both positive", G("""{"a":{"process_id":"gt","arguments":{"x":@X,"y":0}},"b":{"process_id":"gt","arguments":{"x":@Y,"y":0}},"r":{"process_id":"and","arguments":{"x":{"from_node":"a"},"y":{"from_node":"b"}},"result":true}}""") },
        { "gte", G("""{"r":{"process_id":"gte","arguments":{"x":@X,"y":@Y},"result":true}}""") },
    };

    [Theory]
    [MemberData(nameof(BinaryCallbacks))]
    public async Task Binary_fused_kernel_equals_per_element_evaluation(string name, string graph)
    {
        var callback = await CompileAsync(graph);
        Assert.True(callback.TryCompileSpanKernel(["x", "y"], null, out var kernel, out var reason), $"{name}: {reason}");

        var random = new Random(name.Length * 7919);
        var (x, xValid) = RandomColumns.Create(random, Length);
        var (y, yValid) = RandomColumns.Create(random, Length);
        var result = new double[Length];
        var resultValid = new bool[Length];
        kernel.Apply(x, xValid, y, yValid, result, resultValid);

        for (var i = 0; i < Length; i++)
        {
            var a = NumberOrNoData(x[i], xValid[i]);
            var b = NumberOrNoData(y[i], yValid[i]);
            var expected = await callback.InvokeAsync(Parameters(("x", a), ("y", b)), CancellationToken.None);
            AssertSame(expected, result[i], resultValid[i], new(name, i, $"{a}, {b}"));
        }
    }

    [Fact]
    public async Task Comparisons_are_booleans_written_as_one_and_zero()
    {
        var callback = await CompileAsync(G("""{"r":{"process_id":"gt","arguments":{"x":@X,"y":0},"result":true}}"""));
        Assert.True(callback.TryCompileSpanKernel(["x"], null, out var kernel, out _));
        var result = new double[3];
        var valid = new bool[3];

        kernel.Apply([1, -1, 5], [true, true, false], result, valid);

        Assert.Equal(KernelValueType.Boolean, kernel.ResultType);
        Assert.Equal([1.0, 0.0], result[..2]);
        Assert.Equal([true, true, false], valid);
    }

    [Fact]
    public async Task Parameters_of_the_enclosing_process_are_constants_of_the_kernel()
    {
        var callback = await CompileAsync(G("""{"r":{"process_id":"multiply","arguments":{"x":@X,"y":{"from_parameter":"factor"}},"result":true}}"""),
            Parameters(("factor", Value.Number(3))));
        Assert.True(callback.TryCompileSpanKernel(["x"], null, out var kernel, out _));
        var result = new double[2];
        var valid = new bool[2];

        kernel.Apply([2, 4], [true, true], result, valid);

        Assert.Equal([6.0, 12.0], result);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "a reducer in an element-wise callback", G("""{"r":{"process_id":"sum","arguments":{"data":[1,@X]},"result":true}}"""), "not element-wise" },
        { "an array process", G("""{"r":{"process_id":"array_element","arguments":{"data":@X,"index":0},"result":true}}"""), "no element-wise kernel" },
        { "eq with delta", G("""{"r":{"process_id":"eq","arguments":{"x":@X,"y":0,"delta":0.1},"result":true}}"""), "'delta'" },
        { "a boolean into arithmetic", G("""{"r":{"process_id":"add","arguments":{"x":@X,"y":true},"result":true}}"""), "boolean" },
        { "a number as if's value", G("""{"r":{"process_id":"if","arguments":{"value":@X,"accept":1},"result":true}}"""), "number, not a boolean" },
        { "branches of different types", G("""{"c":{"process_id":"gt","arguments":{"x":@X,"y":0}},"r":{"process_id":"if","arguments":{"value":{"from_node":"c"},"accept":1,"reject":true},"result":true}}"""), "different types" },
        { "a number into and", G("""{"r":{"process_id":"and","arguments":{"x":@X,"y":true},"result":true}}"""), "a number where a boolean" },
        { "an unresolvable parameter", G("""{"r":{"process_id":"add","arguments":{"x":@X,"y":{"from_parameter":"nowhere"}},"result":true}}"""), "nowhere" },
        { "clip with swapped bounds", G("""{"r":{"process_id":"clip","arguments":{"x":@X,"min":1,"max":0},"result":true}}"""), "swapped" },
        { "round to a varying precision", G("""{"p":{"process_id":"absolute","arguments":{"x":@X}},"r":{"process_id":"round","arguments":{"x":@X,"p":{"from_node":"p"}},"result":true}}"""), "varies per element" },
        { "round to a fractional precision", G("""{"r":{"process_id":"round","arguments":{"x":@X,"p":1.5},"result":true}}"""), "not an integer" },
        { "linear_scale_range without bounds", G("""{"r":{"process_id":"linear_scale_range","arguments":{"x":@X,"inputMin":null,"inputMax":1},"result":true}}"""), "not all numbers" },
        { "a text literal", G("""{"r":{"process_id":"constant","arguments":{"x":"text"},"result":true}}"""), "string" },
        { "an array context", G("""{"r":{"process_id":"add","arguments":{"x":@X,"y":@C},"result":true}}"""), "array" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callbacks_that_cannot_fuse_say_why_and_still_run_per_element(string name, string graph, string reasonPart)
    {
        var callback = await CompileAsync(graph);

        var fused = callback.TryCompileSpanKernel(["x"], Parameters(("context", Array([Value.Number(1)]))), out var kernel, out var reason);

        Assert.False(fused, name);
        Assert.Null(kernel);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_callback_keeps_the_per_element_path()
    {
        var callback = await CompileAsync("""{"r":{"process_id":"array_element","arguments":{"data":{"from_parameter":"x"},"index":1},"result":true}}""");

        Assert.False(callback.TryCompileSpanKernel(["x"], null, out _, out _));
        var value = await callback.InvokeAsync(Array([Value.Number(1), Value.Number(7)]), null, CancellationToken.None);
        Assert.Equal(7, Assert.IsType<NumberValue>(value).Value);
    }

    [Fact]
    public async Task Kernels_check_how_many_spans_they_take()
    {
        var callback = await CompileAsync(G("""{"r":{"process_id":"absolute","arguments":{"x":@X},"result":true}}"""));
        Assert.True(callback.TryCompileSpanKernel(["x"], null, out var kernel, out _));

        Assert.Throws<InvalidOperationException>(() => kernel.Apply([1.0], [true], [1.0], [true], new double[1], new bool[1]));
        Assert.Throws<ArgumentException>(() => kernel.Apply([1.0, 2.0], [true], new double[2], new bool[2]));
    }

    [Fact]
    public async Task One_kernel_serves_parallel_chunks()
    {
        var callback = await CompileAsync(G("""
            {"c":{"process_id":"gt","arguments":{"x":@X,"y":0}},"s":{"process_id":"sqrt","arguments":{"x":@X}},
             "r":{"process_id":"if","arguments":{"value":{"from_node":"c"},"accept":{"from_node":"s"},"reject":-1},"result":true}}
            """));
        Assert.True(callback.TryCompileSpanKernel(["x"], null, out var kernel, out _));
        var (x, valid) = RandomColumns.Create(new Random(42), 8 * Length);
        var sequential = new double[x.Length];
        var sequentialValid = new bool[x.Length];
        kernel.Apply(x, valid, sequential, sequentialValid);

        var parallel = new double[x.Length];
        var parallelValid = new bool[x.Length];
        Parallel.For(0, 8, chunk =>
        {
            var range = new Range(chunk * Length, (chunk + 1) * Length);
            kernel.Apply(x.AsSpan(range), valid.AsSpan(range), parallel.AsSpan(range), parallelValid.AsSpan(range));
        });

        Assert.Equal(sequentialValid, parallelValid);
        Assert.Equal(sequential, parallel);
    }
}
