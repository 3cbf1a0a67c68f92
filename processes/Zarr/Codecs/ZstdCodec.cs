using OpenEoBridge.Zarr.Compression;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>v3 <c>zstd</c> / numcodecs <c>zstd</c>: one or more zstd frames (RFC 8878).</summary>
public sealed class ZstdCodec(int level, bool checksum) : IDecodeIntoCodec
{
    [ThreadStatic]
    private static Decompressor? t_decompressor;

    public string Name => "zstd";

    public int Level { get; } = level;

    public bool Checksum { get; } = checksum;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits) =>
        DecompressFrames(encoded, expectedLength, limits.MaxDecompressedBytes);

    public void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits)
    {
        ulong declared;
        try
        {
            declared = Decompressor.GetDecompressedSize(encoded.Span);
        }
        catch (ZstdException e)
        {
            throw new ZarrCodecException($"corrupt zstd frame header: {e.Message}", e);
        }

        if (declared != 0 && declared != (ulong)destination.Length)
        {
            throw new ZarrCodecException($"zstd frame declares {declared} bytes, expected {destination.Length}");
        }

        if (declared == 0)
        {
            DecompressFrames(encoded, destination.Length, limits.MaxDecompressedBytes).CopyTo(destination);
            return;
        }

        int written;
        try
        {
            written = (t_decompressor ??= new Decompressor()).Unwrap(encoded.Span, destination);
        }
        catch (ZstdException e)
        {
            t_decompressor = null;
            throw new ZarrCodecException($"corrupt zstd data: {e.Message}", e);
        }

        if (written != destination.Length)
        {
            throw new ZarrCodecException($"zstd data decoded to {written} bytes, expected {destination.Length}");
        }
    }

    /// <summary>Decodes zstd frames straight into an exactly sized buffer when the frame header states its size.</summary>
    public static byte[] DecompressFrames(ReadOnlyMemory<byte> encoded, int? expectedLength, long maxLength)
    {
        ulong declared;
        try
        {
            declared = Decompressor.GetDecompressedSize(encoded.Span);
        }
        catch (ZstdException e)
        {
            throw new ZarrCodecException($"corrupt zstd frame header: {e.Message}", e);
        }

        if (declared > (ulong)maxLength)
        {
            throw new ZarrCodecException($"zstd frame declares {declared} bytes, above the cap of {maxLength} (decompression bomb?)");
        }

        if (expectedLength is { } exact && declared != 0 && declared != (ulong)exact)
        {
            throw new ZarrCodecException($"zstd frame declares {declared} bytes, expected {exact}");
        }

        var size = declared != 0 ? (int)declared : expectedLength;
        if (size is { } n)
        {
            var buffer = GC.AllocateUninitializedArray<byte>(n);
            int written;
            try
            {
                written = (t_decompressor ??= new Decompressor()).Unwrap(encoded.Span, buffer);
            }
            catch (ZstdException e)
            {
                t_decompressor = null;
                throw new ZarrCodecException($"corrupt zstd data: {e.Message}", e);
            }

            if (written != n)
            {
                throw new ZarrCodecException($"zstd data decoded to {written} bytes, expected {n}");
            }

            return buffer;
        }

        try
        {
            using var stream = new DecompressionStream(new ReadOnlyMemoryStream(encoded));
            return StreamDecoding.ReadAll(stream, "zstd", null, maxLength);
        }
        catch (ZstdException e)
        {
            throw new ZarrCodecException($"corrupt zstd data: {e.Message}", e);
        }
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded)
    {
        using var compressor = new Compressor(Level == 0 ? 3 : Level);
        if (Checksum)
        {
            compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        }

        return compressor.Wrap(decoded.Span).ToArray();
    }
}
