using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Validity;

/// <summary>
/// A test on a single value of any type that always answers <c>true</c> or <c>false</c> (never no-data), so
/// callbacks can branch on it. Arrays and objects are values themselves: their elements are not looked into.
/// </summary>
public abstract class ValueTestProcess(string id) : Process(id)
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.Boolean(Test(call.Get("x"))));

    public abstract bool Test(Value x);
}

/// <summary><c>is_nan</c>: only the IEEE 754 NaN; the text "NaN" is a string.</summary>
public sealed class IsNan() : ValueTestProcess("is_nan")
{
    public override bool Test(Value x) => x is NumberValue { IsNaN: true };
}

/// <summary><c>is_nodata</c>: JSON null. NaN is a number here (a cube that uses NaN as no-data maps it to null first).</summary>
public sealed class IsNodata() : ValueTestProcess("is_nodata")
{
    public override bool Test(Value x) => x.IsNoData;
}

/// <summary><c>is_valid</c>: anything but no-data, NaN and ±Infinity.</summary>
public sealed class IsValid() : ValueTestProcess("is_valid")
{
    public override bool Test(Value x) => x switch
    {
        NoDataValue => false,
        NumberValue n => n.IsFinite,
        _ => true,
    };
}

/// <summary><c>is_infinite</c>: only ±Infinity numbers; texts such as "Infinity" are not numbers.</summary>
public sealed class IsInfinite() : ValueTestProcess("is_infinite")
{
    public override bool Test(Value x) => x is NumberValue n && double.IsInfinity(n.Value);
}
