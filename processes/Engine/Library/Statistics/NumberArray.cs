using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary>An array argument of numbers and no-data as the span pair the kernels take: values plus a validity mask.</summary>
internal static class NumberArray
{
    public static (double[] Values, bool[] Valid) Read(ProcessCall call, string parameter)
    {
        var data = call.GetArray(parameter);
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
                    throw call.Invalid(parameter, $"an array of numbers or null (element {i} is {data[i].TypeName})");
            }
        }

        return (values, valid);
    }
}
