using System.Collections.Immutable;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// Removing a run of elements and inserting others in its place, the operation behind <c>array_modify</c> and
/// <c>array_concat</c>. Labels survive only when both sides are labelled (an empty side does not count), because a
/// half-labelled array cannot exist; a label on both sides is a conflict.
/// </summary>
internal static class ArraySplice
{
    /// <summary>Returns null when a label of <paramref name="values"/> is already used by a kept element of <paramref name="data"/>.</summary>
    public static ArrayValue? Splice(ArrayValue data, ArrayValue values, int index, int length)
    {
        var removeEnd = Math.Min(data.Count, index + length);
        var items = ImmutableArray.CreateBuilder<Value>(data.Count - (removeEnd - index) + values.Count);
        items.AddRange(data.Items.AsSpan(0, index));
        items.AddRange(values.Items);
        items.AddRange(data.Items.AsSpan(removeEnd..));

        var keepLabels = (data.IsLabeled || data.Count == 0) && (values.IsLabeled || values.Count == 0) && (data.IsLabeled || values.IsLabeled);
        if (!keepLabels)
        {
            return new ArrayValue(items.MoveToImmutable());
        }

        var dataLabels = data.IsLabeled ? data.Labels : [];
        var valueLabels = values.IsLabeled ? values.Labels : [];
        var labels = ImmutableArray.CreateBuilder<Value>(items.Count);
        labels.AddRange(dataLabels.AsSpan(0, Math.Min(index, dataLabels.Length)));
        labels.AddRange(dataLabels.AsSpan(Math.Min(removeEnd, dataLabels.Length)..));
        var used = new LabelSet(labels);
        foreach (var label in valueLabels)
        {
            if (!used.Add(label))
            {
                return null;
            }
        }

        labels.Clear();
        labels.AddRange(dataLabels.AsSpan(0, Math.Min(index, dataLabels.Length)));
        labels.AddRange(valueLabels);
        labels.AddRange(dataLabels.AsSpan(Math.Min(removeEnd, dataLabels.Length)..));
        return new ArrayValue(items.MoveToImmutable(), labels.ToImmutable());
    }
}
