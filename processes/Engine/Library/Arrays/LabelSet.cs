using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>A set of array labels with the label equality of <see cref="ValueEquality.LabelEquals"/> (types never mix).</summary>
internal sealed class LabelSet
{
    private readonly HashSet<double> _numbers = [];
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public LabelSet(IEnumerable<Value> labels)
    {
        foreach (var label in labels)
        {
            Add(label);
        }
    }

    /// <summary>Adds a label; false when it was already present.</summary>
    public bool Add(Value label) => label switch
    {
        NumberValue n => _numbers.Add(n.Value),
        StringValue s => _strings.Add(s.Value),
        _ => throw new ArgumentException($"Array labels must be numbers or strings, not {label.TypeName}.", nameof(label)),
    };

    public bool Contains(Value label) => label switch
    {
        NumberValue n => _numbers.Contains(n.Value),
        StringValue s => _strings.Contains(s.Value),
        _ => false,
    };
}
