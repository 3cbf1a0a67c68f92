namespace OpenEoBridge.Zarr.Chunks;

/// <summary>A hyper-rectangle of an array: per dimension a start index and a length.</summary>
public sealed record ArrayRegion
{
    public ArrayRegion(IReadOnlyList<long> start, IReadOnlyList<long> shape)
    {
        if (start.Count != shape.Count)
        {
            throw new ArgumentException("Region start and shape must have the same number of dimensions");
        }

        for (var i = 0; i < start.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start[i]);
            ArgumentOutOfRangeException.ThrowIfNegative(shape[i]);
        }

        Start = [.. start];
        Shape = [.. shape];
    }

    public long[] Start { get; }

    public long[] Shape { get; }

    public int Rank => Shape.Length;

    /// <summary>Number of elements (checked against overflow).</summary>
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var s in Shape)
            {
                n = checked(n * s);
            }

            return n;
        }
    }

    public static ArrayRegion Whole(IReadOnlyList<long> shape) => new(new long[shape.Count], shape);

    /// <summary>Throws unless the region lies inside an array of <paramref name="arrayShape"/>.</summary>
    public void EnsureInside(IReadOnlyList<long> arrayShape)
    {
        if (arrayShape.Count != Rank)
        {
            throw new ArgumentException($"Region has {Rank} dimensions, the array {arrayShape.Count}");
        }

        for (var i = 0; i < Rank; i++)
        {
            if (Start[i] + Shape[i] > arrayShape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(arrayShape), $"Region [{Start[i]}, {Start[i] + Shape[i]}) exceeds dimension {i} of size {arrayShape[i]}");
            }
        }
    }

    public bool Equals(ArrayRegion? other) => other is not null && Start.AsSpan().SequenceEqual(other.Start) && Shape.AsSpan().SequenceEqual(other.Shape);

    public override int GetHashCode() => HashCode.Combine(Rank, ElementCount);

    public override string ToString() => "[" + string.Join(", ", Start.Select((s, i) => $"{s}:{s + Shape[i]}")) + "]";
}
