using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// How <c>array_find</c> and <c>array_contains</c> recognise a value: numbers, strings and booleans of the same type
/// and value (1 equals 1.0, strings case-sensitively). NaN, no-data, arrays and objects never match anything.
/// </summary>
internal static class ScalarMatch
{
    public static bool Matches(Value element, Value wanted) => (element, wanted) switch
    {
        (NumberValue a, NumberValue b) => a.Value == b.Value,
        (StringValue a, StringValue b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
        (BooleanValue a, BooleanValue b) => a.Value == b.Value,
        _ => false,
    };
}
