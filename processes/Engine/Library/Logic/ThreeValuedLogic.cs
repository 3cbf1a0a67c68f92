using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary>Kleene logic with no-data as "unknown", as the truth tables of <c>and</c>, <c>or</c>, <c>any</c>, <c>all</c> define it.</summary>
public static class ThreeValuedLogic
{
    public static bool? And(bool? x, bool? y) => x == false || y == false ? false : x is null || y is null ? null : true;

    public static bool? Or(bool? x, bool? y) => x == true || y == true ? true : x is null || y is null ? null : false;

    public static Value ToValue(bool? value) => value is { } b ? Value.Boolean(b) : Value.NoData;

    public static bool? Read(ProcessCall call, string parameter, Value value) => value switch
    {
        BooleanValue b => b.Value,
        NoDataValue => null,
        _ => throw call.Invalid(parameter, "a boolean or null"),
    };
}
