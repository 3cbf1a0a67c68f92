using System.Collections.Immutable;

namespace OpenEoBridge.Processes.Values;

/// <summary>A JSON object with its key order preserved.</summary>
public sealed class ObjectValue(ImmutableArray<KeyValuePair<string, Value>> properties) : Value
{
    public static readonly ObjectValue Empty = new([]);

    public ImmutableArray<KeyValuePair<string, Value>> Properties { get; } = properties.IsDefault ? [] : properties;

    public override ValueKind Kind => ValueKind.Object;

    public bool TryGet(string key, out Value value)
    {
        foreach (var property in Properties)
        {
            if (property.Key == key)
            {
                value = property.Value;
                return true;
            }
        }

        value = NoData;
        return false;
    }
}
