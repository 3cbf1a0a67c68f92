using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>not</c>: negation; no-data stays no-data.</summary>
public sealed class Not() : Process("not"), IMaskedKernel
{
    public IReadOnlyList<string> MaskedInputs { get; } = ["x"];

    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(call.GetBooleanOrNull("x") is { } x ? Value.Boolean(!x) : (Value)Value.NoData);

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason) => MaskedKernelTypes.Logical(inputs, out reason);

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        var x = inputs[0].Booleans;
        var output = result.Booleans;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = !x[i];
        }

        inputs[0].Valid.CopyTo(result.Valid);
    }
}
