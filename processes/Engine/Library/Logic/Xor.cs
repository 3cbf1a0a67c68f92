using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>xor</c>: no-data whenever either side is no-data (xor is never decided by one side).</summary>
public sealed class Xor() : Process("xor"), IMaskedKernel
{
    public IReadOnlyList<string> MaskedInputs { get; } = ["x", "y"];

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = call.GetBooleanOrNull("x");
        var y = call.GetBooleanOrNull("y");
        return ValueTask.FromResult(x is { } a && y is { } b ? Value.Boolean(a ^ b) : (Value)Value.NoData);
    }

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason) => MaskedKernelTypes.Logical(inputs, out reason);

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        var x = inputs[0].Booleans;
        var y = inputs[1].Booleans;
        var output = result.Booleans;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = x[i] ^ y[i];
        }

        ValidityMask.And(inputs[0].Valid, inputs[1].Valid, result.Valid);
    }
}
