using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Byte shuffle kernels. Unshuffle is on the hot read path (every Blosc chunk of float data), so the common
/// element sizes 2, 4 and 8 interleave lanes with AVX2 or SSE2 unpack trees; other sizes and the tail run a
/// scalar loop. Arguments are validated by <see cref="Shuffle"/>.
/// </summary>
internal static unsafe class ByteShuffler
{
    public static void Unshuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        var n = source.Length / typeSize;
        var body = n * typeSize;
        if (typeSize == 1 || n == 0)
        {
            source.CopyTo(destination);
            return;
        }

        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            UnshuffleElements(src, n, dst, n, typeSize);
        }

        source[body..].CopyTo(destination[body..]);
    }

    /// <summary>
    /// Unshuffles elements [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of a
    /// shuffled block of <paramref name="n"/> whole elements into <paramref name="destination"/>, so a block can be
    /// scattered straight into the rows of a caller's buffer.
    /// </summary>
    public static void UnshuffleRange(ReadOnlySpan<byte> lanes, int n, int typeSize, int first, int count, Span<byte> destination)
    {
        if ((long)n * typeSize > lanes.Length || first < 0 || count < 0 || (long)first + count > n || (long)count * typeSize > destination.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Element range outside the shuffled block or the destination.");
        }

        if (count == 0)
        {
            return;
        }

        fixed (byte* src = lanes)
        fixed (byte* dst = destination)
        {
            UnshuffleElements(src + first, n, dst, count, typeSize);
        }
    }

    // Lane j of element i is at src[j * n + i]; writes `count` whole elements.
    private static void UnshuffleElements(byte* src, int n, byte* dst, int count, int typeSize)
    {
        var done = Kernel(src, dst, n, count, typeSize);
        if (done < count && done >= 32 && Avx2.IsSupported)
        {
            // Redo the last 32 elements as one overlapping vector step rather than a scalar tail (short rows).
            var back = count - 32;
            done = back + Kernel(src + back, dst + ((nint)back * typeSize), n, 32, typeSize);
        }

        UnshuffleScalar(src, dst, n, count, typeSize, done);
    }

    private static int Kernel(byte* src, byte* dst, int n, int count, int typeSize) => typeSize switch
    {
        2 => Unshuffle2(src, dst, n, count),
        4 => Unshuffle4(src, dst, n, count),
        8 => Unshuffle8(src, dst, n, count),
        _ => 0,
    };

    public static void Shuffle(ReadOnlySpan<byte> source, Span<byte> destination, int typeSize)
    {
        var n = source.Length / typeSize;
        var body = n * typeSize;
        if (typeSize == 1 || n == 0)
        {
            source.CopyTo(destination);
            return;
        }

        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            var done = typeSize == 4 ? Shuffle4(src, dst, n) : 0;
            ShuffleScalar(src, dst, n, typeSize, done);
        }

        source[body..].CopyTo(destination[body..]);
    }

    // Elements [start, n) of every lane.
    private static void UnshuffleScalar(byte* src, byte* dst, int n, int count, int typeSize, int start)
    {
        for (var i = start; i < count; i++)
        {
            var o = dst + ((nint)i * typeSize);
            for (var j = 0; j < typeSize; j++)
            {
                o[j] = src[((nint)j * n) + i];
            }
        }
    }

    private static void ShuffleScalar(byte* src, byte* dst, int n, int typeSize, int start)
    {
        for (var j = 0; j < typeSize; j++)
        {
            var lane = dst + ((nint)j * n);
            var s = src + j;
            for (var i = start; i < n; i++)
            {
                lane[i] = s[(nint)i * typeSize];
            }
        }
    }

    // Each kernel returns how many leading elements it handled; the scalar loop finishes the rest.
    private static int Unshuffle2(byte* src, byte* dst, int n, int count)
    {
        var i = 0;
        byte* l0 = src, l1 = src + n;
        if (Avx2.IsSupported)
        {
            for (; i + 32 <= count; i += 32)
            {
                var a = Avx.LoadVector256(l0 + i);
                var b = Avx.LoadVector256(l1 + i);
                var lo = Avx2.UnpackLow(a, b);
                var hi = Avx2.UnpackHigh(a, b);
                var o = dst + ((nint)i * 2);
                Avx.Store(o, Avx2.Permute2x128(lo, hi, 0x20));
                Avx.Store(o + 32, Avx2.Permute2x128(lo, hi, 0x31));
            }
        }
        else if (Sse2.IsSupported)
        {
            for (; i + 16 <= count; i += 16)
            {
                var a = Sse2.LoadVector128(l0 + i);
                var b = Sse2.LoadVector128(l1 + i);
                var o = dst + ((nint)i * 2);
                Sse2.Store(o, Sse2.UnpackLow(a, b));
                Sse2.Store(o + 16, Sse2.UnpackHigh(a, b));
            }
        }

        return i;
    }

    private static int Unshuffle4(byte* src, byte* dst, int n, int count)
    {
        var i = 0;
        byte* l0 = src, l1 = src + n, l2 = src + (2 * (nint)n), l3 = src + (3 * (nint)n);
        if (Avx2.IsSupported)
        {
            for (; i + 32 <= count; i += 32)
            {
                var a = Avx.LoadVector256(l0 + i);
                var b = Avx.LoadVector256(l1 + i);
                var c = Avx.LoadVector256(l2 + i);
                var d = Avx.LoadVector256(l3 + i);

                // In-lane unpacks: 128-bit lane 0 holds elements 0-15, lane 1 elements 16-31.
                var abLo = Avx2.UnpackLow(a, b).AsUInt16();
                var abHi = Avx2.UnpackHigh(a, b).AsUInt16();
                var cdLo = Avx2.UnpackLow(c, d).AsUInt16();
                var cdHi = Avx2.UnpackHigh(c, d).AsUInt16();
                var r0 = Avx2.UnpackLow(abLo, cdLo).AsByte();   // e0-3   | e16-19
                var r1 = Avx2.UnpackHigh(abLo, cdLo).AsByte();  // e4-7   | e20-23
                var r2 = Avx2.UnpackLow(abHi, cdHi).AsByte();   // e8-11  | e24-27
                var r3 = Avx2.UnpackHigh(abHi, cdHi).AsByte();  // e12-15 | e28-31
                var o = dst + ((nint)i * 4);
                Avx.Store(o, Avx2.Permute2x128(r0, r1, 0x20));
                Avx.Store(o + 32, Avx2.Permute2x128(r2, r3, 0x20));
                Avx.Store(o + 64, Avx2.Permute2x128(r0, r1, 0x31));
                Avx.Store(o + 96, Avx2.Permute2x128(r2, r3, 0x31));
            }
        }
        else if (Sse2.IsSupported)
        {
            for (; i + 16 <= count; i += 16)
            {
                var a = Sse2.LoadVector128(l0 + i);
                var b = Sse2.LoadVector128(l1 + i);
                var c = Sse2.LoadVector128(l2 + i);
                var d = Sse2.LoadVector128(l3 + i);
                var abLo = Sse2.UnpackLow(a, b).AsUInt16();
                var abHi = Sse2.UnpackHigh(a, b).AsUInt16();
                var cdLo = Sse2.UnpackLow(c, d).AsUInt16();
                var cdHi = Sse2.UnpackHigh(c, d).AsUInt16();
                var o = dst + ((nint)i * 4);
                Sse2.Store(o, Sse2.UnpackLow(abLo, cdLo).AsByte());
                Sse2.Store(o + 16, Sse2.UnpackHigh(abLo, cdLo).AsByte());
                Sse2.Store(o + 32, Sse2.UnpackLow(abHi, cdHi).AsByte());
                Sse2.Store(o + 48, Sse2.UnpackHigh(abHi, cdHi).AsByte());
            }
        }

        return i;
    }

    private static int Unshuffle8(byte* src, byte* dst, int n, int count)
    {
        var i = 0;
        if (Avx2.IsSupported)
        {
            for (; i + 32 <= count; i += 32)
            {
                var p01 = Pair256(src, n, 0, i);
                var p23 = Pair256(src, n, 2, i);
                var p45 = Pair256(src, n, 4, i);
                var p67 = Pair256(src, n, 6, i);

                var ll0 = Avx2.UnpackLow(p01.Lo, p23.Lo).AsUInt32();   // e0-3 | e16-19, bytes 0-3
                var lh0 = Avx2.UnpackHigh(p01.Lo, p23.Lo).AsUInt32();  // e4-7 | e20-23
                var hl0 = Avx2.UnpackLow(p01.Hi, p23.Hi).AsUInt32();   // e8-11 | e24-27
                var hh0 = Avx2.UnpackHigh(p01.Hi, p23.Hi).AsUInt32();  // e12-15 | e28-31
                var ll1 = Avx2.UnpackLow(p45.Lo, p67.Lo).AsUInt32();   // same elements, bytes 4-7
                var lh1 = Avx2.UnpackHigh(p45.Lo, p67.Lo).AsUInt32();
                var hl1 = Avx2.UnpackLow(p45.Hi, p67.Hi).AsUInt32();
                var hh1 = Avx2.UnpackHigh(p45.Hi, p67.Hi).AsUInt32();

                var r0 = Avx2.UnpackLow(ll0, ll1).AsByte();   // e0-1   | e16-17
                var r1 = Avx2.UnpackHigh(ll0, ll1).AsByte();  // e2-3   | e18-19
                var r2 = Avx2.UnpackLow(lh0, lh1).AsByte();   // e4-5   | e20-21
                var r3 = Avx2.UnpackHigh(lh0, lh1).AsByte();  // e6-7   | e22-23
                var r4 = Avx2.UnpackLow(hl0, hl1).AsByte();   // e8-9   | e24-25
                var r5 = Avx2.UnpackHigh(hl0, hl1).AsByte();  // e10-11 | e26-27
                var r6 = Avx2.UnpackLow(hh0, hh1).AsByte();   // e12-13 | e28-29
                var r7 = Avx2.UnpackHigh(hh0, hh1).AsByte();  // e14-15 | e30-31

                var o = dst + ((nint)i * 8);
                Avx.Store(o, Avx2.Permute2x128(r0, r1, 0x20));
                Avx.Store(o + 32, Avx2.Permute2x128(r2, r3, 0x20));
                Avx.Store(o + 64, Avx2.Permute2x128(r4, r5, 0x20));
                Avx.Store(o + 96, Avx2.Permute2x128(r6, r7, 0x20));
                Avx.Store(o + 128, Avx2.Permute2x128(r0, r1, 0x31));
                Avx.Store(o + 160, Avx2.Permute2x128(r2, r3, 0x31));
                Avx.Store(o + 192, Avx2.Permute2x128(r4, r5, 0x31));
                Avx.Store(o + 224, Avx2.Permute2x128(r6, r7, 0x31));
            }
        }
        else if (Sse2.IsSupported)
        {
            for (; i + 16 <= count; i += 16)
            {
                var p01 = Pair128(src, n, 0, i);
                var p23 = Pair128(src, n, 2, i);
                var p45 = Pair128(src, n, 4, i);
                var p67 = Pair128(src, n, 6, i);
                var ll0 = Sse2.UnpackLow(p01.Lo, p23.Lo).AsUInt32();
                var lh0 = Sse2.UnpackHigh(p01.Lo, p23.Lo).AsUInt32();
                var hl0 = Sse2.UnpackLow(p01.Hi, p23.Hi).AsUInt32();
                var hh0 = Sse2.UnpackHigh(p01.Hi, p23.Hi).AsUInt32();
                var ll1 = Sse2.UnpackLow(p45.Lo, p67.Lo).AsUInt32();
                var lh1 = Sse2.UnpackHigh(p45.Lo, p67.Lo).AsUInt32();
                var hl1 = Sse2.UnpackLow(p45.Hi, p67.Hi).AsUInt32();
                var hh1 = Sse2.UnpackHigh(p45.Hi, p67.Hi).AsUInt32();
                var o = dst + ((nint)i * 8);
                Sse2.Store(o, Sse2.UnpackLow(ll0, ll1).AsByte());
                Sse2.Store(o + 16, Sse2.UnpackHigh(ll0, ll1).AsByte());
                Sse2.Store(o + 32, Sse2.UnpackLow(lh0, lh1).AsByte());
                Sse2.Store(o + 48, Sse2.UnpackHigh(lh0, lh1).AsByte());
                Sse2.Store(o + 64, Sse2.UnpackLow(hl0, hl1).AsByte());
                Sse2.Store(o + 80, Sse2.UnpackHigh(hl0, hl1).AsByte());
                Sse2.Store(o + 96, Sse2.UnpackLow(hh0, hh1).AsByte());
                Sse2.Store(o + 112, Sse2.UnpackHigh(hh0, hh1).AsByte());
            }
        }

        return i;
    }

    private readonly record struct Unpacked256(Vector256<ushort> Lo, Vector256<ushort> Hi);

    private readonly record struct Unpacked128(Vector128<ushort> Lo, Vector128<ushort> Hi);

    // Interleaves byte lanes `lane` and `lane + 1` at element offset i.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Unpacked256 Pair256(byte* src, int n, int lane, int i)
    {
        var a = Avx.LoadVector256(src + ((nint)lane * n) + i);
        var b = Avx.LoadVector256(src + ((nint)(lane + 1) * n) + i);
        return new Unpacked256(Avx2.UnpackLow(a, b).AsUInt16(), Avx2.UnpackHigh(a, b).AsUInt16());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Unpacked128 Pair128(byte* src, int n, int lane, int i)
    {
        var a = Sse2.LoadVector128(src + ((nint)lane * n) + i);
        var b = Sse2.LoadVector128(src + ((nint)(lane + 1) * n) + i);
        return new Unpacked128(Sse2.UnpackLow(a, b).AsUInt16(), Sse2.UnpackHigh(a, b).AsUInt16());
    }

    private static int Shuffle4(byte* src, byte* dst, int n)
    {
        var i = 0;
        if (!Avx2.IsSupported)
        {
            return i;
        }

        // Within each 16-byte lane gather byte k of its four elements into dword k.
        var gather = Vector256.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15,
            0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
        var dwords = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        byte* l0 = dst, l1 = dst + n, l2 = dst + (2 * (nint)n), l3 = dst + (3 * (nint)n);
        for (; i + 32 <= n; i += 32)
        {
            var s = src + ((nint)i * 4);

            // After this, qword k of vK holds byte k of elements 8K..8K+7.
            var v0 = Avx2.PermuteVar8x32(Avx2.Shuffle(Avx.LoadVector256(s), gather).AsInt32(), dwords).AsUInt64();
            var v1 = Avx2.PermuteVar8x32(Avx2.Shuffle(Avx.LoadVector256(s + 32), gather).AsInt32(), dwords).AsUInt64();
            var v2 = Avx2.PermuteVar8x32(Avx2.Shuffle(Avx.LoadVector256(s + 64), gather).AsInt32(), dwords).AsUInt64();
            var v3 = Avx2.PermuteVar8x32(Avx2.Shuffle(Avx.LoadVector256(s + 96), gather).AsInt32(), dwords).AsUInt64();
            var t0 = Avx2.UnpackLow(v0, v1);
            var t1 = Avx2.UnpackHigh(v0, v1);
            var t2 = Avx2.UnpackLow(v2, v3);
            var t3 = Avx2.UnpackHigh(v2, v3);
            Avx.Store(l0 + i, Avx2.Permute2x128(t0, t2, 0x20).AsByte());
            Avx.Store(l1 + i, Avx2.Permute2x128(t1, t3, 0x20).AsByte());
            Avx.Store(l2 + i, Avx2.Permute2x128(t0, t2, 0x31).AsByte());
            Avx.Store(l3 + i, Avx2.Permute2x128(t1, t3, 0x31).AsByte());
        }

        return i;
    }
}
