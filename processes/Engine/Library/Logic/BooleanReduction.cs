using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary>
/// The shared loop of <c>any</c> (<paramref name="stopAt"/> true) and <c>all</c> (false): the first element equal to
/// <c>stopAt</c> decides; otherwise the result is <c>!stopAt</c>, or no-data if a no-data element counted.
/// </summary>
internal static class BooleanReduction
{
    public static Value Reduce(ProcessCall call, bool stopAt)
    {
        var data = call.GetArray("data");
        var ignoreNoData = call.GetBoolean("ignore_nodata");
        var sawNoData = false;
        foreach (var element in data.Items)
        {
            switch (ThreeValuedLogic.Read(call, "data", element))
            {
                case null:
                    sawNoData = true;
                    break;
                case var b when b == stopAt:
                    return Value.Boolean(stopAt);
            }
        }

        return sawNoData && !ignoreNoData ? Value.NoData : Value.Boolean(!stopAt);
    }
}
