using System.Runtime.CompilerServices;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Bit-plane shuffle kernels. Eight consecutive elements contribute one byte to each of the 8 rows of byte j, so
/// both directions reduce to an 8x8 bit-matrix transpose of a 64-bit word per (byte j, group of 8 elements).
/// Arguments are validated by <see cref="Shuffle"/>.
/// </summary>
internal static unsafe class BitShuffler
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
        var groups = n / 8;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            for (var j = 0; j < typeSize; j++)
            {
                var rows = src + ((nint)j * 8 * groups);
                var output = dst + j;
                for (var g = 0; g < groups; g++)
                {
                    ulong x = 0;
                    for (var k = 0; k < 8; k++)
                    {
                        x |= (ulong)rows[((nint)k * groups) + g] << (8 * k);
                    }

                    x = Transpose8x8(x);
                    var o = output + ((nint)g * 8 * typeSize);
                    if (typeSize == 1)
                    {
                        Unsafe.WriteUnaligned(o, x);
                        continue;
                    }

                    for (var b = 0; b < 8; b++)
                    {
                        o[(nint)b * typeSize] = (byte)(x >> (8 * b));
                    }
                }
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
        var groups = n / 8;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            for (var j = 0; j < typeSize; j++)
            {
                var rows = dst + ((nint)j * 8 * groups);
                var input = src + j;
                for (var g = 0; g < groups; g++)
                {
                    var s = input + ((nint)g * 8 * typeSize);
                    ulong x;
                    if (typeSize == 1)
                    {
                        x = Unsafe.ReadUnaligned<ulong>(s);
                    }
                    else
                    {
                        x = 0;
                        for (var b = 0; b < 8; b++)
                        {
                            x |= (ulong)s[(nint)b * typeSize] << (8 * b);
                        }
                    }

                    x = Transpose8x8(x);
                    for (var k = 0; k < 8; k++)
                    {
                        rows[((nint)k * groups) + g] = (byte)(x >> (8 * k));
                    }
                }
            }
        }

        source[body..].CopyTo(destination[body..]);
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
