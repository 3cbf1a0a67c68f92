namespace OpenEoBridge.Processes.Values;

/// <summary>JSON <c>null</c>: openEO's no-data. Distinct from NaN, which is a number.</summary>
public sealed class NoDataValue : Value
{
    public static readonly NoDataValue Instance = new();

    private NoDataValue()
    {
    }

    public override ValueKind Kind => ValueKind.NoData;
}
