using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Bit-plane shuffle kernels, built from the vectorised byte shuffles. The 8 rows of byte j are a byte-shuffled
/// array of <c>n/8</c> eight-byte words (byte k of word g = row k, byte g); an 8x8 bit transpose of each word turns
/// it into byte j of elements 8g..8g+7, i.e. lane j of a byte-shuffled block. So unshuffling is: per byte j,
/// byte-unshuffle its rows with element size 8 and transpose the words; then byte-unshuffle the lanes with the
/// real element size. Arguments are validated by <see cref="Shuffle"/>.
/// </summary>
internal static class BitShuffler
{
    public static void Unshuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        var n = source.Length / typeSize;
        if (n % 8 != 0 || n == 0)
        {
            // c-blosc leaves such blocks untransposed although the frame says bit-shuffle.
            source.CopyTo(destination);
            return;
        }

        var body = n * typeSize;
        var rented = typeSize == 1 ? null : ArrayPool<byte>.Shared.Rent(body);
        try
        {
            var lanes = rented is null ? destination[..body] : rented.AsSpan(0, body);
            for (var j = 0; j < typeSize; j++)
            {
                var lane = lanes.Slice(j * n, n);
                ByteShuffler.Unshuffle(source.Slice(j * n, n), lane, 8);
                TransposeWords(MemoryMarshal.Cast<byte, ulong>(lane));
            }

            if (rented is not null)
            {
                ByteShuffler.Unshuffle(lanes, destination[..body], typeSize);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        source[body..].CopyTo(destination[body..]);
    }

    public static void Shuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        var n = source.Length / typeSize;
        if (n % 8 != 0 || n == 0)
        {
            source.CopyTo(destination);
            return;
        }

        var body = n * typeSize;
        var rented = ArrayPool<byte>.Shared.Rent(body);
        try
        {
            var lanes = rented.AsSpan(0, body);
            ByteShuffler.Shuffle(source[..body], lanes, typeSize);
            for (var j = 0; j < typeSize; j++)
            {
                var lane = lanes.Slice(j * n, n);
                TransposeWords(MemoryMarshal.Cast<byte, ulong>(lane));
                ByteShuffler.Shuffle(lane, destination.Slice(j * n, n), 8);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        source[body..].CopyTo(destination[body..]);
    }

    /// <summary>Transposes every word as an 8x8 bit matrix (the transform is its own inverse).</summary>
    internal static void TransposeWords(Span<ulong> words)
    {
        var i = 0;
        ref var first = ref MemoryMarshal.GetReference(words);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= words.Length; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref first, (nuint)i);
                var t = (x ^ Vector256.ShiftRightLogical(x, 7)) & Vector256.Create(0x00AA00AA00AA00AAUL);
                x ^= t ^ Vector256.ShiftLeft(t, 7);
                t = (x ^ Vector256.ShiftRightLogical(x, 14)) & Vector256.Create(0x0000CCCC0000CCCCUL);
                x ^= t ^ Vector256.ShiftLeft(t, 14);
                t = (x ^ Vector256.ShiftRightLogical(x, 28)) & Vector256.Create(0x00000000F0F0F0F0UL);
                x ^= t ^ Vector256.ShiftLeft(t, 28);
                x.StoreUnsafe(ref first, (nuint)i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 2 <= words.Length; i += 2)
            {
                var x = Vector128.LoadUnsafe(ref first, (nuint)i);
                var t = (x ^ Vector128.ShiftRightLogical(x, 7)) & Vector128.Create(0x00AA00AA00AA00AAUL);
                x ^= t ^ Vector128.ShiftLeft(t, 7);
                t = (x ^ Vector128.ShiftRightLogical(x, 14)) & Vector128.Create(0x0000CCCC0000CCCCUL);
                x ^= t ^ Vector128.ShiftLeft(t, 14);
                t = (x ^ Vector128.ShiftRightLogical(x, 28)) & Vector128.Create(0x00000000F0F0F0F0UL);
                x ^= t ^ Vector128.ShiftLeft(t, 28);
                x.StoreUnsafe(ref first, (nuint)i);
            }
        }

        for (; i < words.Length; i++)
        {
            words[i] = Transpose8x8(words[i]);
        }
    }

    /// <summary>
    /// Transposes the 8x8 bit matrix whose bit <c>8*r + c</c> is row r, column c (Hacker's Delight 7-3), on a
    /// little-endian word: byte r of the input becomes bit r of every output byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Transpose8x8(ulong x)
    {
        var t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAUL;
        x ^= t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCUL;
        x ^= t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0UL;
        x ^= t ^ (t << 28);
        return x;
    }
}
