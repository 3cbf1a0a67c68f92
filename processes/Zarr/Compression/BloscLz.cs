namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Decoder for BloscLZ, c-blosc's own FastLZ-level-2 style LZ77 byte code (blosc/blosclz.c).
/// Streams are a few hundred KiB at most and blosclz is rare in Zarr data, so this favours
/// bounds-checked clarity over speed.
/// </summary>
internal static class BloscLz
{
    // Distances up to this value are encoded in 13 bits; a marker selects a 16-bit "far" distance beyond it.
    private const int MaxDistance = 8191;
    private const int FarMarkerOffset = 31 << 8;

    /// <summary>Decodes one stream into <paramref name="destination"/> and returns the number of bytes written.</summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        var ip = 0;
        var op = 0;

        // The top three bits of the very first byte are a format marker, not part of the instruction.
        var ctrl = source[ip++] & 31;
        while (true)
        {
            if (ctrl >= 32)
            {
                var length = (ctrl >> 5) - 1;
                var offset = (ctrl & 31) << 8;
                if (length == 6)
                {
                    int extension;
                    do
                    {
                        extension = ReadByte(source, ref ip);
                        length += extension;
                        if (length > destination.Length)
                        {
                            throw Corrupt("match length runs past the output");
                        }
                    }
                    while (extension == 255);
                }

                var code = ReadByte(source, ref ip);
                length += 3;
                var distance = offset + code + 1;
                if (code == 255 && offset == FarMarkerOffset)
                {
                    var high = ReadByte(source, ref ip);
                    var low = ReadByte(source, ref ip);
                    distance = ((high << 8) | low) + MaxDistance + 1;
                }

                if (distance > op)
                {
                    throw Corrupt("match refers to bytes before the start of the output");
                }

                if (length > destination.Length - op)
                {
                    throw Corrupt("match runs past the output");
                }

                CopyMatch(destination, op, distance, length);
                op += length;
            }
            else
            {
                var run = ctrl + 1;
                if (run > source.Length - ip || run > destination.Length - op)
                {
                    throw Corrupt("literal run runs past the input or output");
                }

                source.Slice(ip, run).CopyTo(destination[op..]);
                ip += run;
                op += run;
            }

            if (ip >= source.Length)
            {
                return op;
            }

            ctrl = source[ip++];
        }
    }

    private static void CopyMatch(Span<byte> output, int position, int distance, int length)
    {
        if (distance >= length)
        {
            output.Slice(position - distance, length).CopyTo(output[position..]);
            return;
        }

        // Overlapping reference: each byte may depend on one written in this same copy.
        for (var k = 0; k < length; k++)
        {
            output[position + k] = output[position + k - distance];
        }
    }

    private static int ReadByte(ReadOnlySpan<byte> source, ref int ip)
    {
        if (ip >= source.Length)
        {
            throw Corrupt("stream ends inside an instruction");
        }

        return source[ip++];
    }

    private static ZarrCodecException Corrupt(string what) => new($"Corrupt BloscLZ stream: {what}.");
}
