using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Scaling;

/// <summary><c>clip</c>: NaN in any argument gives NaN; swapped bounds are a declared error.</summary>
public sealed class Clip() : Process("clip"), IOptionNumberKernel
{
    public string InputParameter => "x";

    public IUnaryNumberKernel? Bind(IReadOnlyDictionary<string, Value> options, out string? reason)
    {
        if (options.GetValueOrDefault("min") is not NumberValue { Value: var min } || options.GetValueOrDefault("max") is not NumberValue { Value: var max })
        {
            reason = "its bounds are not numbers";
            return null;
        }

        if (min > max)
        {
            reason = "its bounds are swapped (MinMaxSwapped)";
            return null;
        }

        reason = null;
        return new BoundNumberKernel(InputParameter, x => Apply(x, min, max));
    }

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var min = call.GetNumber("min");
        var max = call.GetNumber("max");
        if (min > max)
        {
            throw Fail("MinMaxSwapped");
        }

        return ValueTask.FromResult(call.GetNumberOrNull("x") is { } x ? Value.Number(Apply(x, min, max)) : (Value)Value.NoData);
    }

    public static double Apply(double x, double min, double max)
    {
        if (double.IsNaN(min) || double.IsNaN(max))
        {
            return double.NaN;
        }

        return x < min ? min : x > max ? max : x;
    }
}
