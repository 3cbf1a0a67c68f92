using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>or</c>: evaluates <c>x</c> first and skips <c>y</c> when <c>x</c> is true.</summary>
public sealed class Or() : Process("or"), IMaskedKernel
{
    public override ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Lazy;

    public IReadOnlyList<string> MaskedInputs { get; } = ["x", "y"];

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = ThreeValuedLogic.Read(call, "x", await call.GetAsync("x").ConfigureAwait(false));
        if (x == true)
        {
            return BooleanValue.True;
        }

        var y = ThreeValuedLogic.Read(call, "y", await call.GetAsync("y").ConfigureAwait(false));
        return ThreeValuedLogic.ToValue(ThreeValuedLogic.Or(x, y));
    }

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason) => MaskedKernelTypes.Logical(inputs, out reason);

    /// <summary>Kleene: a present true decides; otherwise valid only when both are present.</summary>
    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        var x = inputs[0].Booleans;
        var xValid = inputs[0].Valid;
        var y = inputs[1].Booleans;
        var yValid = inputs[1].Valid;
        var output = result.Booleans;
        var valid = result.Valid;
        for (var i = 0; i < output.Length; i++)
        {
            var decidedTrue = (xValid[i] & x[i]) | (yValid[i] & y[i]);
            valid[i] = decidedTrue | (xValid[i] & yValid[i]);
            output[i] = decidedTrue;
        }
    }
}
