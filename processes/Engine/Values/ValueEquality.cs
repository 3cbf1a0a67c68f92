namespace OpenEoBridge.Processes.Values;

/// <summary>Structural equality of values, as processes such as <c>eq</c> and <c>array_contains</c> define it.</summary>
public static class ValueEquality
{
    /// <summary>Labels match when they are the same type and value (numbers by value, strings ordinally).</summary>
    public static bool LabelEquals(Value a, Value b) => (a, b) switch
    {
        (NumberValue x, NumberValue y) => x.Value.Equals(y.Value),
        (StringValue x, StringValue y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Deep equality: numbers by value (NaN equals NaN here, so use it for data, not for <c>eq</c>), 1 equals 1.0,
    /// arrays element-wise including labels, objects by key set.
    /// </summary>
    public static bool DeepEquals(Value a, Value b)
    {
        switch (a, b)
        {
            case (NoDataValue, NoDataValue):
                return true;
            case (NumberValue x, NumberValue y):
                return x.Value.Equals(y.Value);
            case (BooleanValue x, BooleanValue y):
                return x.Value == y.Value;
            case (StringValue x, StringValue y):
                return string.Equals(x.Value, y.Value, StringComparison.Ordinal);
            case (ArrayValue x, ArrayValue y):
                if (x.Count != y.Count || x.IsLabeled != y.IsLabeled)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]) || (x.IsLabeled && !LabelEquals(x.Labels[i], y.Labels[i])))
                    {
                        return false;
                    }
                }

                return true;
            case (ObjectValue x, ObjectValue y):
                if (x.Properties.Length != y.Properties.Length)
                {
                    return false;
                }

                foreach (var property in x.Properties)
                {
                    if (!y.TryGet(property.Key, out var other) || !DeepEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(a, b);
        }
    }
}
