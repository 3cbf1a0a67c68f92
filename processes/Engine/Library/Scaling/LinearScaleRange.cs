using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Scaling;

/// <summary>
/// <c>linear_scale_range</c>: <c>x</c> is first limited to the input range (whichever bound is lower), so the
/// output never leaves the output range; the official cases rely on this (1.12 in [0, 1] maps to 255).
/// </summary>
public sealed class LinearScaleRange() : Process("linear_scale_range"), IOptionNumberKernel
{
    public string InputParameter => "x";

    public IUnaryNumberKernel? Bind(IReadOnlyDictionary<string, Value> options, out string? reason)
    {
        var bounds = new[] { "inputMin", "inputMax", "outputMin", "outputMax" }.Select(n => options.GetValueOrDefault(n) as NumberValue).ToArray();
        if (bounds.Any(b => b is null))
        {
            reason = "its ranges are not all numbers";
            return null;
        }

        var (inputMin, inputMax, outputMin, outputMax) = (bounds[0]!.Value, bounds[1]!.Value, bounds[2]!.Value, bounds[3]!.Value);
        reason = null;
        return new BoundNumberKernel(InputParameter, x => Apply(x, inputMin, inputMax, outputMin, outputMax));
    }

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        if (call.GetNumberOrNull("x") is not { } x)
        {
            return ValueTask.FromResult<Value>(Value.NoData);
        }

        var result = Apply(x, call.GetNumber("inputMin"), call.GetNumber("inputMax"), call.GetNumber("outputMin"), call.GetNumber("outputMax"));
        return ValueTask.FromResult<Value>(Value.Number(result));
    }

    public static double Apply(double x, double inputMin, double inputMax, double outputMin, double outputMax)
    {
        var low = Math.Min(inputMin, inputMax);
        var high = Math.Max(inputMin, inputMax);
        var limited = x < low ? low : x > high ? high : x;
        return ((limited - inputMin) / (inputMax - inputMin) * (outputMax - outputMin)) + outputMin;
    }
}
