using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>v3 <c>bytes</c> (and the implicit v2 serialiser): elements in C order in the given byte order.</summary>
public sealed class BytesCodec(bool bigEndian) : IArrayToBytesCodec
{
    public string Name => "bytes";

    public bool BigEndian { get; } = bigEndian;

    public long? EncodedSize(ChunkSpec spec) => spec.ByteSize;

    public ChunkBuffer Decode(ReadOnlyMemory<byte> encoded, ChunkSpec spec, ZarrLimits limits)
    {
        var expected = spec.ByteSize;
        if (encoded.Length != expected)
        {
            throw new ZarrCodecException($"chunk holds {encoded.Length} bytes but shape [{string.Join(", ", spec.Shape)}] of {spec.DataType} needs {expected} (truncated chunk or metadata that does not match the data)");
        }

        Memory<byte> data;
        if (MemoryMarshal.TryGetArray(encoded, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length)
        {
            // The encoded buffer is always freshly allocated by the store or a decompressor, so it is ours.
            data = segment.Array;
        }
        else
        {
            data = encoded.ToArray();
        }

        if (BigEndian)
        {
            Swap(data.Span, spec.DataType.SwapUnit);
        }

        return new ChunkBuffer(spec.DataType, spec.Shape, data);
    }

    public ReadOnlyMemory<byte> Encode(ChunkBuffer chunk, ChunkSpec spec)
    {
        var c = chunk.ToCContiguous();
        var bytes = c.Data[..(int)spec.ByteSize];
        if (!BigEndian || spec.DataType.SwapUnit == 1)
        {
            return bytes;
        }

        var copy = bytes.ToArray();
        Swap(copy, spec.DataType.SwapUnit);
        return copy;
    }

    /// <summary>Reverses the bytes of every <paramref name="unit"/>-byte unit in place.</summary>
    public static void Swap(Span<byte> data, int unit)
    {
        switch (unit)
        {
            case 1:
                break;
            case 2:
                var s = MemoryMarshal.Cast<byte, ushort>(data);
                BinaryPrimitives.ReverseEndianness(s, s);
                break;
            case 4:
                var i = MemoryMarshal.Cast<byte, uint>(data);
                BinaryPrimitives.ReverseEndianness(i, i);
                break;
            case 8:
                var l = MemoryMarshal.Cast<byte, ulong>(data);
                BinaryPrimitives.ReverseEndianness(l, l);
                break;
            default:
                for (var o = 0; o + unit <= data.Length; o += unit)
                {
                    data.Slice(o, unit).Reverse();
                }

                break;
        }
    }
}
