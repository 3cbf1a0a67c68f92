namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Blosc's byte and bit shuffles over one block (c-blosc shuffle-generic.h and bitshuffle-generic.c semantics):
/// with <c>n = length / typeSize</c> whole elements, the first <c>n * typeSize</c> bytes are transposed and the
/// remaining <c>length % typeSize</c> bytes are copied unchanged. Source and destination must have the same
/// length and must not overlap.
/// </summary>
public static class Shuffle
{
    /// <summary>Element-major to byte-lane-major: <c>dst[j*n + i] = src[i*T + j]</c>.</summary>
    public static void ByteShuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        CheckArguments(source, destination, typeSize);
        ByteShuffler.Shuffle(source, destination, typeSize);
    }

    /// <summary>Byte-lane-major back to element-major: <c>dst[i*T + j] = src[j*n + i]</c>.</summary>
    public static void ByteUnshuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        CheckArguments(source, destination, typeSize);
        ByteShuffler.Unshuffle(source, destination, typeSize);
    }

    /// <summary>
    /// Bit-plane transpose: row <c>j*8 + k</c> (n/8 bytes) holds bit k of byte j of every element. As in c-blosc,
    /// when the element count is not a multiple of 8 the block is copied unchanged.
    /// </summary>
    public static void BitShuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        CheckArguments(source, destination, typeSize);
        BitShuffler.Shuffle(source, destination, typeSize);
    }

    /// <summary>Inverse of <see cref="BitShuffle"/>, including its copy-unchanged rule.</summary>
    public static void BitUnshuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        CheckArguments(source, destination, typeSize);
        BitShuffler.Unshuffle(source, destination, typeSize);
    }

    private static void CheckArguments(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(typeSize, 1);
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"Source ({source.Length} bytes) and destination ({destination.Length} bytes) differ in length.");
        }

        if (source.Overlaps(destination))
        {
            throw new ArgumentException("Source and destination must not overlap.");
        }
    }
}
