using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>
/// v3 <c>blosc</c> / numcodecs <c>blosc</c>: a c-blosc 1.x frame. Decoding trusts the frame header (typesize,
/// shuffle, blocks), never the JSON; encoding uses the configured compressor, level and shuffle.
/// </summary>
public sealed class BloscCodec : IDecodeIntoCodec
{
    public BloscCodec(string cname, int clevel, BloscShuffle shuffle, int typeSize, int blockSize)
    {
        Compressor = cname switch
        {
            "lz4" => BloscCompressor.Lz4,
            "lz4hc" => BloscCompressor.Lz4Hc,
            "blosclz" => BloscCompressor.BloscLz,
            "zstd" => BloscCompressor.Zstd,
            "zlib" => BloscCompressor.Zlib,
            _ => throw new ZarrUnsupportedException($"Blosc compressor '{cname}' is not supported (lz4, lz4hc, blosclz, zstd, zlib are)"),
        };
        CName = cname;
        Level = clevel;
        Shuffle = shuffle;
        TypeSize = Math.Max(1, typeSize);
        BlockSize = blockSize;
    }

    public string Name => "blosc";

    public string CName { get; }

    public BloscCompressor Compressor { get; }

    public int Level { get; }

    public BloscShuffle Shuffle { get; }

    public int TypeSize { get; }

    public int BlockSize { get; }

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        var frame = encoded.Span;
        var size = Blosc.GetDecompressedSize(frame);
        if (size < 0 || size > limits.MaxDecompressedBytes)
        {
            throw new ZarrCodecException($"blosc header declares {size} bytes, above the cap of {limits.MaxDecompressedBytes} (decompression bomb?)");
        }

        if (expectedLength is { } exact && size != exact)
        {
            throw new ZarrCodecException($"blosc header declares {size} bytes, expected {exact}");
        }

        var output = GC.AllocateUninitializedArray<byte>(size);
        var written = Blosc.Decompress(frame, output);
        if (written != size)
        {
            throw new ZarrCodecException($"blosc frame decoded to {written} bytes, header says {size}");
        }

        return output;
    }

    public void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits)
    {
        var size = Blosc.GetDecompressedSize(encoded.Span);
        if (size != destination.Length)
        {
            throw new ZarrCodecException($"blosc header declares {size} bytes, expected {destination.Length}");
        }

        var written = Blosc.Decompress(encoded.Span, destination);
        if (written != size)
        {
            throw new ZarrCodecException($"blosc frame decoded to {written} bytes, header says {size}");
        }
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded) =>
        Blosc.Compress(decoded.Span, TypeSize, Compressor, Level, Shuffle, BlockSize);
}
