using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Rounding;

/// <summary>
/// <c>round</c>: half to even at <c>p</c> decimals. Negative <c>p</c> rounds to powers of ten by scaling down first,
/// which keeps 1234.5 at p = -2 exact (1200) instead of going through a tiny scale factor.
/// </summary>
public sealed class Round() : Process("round"), IOptionNumberKernel
{
    public string InputParameter => "x";

    public IUnaryNumberKernel? Bind(IReadOnlyDictionary<string, Value> options, out string? reason)
    {
        if (options.GetValueOrDefault("p") is not NumberValue number || !number.TryGetInt64(out var p))
        {
            reason = "its 'p' is not an integer";
            return null;
        }

        reason = null;
        return new BoundNumberKernel(InputParameter, x => Apply(x, p));
    }

    // Math.Round accepts at most 15 digits; a double carries no more significant decimals than that anyway.
    private const int MaxDigits = 15;

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        if (call.GetNumberOrNull("x") is not { } x)
        {
            return ValueTask.FromResult<Value>(Value.NoData);
        }

        return ValueTask.FromResult<Value>(Value.Number(Apply(x, call.GetInteger("p"))));
    }

    public static double Apply(double x, long p)
    {
        if (!double.IsFinite(x) || p > MaxDigits)
        {
            return x;
        }

        if (p >= 0)
        {
            return Math.Round(x, (int)p, MidpointRounding.ToEven);
        }

        if (p < -308)
        {
            return 0 * x;
        }

        var scale = Math.Pow(10, -p);
        return Math.Round(x / scale, MidpointRounding.ToEven) * scale;
    }
}
