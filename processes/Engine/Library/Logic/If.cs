using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary>
/// <c>if</c>: lazy, so only the chosen branch is computed. No-data or false chooses <c>reject</c>. Its masked kernel
/// selects per element from both branches (which, being fused kernels, cannot fail), so accept and reject must
/// have one type.
/// </summary>
public sealed class If() : Process("if"), IMaskedKernel
{
    public override ArgumentEvaluation ArgumentEvaluation => ArgumentEvaluation.Lazy;

    public IReadOnlyList<string> MaskedInputs { get; } = ["value", "accept", "reject"];

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var value = ThreeValuedLogic.Read(call, "value", await call.GetAsync("value").ConfigureAwait(false));
        return await call.GetAsync(value == true ? "accept" : "reject").ConfigureAwait(false);
    }

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason)
    {
        if (inputs[0] == KernelValueType.Number)
        {
            reason = "the value is a number, not a boolean";
            return null;
        }

        var common = MaskedKernelTypes.Common(inputs[1], inputs[2]);
        reason = common is null ? "accept and reject have different types (number and boolean)" : null;
        return common;
    }

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        var (value, accept, reject) = (inputs[0], inputs[1], inputs[2]);
        var chosen = value.Booleans;
        var present = value.Valid;
        var valid = result.Valid;
        if (result.Type == KernelValueType.Boolean)
        {
            var output = result.Booleans;
            for (var i = 0; i < output.Length; i++)
            {
                var take = present[i] & chosen[i];
                output[i] = take ? accept.Booleans[i] : reject.Booleans[i];
                valid[i] = take ? accept.Valid[i] : reject.Valid[i];
            }
        }
        else
        {
            var output = result.Numbers;
            for (var i = 0; i < output.Length; i++)
            {
                var take = present[i] & chosen[i];
                output[i] = take ? accept.Numbers[i] : reject.Numbers[i];
                valid[i] = take ? accept.Valid[i] : reject.Valid[i];
            }
        }
    }
}
