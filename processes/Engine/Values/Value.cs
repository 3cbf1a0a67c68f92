namespace OpenEoBridge.Processes.Values;

/// <summary>
/// A value flowing through a process graph: no-data, number, boolean, string, (labelled) array, object or callback.
/// Immutable; numbers keep the JSON text they were read from so 1 vs 1.0 and integers beyond 2^53 survive.
/// </summary>
public abstract class Value
{
    private protected Value()
    {
    }

    public static NoDataValue NoData => NoDataValue.Instance;

    public abstract ValueKind Kind { get; }

    public bool IsNoData => Kind == ValueKind.NoData;

    /// <summary>Short type name used in error messages ("number", "array", ...).</summary>
    public string TypeName => Kind switch
    {
        ValueKind.NoData => "null",
        ValueKind.Number => "number",
        ValueKind.Boolean => "boolean",
        ValueKind.String => "string",
        ValueKind.Array => "array",
        ValueKind.Object => "object",
        ValueKind.Callback => "process-graph",
        ValueKind.External => "external",
        _ => Kind.ToString(),
    };

    public static NumberValue Number(double value) => new(value);

    public static BooleanValue Boolean(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static StringValue String(string value) => new(value);

    public static Value NumberOrNoData(double? value) => value is { } v ? new NumberValue(v) : NoData;

    public override string ToString()
    {
        try
        {
            return ValueJson.ToJsonString(this, NonFiniteNumbers.AsBareTokens);
        }
        catch (NotJsonRepresentableException)
        {
            return $"<{TypeName}>";
        }
    }
}
