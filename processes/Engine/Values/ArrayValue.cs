using System.Collections.Immutable;

namespace OpenEoBridge.Processes.Values;

/// <summary>
/// An ordered array, optionally labelled. Labels are numbers or strings (<see cref="NumberValue"/> /
/// <see cref="StringValue"/>) and keep their type through processes such as <c>array_apply</c>.
/// </summary>
public sealed class ArrayValue : Value
{
    public static readonly ArrayValue Empty = new([]);

    public ArrayValue(ImmutableArray<Value> items)
    {
        Items = items.IsDefault ? [] : items;
    }

    public ArrayValue(ImmutableArray<Value> items, ImmutableArray<Value> labels)
        : this(items)
    {
        if (labels.IsDefault)
        {
            return;
        }

        if (labels.Length != Items.Length)
        {
            throw new ArgumentException($"An array with {Items.Length} elements cannot have {labels.Length} labels.", nameof(labels));
        }

        foreach (var label in labels)
        {
            if (label.Kind is not (ValueKind.Number or ValueKind.String))
            {
                throw new ArgumentException($"Array labels must be numbers or strings, not {label.TypeName}.", nameof(labels));
            }
        }

        Labels = labels;
    }

    public ImmutableArray<Value> Items { get; }

    /// <summary>The labels, or default (IsDefault) when the array is not labelled.</summary>
    public ImmutableArray<Value> Labels { get; }

    public bool IsLabeled => !Labels.IsDefault;

    public int Count => Items.Length;

    public Value this[int index] => Items[index];

    public override ValueKind Kind => ValueKind.Array;

    /// <summary>The same labels (if any) on new items, e.g. for element-wise processes.</summary>
    public ArrayValue WithItems(ImmutableArray<Value> items) => IsLabeled ? new ArrayValue(items, Labels) : new ArrayValue(items);

    /// <summary>Finds the index of a label; numbers and strings never match each other.</summary>
    public int IndexOfLabel(Value label)
    {
        if (!IsLabeled)
        {
            return -1;
        }

        for (var i = 0; i < Labels.Length; i++)
        {
            if (ValueEquality.LabelEquals(Labels[i], label))
            {
                return i;
            }
        }

        return -1;
    }
}
