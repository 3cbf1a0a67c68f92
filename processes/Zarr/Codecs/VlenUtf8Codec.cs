using System.Buffers.Binary;
using System.Text;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>v3 <c>vlen-utf8</c> / numcodecs <c>vlen-utf8</c>: uint32 LE count, then per item uint32 LE length + UTF-8 bytes.</summary>
public sealed class VlenUtf8Codec : IArrayToBytesCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public string Name => "vlen-utf8";

    public long? EncodedSize(ChunkSpec spec) => null;

    public ChunkBuffer Decode(ReadOnlyMemory<byte> encoded, ChunkSpec spec, ZarrLimits limits)
    {
        var span = encoded.Span;
        if (span.Length < 4)
        {
            throw new ZarrCodecException("vlen-utf8 chunk is shorter than its item count");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (count != spec.ElementCount)
        {
            throw new ZarrCodecException($"vlen-utf8 chunk holds {count} items, the chunk shape needs {spec.ElementCount}");
        }

        var strings = new string[count];
        var pos = 4;
        for (var i = 0; i < count; i++)
        {
            if (pos + 4 > span.Length)
            {
                throw new ZarrCodecException($"vlen-utf8 chunk truncated at item {i}");
            }

            var len = BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]);
            pos += 4;
            if (len > span.Length - pos)
            {
                throw new ZarrCodecException($"vlen-utf8 item {i} claims {len} bytes, only {span.Length - pos} remain");
            }

            try
            {
                strings[i] = StrictUtf8.GetString(span.Slice(pos, (int)len));
            }
            catch (DecoderFallbackException e)
            {
                throw new ZarrCodecException($"vlen-utf8 item {i} is not valid UTF-8", e);
            }

            pos += (int)len;
        }

        return new ChunkBuffer(spec.DataType, spec.Shape, Memory<byte>.Empty, null, strings);
    }

    public ReadOnlyMemory<byte> Encode(ChunkBuffer chunk, ChunkSpec spec)
    {
        var c = chunk.ToCContiguous();
        var count = (int)spec.ElementCount;
        var size = 4L;
        for (var i = 0; i < count; i++)
        {
            size += 4 + Encoding.UTF8.GetByteCount(c.Strings![i] ?? "");
        }

        var output = new byte[size];
        BinaryPrimitives.WriteUInt32LittleEndian(output, (uint)count);
        var pos = 4;
        for (var i = 0; i < count; i++)
        {
            var n = Encoding.UTF8.GetBytes(c.Strings![i] ?? "", output.AsSpan(pos + 4));
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(pos), (uint)n);
            pos += 4 + n;
        }

        return output;
    }
}
