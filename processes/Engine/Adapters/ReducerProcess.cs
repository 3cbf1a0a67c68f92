using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Adapters;

/// <summary>
/// A reducer process <c>f(data: array of number|null, ignore_nodata = true) -> number|null</c>. The dynamic path
/// turns the array into a value span plus validity mask and runs the same reducer the chunked engine streams.
/// </summary>
public abstract class NumberReducerProcess(string id) : Process(id), IReducerKernel
{
    public string DataParameter => "data";

    public abstract bool IsStreaming { get; }

    public abstract IReducerAccumulator CreateAccumulator(bool ignoreNoData);

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray(DataParameter);
        var ignoreNoData = call.Process.Definition.FindParameter("ignore_nodata") is null || call.GetBoolean("ignore_nodata");
        var values = new double[data.Count];
        var valid = new bool[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            switch (data[i])
            {
                case NumberValue n:
                    values[i] = n.Value;
                    valid[i] = true;
                    break;
                case NoDataValue:
                    break;
                default:
                    throw call.Invalid(DataParameter, $"an array of numbers or null (element {i} is {data[i].TypeName})");
            }
        }

        var accumulator = CreateAccumulator(ignoreNoData);
        accumulator.Accumulate(values, valid);
        return ValueTask.FromResult(Value.NumberOrNoData(accumulator.Finish()));
    }
}

/// <summary>A streaming reducer process (sum, mean, min, max, ...).</summary>
public class StreamingReducerProcess<TReducer, TState>(string id) : NumberReducerProcess(id)
    where TReducer : IStreamingReducer<TState>
    where TState : struct
{
    public override bool IsStreaming => true;

    public override IReducerAccumulator CreateAccumulator(bool ignoreNoData) => new StreamingAccumulator<TReducer, TState>(ignoreNoData);
}

/// <summary>A reducer that needs all values at once (median, quantiles): the materialised fallback.</summary>
public class MaterialisedReducerProcess<TReducer>(string id) : NumberReducerProcess(id)
    where TReducer : IMaterialisedReducer
{
    public override bool IsStreaming => false;

    public override IReducerAccumulator CreateAccumulator(bool ignoreNoData) => new MaterialisedAccumulator<TReducer>(ignoreNoData);
}
