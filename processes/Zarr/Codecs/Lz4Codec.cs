using System.Buffers.Binary;
using K4os.Compression.LZ4;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>numcodecs <c>lz4</c>: uint32 little-endian decoded size, then one raw LZ4 block.</summary>
public sealed class Lz4Codec(int acceleration) : IDecodeIntoCodec
{
    public string Name => "lz4";

    public int Acceleration { get; } = acceleration;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        var span = encoded.Span;
        if (span.Length < 4)
        {
            throw new ZarrCodecException("lz4 chunk is shorter than its 4-byte size header");
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (size > limits.MaxDecompressedBytes || size > int.MaxValue)
        {
            throw new ZarrCodecException($"lz4 header declares {size} bytes, above the cap of {limits.MaxDecompressedBytes} (decompression bomb?)");
        }

        if (expectedLength is { } exact && size != exact)
        {
            throw new ZarrCodecException($"lz4 header declares {size} bytes, expected {exact}");
        }

        var output = GC.AllocateUninitializedArray<byte>((int)size);
        var written = LZ4Codec.Decode(span[4..], output);
        if (written != size)
        {
            throw new ZarrCodecException($"corrupt lz4 block (decoded {written} of {size} bytes)");
        }

        return output;
    }

    public void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits)
    {
        var span = encoded.Span;
        if (span.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(span) != destination.Length)
        {
            throw new ZarrCodecException($"lz4 header does not declare the expected {destination.Length} bytes");
        }

        var written = LZ4Codec.Decode(span[4..], destination);
        if (written != destination.Length)
        {
            throw new ZarrCodecException($"corrupt lz4 block (decoded {written} of {destination.Length} bytes)");
        }
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded)
    {
        var output = new byte[4 + LZ4Codec.MaximumOutputSize(decoded.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(output, (uint)decoded.Length);
        var n = LZ4Codec.Encode(decoded.Span, output.AsSpan(4), LZ4Level.L00_FAST);
        return output.AsMemory(0, 4 + n);
    }
}

/// <summary>numcodecs <c>bz2</c>: a bzip2 stream (decode only).</summary>
public sealed class Bz2Codec(int level) : IBytesToBytesCodec
{
    public string Name => "bz2";

    public int Level { get; } = level;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        var output = Bzip2.Decompress(encoded.Span, expectedLength ?? limits.MaxDecompressedBytes);
        if (expectedLength is { } exact && output.Length != exact)
        {
            throw new ZarrCodecException($"bz2 stream decoded to {output.Length} bytes, expected {exact}");
        }

        return output;
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded) =>
        throw new NotSupportedException("Writing bz2 chunks is not supported; use zstd, gzip or blosc");
}
