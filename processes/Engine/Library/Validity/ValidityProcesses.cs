using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Validity;

/// <summary>
/// A test on a single value of any type that always answers <c>true</c> or <c>false</c> (never no-data), so
/// callbacks can branch on it. Arrays and objects are values themselves: their elements are not looked into.
/// The masked kernel answers the same test over a column (numbers, booleans or a no-data literal).
/// </summary>
public abstract class ValueTestProcess(string id) : Process(id), IMaskedKernel
{
    public IReadOnlyList<string> MaskedInputs { get; } = ["x"];

    public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.Boolean(Test(call.Get("x"))));

    public abstract bool Test(Value x);

    /// <summary>The test for one present number.</summary>
    protected abstract bool TestNumber(double x);

    /// <summary>The answer for any present boolean.</summary>
    protected abstract bool BooleanAnswer { get; }

    /// <summary>The answer for no-data.</summary>
    protected virtual bool NoDataAnswer => false;

    public KernelValueType? ResultType(ReadOnlySpan<KernelValueType> inputs, out string? reason)
    {
        reason = null;
        return KernelValueType.Boolean;
    }

    public void Apply(ReadOnlySpan<KernelColumn> inputs, KernelColumn result)
    {
        var present = inputs[0].Valid;
        var numbers = inputs[0].Numbers;
        var output = result.Booleans;
        var isNumber = inputs[0].Type == KernelValueType.Number;
        var noData = NoDataAnswer;
        var boolean = BooleanAnswer;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = !present[i] ? noData : isNumber ? TestNumber(numbers[i]) : boolean;
        }

        result.Valid.Fill(true);
    }
}

/// <summary><c>is_nan</c>: only the IEEE 754 NaN; the text "NaN" is a string.</summary>
public sealed class IsNan() : ValueTestProcess("is_nan")
{
    public override bool Test(Value x) => x is NumberValue { IsNaN: true };

    protected override bool TestNumber(double x) => double.IsNaN(x);

    protected override bool BooleanAnswer => false;
}

/// <summary><c>is_nodata</c>: JSON null. NaN is a number here (a cube that uses NaN as no-data maps it to null first).</summary>
public sealed class IsNodata() : ValueTestProcess("is_nodata")
{
    public override bool Test(Value x) => x.IsNoData;

    protected override bool TestNumber(double x) => false;

    protected override bool BooleanAnswer => false;

    protected override bool NoDataAnswer => true;
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

    protected override bool TestNumber(double x) => double.IsFinite(x);

    protected override bool BooleanAnswer => true;
}

/// <summary><c>is_infinite</c>: only ±Infinity numbers; texts such as "Infinity" are not numbers.</summary>
public sealed class IsInfinite() : ValueTestProcess("is_infinite")
{
    public override bool Test(Value x) => x is NumberValue n && double.IsInfinity(n.Value);

    protected override bool TestNumber(double x) => double.IsInfinity(x);

    protected override bool BooleanAnswer => false;
}
