using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Reducers;

/// <summary>
/// <c>count</c>: <c>condition</c> null counts valid elements (not no-data, not NaN/±Infinity, as <c>is_valid</c>),
/// <c>true</c> counts all, a callback counts the elements it returns <c>true</c> for. The first two stream in the
/// cube engine (<see cref="IReducerKernelFactory"/>); a callback condition runs per element.
/// </summary>
public sealed class Count() : Process("count"), IReducerKernelFactory
{
    public string DataParameter => "data";

    public IReducerKernel? CreateKernel(IReadOnlyDictionary<string, Value> arguments, out string? reason)
    {
        reason = null;
        switch (arguments.GetValueOrDefault("condition", Value.NoData))
        {
            case NoDataValue:
                return CountKernel<CountValidReducer>.Instance;
            case BooleanValue { Value: true }:
                return CountKernel<CountAllReducer>.Instance;
            default:
                reason = "only a condition of null or true streams";
                return null;
        }
    }

    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var condition = call.Get("condition");
        long count;
        switch (condition)
        {
            case NoDataValue:
                count = data.Items.Count(IsValid);
                break;
            case BooleanValue { Value: true }:
                count = data.Count;
                break;
            case CallbackValue callback:
                count = 0;
                var context = call.Get("context");
                foreach (var element in data.Items)
                {
                    var matched = await callback.Callback.InvokeAsync(element, context, call.CancellationToken).ConfigureAwait(false);
                    if (matched is BooleanValue { Value: true })
                    {
                        count++;
                    }
                }

                break;
            default:
                throw call.Invalid("condition", "a process, true or null");
        }

        return Value.Number(count);
    }

    private static bool IsValid(Value value) => value switch
    {
        NoDataValue => false,
        NumberValue n => n.IsFinite,
        _ => true,
    };
}
