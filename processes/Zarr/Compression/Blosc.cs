namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// The c-blosc 1.x frame codec used by numcodecs' <c>blosc</c> (Zarr v2) and the v3 <c>blosc</c> codec. The frame
/// header is authoritative for type size, shuffle and block size, whatever the array metadata says.
/// </summary>
public static class Blosc
{
    /// <summary>Uncompressed size recorded in the 16-byte header (after validating the header).</summary>
    public static int GetDecompressedSize(ReadOnlySpan<byte> frame) => BloscHeader.Read(frame).UncompressedSize;

    /// <summary>
    /// Decodes <paramref name="frame"/> into the start of <paramref name="destination"/> and returns the bytes written.
    /// Throws <see cref="ZarrCodecException"/> for corrupt frames or when the header claims more than the
    /// destination holds (the guard against decompression bombs).
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> frame, Span<byte> destination) => BloscDecoder.Decompress(frame, destination);

    /// <summary>Decodes into a new array, refusing frames that claim more than <paramref name="maxOutputBytes"/>.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> frame, long maxOutputBytes)
    {
        var size = GetDecompressedSize(frame);
        if (size > maxOutputBytes)
        {
            throw new ZarrCodecException($"Blosc frame claims {size} decoded bytes, more than the limit of {maxOutputBytes}.");
        }

        var output = GC.AllocateUninitializedArray<byte>(size);
        Decompress(frame, output);
        return output;
    }

    /// <summary>
    /// Encodes a frame c-blosc can read. <paramref name="level"/> is Blosc's clevel 0-9 (0 stores the data verbatim);
    /// <paramref name="blockSize"/> 0 lets the encoder choose as c-blosc would. BloscLZ encoding is not supported.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, int typeSize, BloscCompressor compressor, int level, BloscShuffle shuffle, int blockSize = 0)
        => BloscEncoder.Compress(source, typeSize, compressor, level, shuffle, blockSize);
}
