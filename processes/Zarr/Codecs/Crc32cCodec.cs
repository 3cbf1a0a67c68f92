using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>v3 <c>crc32c</c>: the input followed by its CRC32C (Castagnoli) as uint32 little-endian.</summary>
public sealed class Crc32cCodec : IBytesToBytesCodec
{
    public string Name => "crc32c";

    public long? EncodedSize(long decodedSize) => decodedSize + 4;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        if (encoded.Length < 4)
        {
            throw new ZarrCodecException($"crc32c input of {encoded.Length} bytes is shorter than its checksum");
        }

        var payload = encoded[..^4];
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(encoded.Span[^4..]);
        var actual = Compute(payload.Span);
        if (stored != actual)
        {
            throw new ZarrCodecException($"crc32c mismatch: stored 0x{stored:x8}, computed 0x{actual:x8}");
        }

        return payload;
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded)
    {
        var output = GC.AllocateUninitializedArray<byte>(decoded.Length + 4);
        decoded.Span.CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(decoded.Length), Compute(decoded.Span));
        return output;
    }

    /// <summary>CRC32C of <paramref name="data"/> (check value of "123456789" is 0xE3069283).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var w in words)
        {
            crc = BitOperations.Crc32C(crc, w);
        }

        foreach (var b in data[(words.Length * 8)..])
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
