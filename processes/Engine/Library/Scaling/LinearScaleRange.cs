using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Scaling;

/// <summary>
/// <c>linear_scale_range</c>: <c>x</c> is first limited to the input range (whichever bound is lower), so the
/// output never leaves the output range; the official cases rely on this (1.12 in [0, 1] maps to 255).
/// </summary>
public sealed class LinearScaleRange() : Process("linear_scale_range")
{
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
