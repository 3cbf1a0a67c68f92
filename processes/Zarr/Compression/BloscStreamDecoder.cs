using System.IO.Compression;
using ZstdSharp;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>Decodes one inner stream of a Blosc block with the compressor named in the frame header.</summary>
internal static class BloscStreamDecoder
{
    /// <summary>Fills <paramref name="destination"/> exactly, or throws <see cref="ZarrCodecException"/>.</summary>
    public static void Decode(int compressorCode, ReadOnlySpan<byte> stream, Span<byte> destination)
    {
        int written;
        try
        {
            written = compressorCode switch
            {
                0 => BloscLz.Decompress(stream, destination),
                1 => Lz4BlockDecoder.Decode(stream, destination),
                3 => DecodeZlib(stream, destination),
                4 => ZstdContexts.Decompressor.Unwrap(stream, destination),
                _ => throw new ZarrCodecException($"Blosc inner compressor code {compressorCode} is not supported."),
            };
        }
        catch (ZstdException e)
        {
            throw new ZarrCodecException($"Corrupt zstd stream in Blosc frame: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new ZarrCodecException($"Corrupt zlib stream in Blosc frame: {e.Message}", e);
        }

        if (written != destination.Length)
        {
            throw new ZarrCodecException(
                written < 0
                    ? "Corrupt LZ4 stream in Blosc frame."
                    : $"Blosc stream decoded to {written} bytes, expected {destination.Length}.");
        }
    }

    // Blosc stores zlib containers (RFC 1950, compress2), not raw deflate.
    private static unsafe int DecodeZlib(ReadOnlySpan<byte> stream, Span<byte> destination)
    {
        fixed (byte* pointer = stream)
        {
            using var input = new UnmanagedMemoryStream(pointer, stream.Length);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var total = 0;
            while (total < destination.Length)
            {
                var read = zlib.Read(destination[total..]);
                if (read == 0)
                {
                    return total;
                }

                total += read;
            }

            // More output than the block holds means the header lied about the block size.
            Span<byte> probe = stackalloc byte[1];
            return zlib.Read(probe) == 0 ? total : total + 1;
        }
    }
}
