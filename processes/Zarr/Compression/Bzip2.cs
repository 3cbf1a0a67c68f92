using ICSharpCode.SharpZipLib.BZip2;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>bzip2 stream decoder for numcodecs' <c>bz2</c> codec, on SharpZipLib's BZip2 implementation.</summary>
public static class Bzip2
{
    private const int ReadSize = 64 * 1024;

    /// <summary>
    /// Decodes a whole bzip2 stream. Output beyond <paramref name="maxOutputBytes"/> is refused as soon as it appears,
    /// so a bzip2 bomb costs at most that much memory.
    /// </summary>
    public static unsafe byte[] Decompress(ReadOnlySpan<byte> source, long maxOutputBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxOutputBytes);
        if (source.Length < 4 || source[0] != (byte)'B' || source[1] != (byte)'Z' || source[2] != (byte)'h')
        {
            throw new ZarrCodecException("Not a bzip2 stream: the 'BZh' signature is missing.");
        }

        var limit = (int)Math.Min(maxOutputBytes, Array.MaxLength);
        fixed (byte* pointer = source)
        {
            try
            {
                using var input = new UnmanagedMemoryStream(pointer, source.Length);
                using var bzip2 = new BZip2InputStream(input) { IsStreamOwner = false };
                using var output = new MemoryStream();
                var buffer = new byte[ReadSize];
                int read;
                while ((read = bzip2.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (read > limit - output.Length)
                    {
                        throw new ZarrCodecException($"bzip2 stream decodes to more than the limit of {maxOutputBytes} bytes.");
                    }

                    output.Write(buffer, 0, read);
                }

                return output.ToArray();
            }
            catch (Exception e) when (e is not ZarrCodecException and not OutOfMemoryException)
            {
                // SharpZipLib reports corrupt input with several exception types (BZip2Exception, EndOfStreamException, ...).
                throw new ZarrCodecException($"Corrupt bzip2 stream: {e.Message}", e);
            }
        }
    }
}
