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
        var chosen = inputs[0].Booleans;
        var present = inputs[0].Valid;
        var acceptValid = inputs[1].Valid;
        var rejectValid = inputs[2].Valid;
        var valid = result.Valid;
        for (var i = 0; i < valid.Length; i++)
        {
            valid[i] = present[i] & chosen[i] ? acceptValid[i] : rejectValid[i];
        }

        if (result.Type == KernelValueType.Boolean)
        {
            Select(chosen, present, inputs[1].Booleans, inputs[2].Booleans, result.Booleans);
        }
        else
        {
            Select(chosen, present, inputs[1].Numbers, inputs[2].Numbers, result.Numbers);
        }
    }

    private static void Select<T>(ReadOnlySpan<bool> chosen, ReadOnlySpan<bool> present, ReadOnlySpan<T> accept, ReadOnlySpan<T> reject, Span<T> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = present[i] & chosen[i] ? accept[i] : reject[i];
        }
    }
}
