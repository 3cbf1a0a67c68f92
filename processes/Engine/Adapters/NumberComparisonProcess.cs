using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Adapters;

/// <summary>
/// An ordering comparison (<c>gt</c>, <c>lt</c>, ...): no-data in either operand gives no-data, two numbers compare
/// by IEEE 754, any other pair of types gives <c>false</c>.
/// </summary>
public class NumberComparisonProcess<TOp>(string id) : Process(id), INumberComparisonKernel
    where TOp : INumberComparisonOperator
{
    public (string X, string Y) InputParameters => ("x", "y");

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = call.Get("x");
        var y = call.Get("y");
        Value result = (x, y) switch
        {
            (NoDataValue, _) or (_, NoDataValue) => Value.NoData,
            (NumberValue a, NumberValue b) => Value.Boolean(TOp.Invoke(a.Value, b.Value)),
            _ => BooleanValue.False,
        };
        return ValueTask.FromResult(result);
    }

    public void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<bool> result) => NumberKernels.Compare<TOp>(x, y, result);
}
