namespace OpenEoBridge.Storage;

/// <summary>
/// A byte range of a stored value: a bounded range (<c>offset</c> + <c>length</c>), an open-ended one
/// (from <c>offset</c> to the end), or a suffix (the last <c>length</c> bytes, as an HTTP <c>bytes=-N</c> range).
/// </summary>
public readonly record struct ByteRange
{
    private ByteRange(long? offset, long? length)
    {
        Offset = offset;
        Length = length;
    }

    /// <summary>Start of the range; <c>null</c> for a suffix range.</summary>
    public long? Offset { get; }

    /// <summary>Number of bytes; <c>null</c> for an open-ended range.</summary>
    public long? Length { get; }

    public bool IsSuffix => Offset is null;

    public static ByteRange Bounded(long offset, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new ByteRange(offset, length);
    }

    public static ByteRange From(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return new ByteRange(offset, null);
    }

    public static ByteRange Suffix(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new ByteRange(null, length);
    }

    /// <summary>Resolves the range against an object of <paramref name="size"/> bytes, clamped to it.</summary>
    public (long Start, long Count) Resolve(long size)
    {
        if (Offset is null)
        {
            var count = Math.Min(Length!.Value, size);
            return (size - count, count);
        }

        var start = Math.Min(Offset.Value, size);
        var end = Length is null ? size : Math.Min(size, Offset.Value + Length.Value);
        return (start, end - start);
    }

    /// <summary>The HTTP <c>Range</c> header value for this range.</summary>
    public string ToHttpRange() => Offset is null
        ? $"bytes=-{Length}"
        : Length is null ? $"bytes={Offset}-" : $"bytes={Offset}-{Offset + Length - 1}";

    public override string ToString() => ToHttpRange();
}
