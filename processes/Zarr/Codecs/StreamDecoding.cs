using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>Reads a decompression stream to the end with an output cap, so a bomb fails before it allocates.</summary>
internal static class StreamDecoding
{
    /// <summary>Fills <paramref name="destination"/> exactly: a shorter or longer stream is corrupt.</summary>
    public static void ReadExactly(Stream stream, string codec, Span<byte> destination)
    {
        try
        {
            var exact = destination.Length;
            var read = stream.ReadAtLeast(destination, exact, throwOnEndOfStream: false);
            if (read < exact)
            {
                throw new ZarrCodecException($"{codec} stream decoded to {read} bytes, expected {exact}");
            }

            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) != 0)
            {
                throw new ZarrCodecException($"{codec} stream decodes to more than the expected {exact} bytes");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ZarrCodecException($"corrupt {codec} stream: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new ZarrCodecException($"truncated {codec} stream", e);
        }
    }

    public static byte[] ReadAll(Stream stream, string codec, int? expectedLength, long maxLength)
    {
        try
        {
            if (expectedLength is { } exact)
            {
                var buffer = GC.AllocateUninitializedArray<byte>(exact);
                ReadExactly(stream, codec, buffer);
                return buffer;
            }

            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (output.Length + n > maxLength)
                {
                    throw new ZarrCodecException($"{codec} output exceeds the cap of {maxLength} bytes (decompression bomb?)");
                }

                output.Write(chunk, 0, n);
            }

            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ZarrCodecException($"corrupt {codec} stream: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new ZarrCodecException($"truncated {codec} stream", e);
        }
    }
}
