using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Constants;

/// <summary>A process without parameters that always returns the same number (a constant column when fused).</summary>
public abstract class NumberConstantProcess(string id, double value) : Process(id), IMaskedKernel
{
    private readonly NumberValue _value = Value.Number(value);

    public IReadOnlyList<string> MaskedInputs { get; } = [];

    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(_value);

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason)
    {
        reason = null;
        return KernelValueType.Number;
    }

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        result.Numbers.Fill(_value.Value);
        result.Valid.Fill(true);
    }
}

/// <summary><c>e</c>.</summary>
public sealed class E() : NumberConstantProcess("e", Math.E);

/// <summary><c>pi</c>.</summary>
public sealed class Pi() : NumberConstantProcess("pi", Math.PI);

/// <summary><c>nan</c>.</summary>
public sealed class Nan() : NumberConstantProcess("nan", double.NaN);

/// <summary><c>constant</c>: hands its argument on, so a value can be defined once and referenced by several nodes.</summary>
public sealed class Constant() : Process("constant"), IMaskedKernel
{
    public IReadOnlyList<string> MaskedInputs { get; } = ["x"];

    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult(call.Get("x"));

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason)
    {
        reason = null;
        return inputs[0];
    }

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        inputs[0].Numbers.CopyTo(result.Numbers);
        inputs[0].Booleans.CopyTo(result.Booleans);
        inputs[0].Valid.CopyTo(result.Valid);
    }
}
