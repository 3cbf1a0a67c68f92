namespace OpenEoBridge.Processes.Values;

/// <summary>
/// A string. Dates and date-times stay strings (with their precision and offset); date processes parse them
/// on use and format results in the precision of their input.
/// </summary>
public sealed class StringValue(string value) : Value
{
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    public override ValueKind Kind => ValueKind.String;
}
