using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Constants;

/// <summary>A process without parameters that always returns the same number.</summary>
public abstract class NumberConstantProcess(string id, double value) : Process(id)
{
    private readonly NumberValue _value = Value.Number(value);

    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(_value);
}

/// <summary><c>e</c>.</summary>
public sealed class E() : NumberConstantProcess("e", Math.E);

/// <summary><c>pi</c>.</summary>
public sealed class Pi() : NumberConstantProcess("pi", Math.PI);

/// <summary><c>nan</c>.</summary>
public sealed class Nan() : NumberConstantProcess("nan", double.NaN);

/// <summary><c>constant</c>: hands its argument on, so a value can be defined once and referenced by several nodes.</summary>
public sealed class Constant() : Process("constant")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult(call.Get("x"));
}
