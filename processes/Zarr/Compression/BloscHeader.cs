using System.Buffers.Binary;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>The 16-byte c-blosc 1.x frame header, validated against the frame it came from.</summary>
public readonly record struct BloscHeader(
    byte Version,
    byte VersionLz,
    byte Flags,
    int TypeSize,
    int UncompressedSize,
    int BlockSize,
    int CompressedSize)
{
    public const int Size = 16;

    internal const byte FlagByteShuffle = 0x01;
    internal const byte FlagMemcpyed = 0x02;
    internal const byte FlagBitShuffle = 0x04;
    internal const byte FlagReserved = 0x08;
    internal const byte FlagDontSplit = 0x10;

    public bool IsMemcpyed => (Flags & FlagMemcpyed) != 0;

    public bool HasByteShuffle => (Flags & FlagByteShuffle) != 0;

    public bool HasBitShuffle => (Flags & FlagBitShuffle) != 0;

    public bool DontSplit => (Flags & FlagDontSplit) != 0;

    /// <summary>Format code of the inner compressor (0 blosclz, 1 lz4/lz4hc, 2 snappy, 3 zlib, 4 zstd).</summary>
    public int CompressorCode => Flags >> 5;

    public int BlockCount => UncompressedSize == 0 ? 0 : (int)(((long)UncompressedSize + BlockSize - 1) / BlockSize);

    /// <summary>Parses and sanity-checks the header; every field is untrusted input.</summary>
    public static BloscHeader Read(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < Size)
        {
            throw new ZarrCodecException($"Blosc frame is {frame.Length} bytes, shorter than its 16-byte header.");
        }

        var header = new BloscHeader(
            frame[0],
            frame[1],
            frame[2],
            frame[3],
            BinaryPrimitives.ReadInt32LittleEndian(frame[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(frame[12..]));
        header.Validate(frame.Length);
        return header;
    }

    private void Validate(int frameLength)
    {
        if (Version >= 3)
        {
            throw new ZarrCodecException($"Blosc2 frames are not supported (format version {Version}).");
        }

        if (Version == 0)
        {
            throw new ZarrCodecException("Not a Blosc frame: format version byte is 0.");
        }

        if ((Flags & FlagReserved) != 0)
        {
            throw new ZarrCodecException("Blosc frame has the reserved flag bit 3 set (not a c-blosc 1.x frame).");
        }

        if (UncompressedSize < 0 || BlockSize < 0 || CompressedSize < Size)
        {
            throw new ZarrCodecException(
                $"Blosc header has impossible sizes (nbytes {UncompressedSize}, blocksize {BlockSize}, cbytes {CompressedSize}).");
        }

        if (CompressedSize > frameLength)
        {
            throw new ZarrCodecException($"Blosc frame is truncated: header says {CompressedSize} bytes, got {frameLength}.");
        }

        if (IsMemcpyed)
        {
            if ((long)UncompressedSize + Size > CompressedSize)
            {
                throw new ZarrCodecException(
                    $"Memcpyed Blosc frame holds {CompressedSize - Size} bytes but claims {UncompressedSize}.");
            }

            return;
        }

        if (UncompressedSize == 0)
        {
            return;
        }

        if (TypeSize == 0)
        {
            throw new ZarrCodecException("Blosc header has typesize 0.");
        }

        if (BlockSize == 0 || BlockSize > UncompressedSize)
        {
            throw new ZarrCodecException($"Blosc header has blocksize {BlockSize} for {UncompressedSize} bytes.");
        }

        if (CompressorCode is not (0 or 1 or 3 or 4))
        {
            var name = CompressorCode == 2 ? "snappy" : $"code {CompressorCode}";
            throw new ZarrCodecException($"Blosc inner compressor {name} is not supported.");
        }

        if (Size + (4L * BlockCount) > CompressedSize)
        {
            throw new ZarrCodecException($"Blosc frame too short for its {BlockCount} block offsets.");
        }
    }
}
