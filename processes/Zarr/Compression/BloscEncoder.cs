using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Writes c-blosc 1.x frames that c-blosc (and so numcodecs / zarr-python) decodes: block sizes, the split rule and
/// the raw-stream convention follow c-blosc's writer, and a frame that would not shrink becomes a MEMCPYED frame.
/// </summary>
internal static class BloscEncoder
{
    private const int L1 = 32 * 1024;
    private const int MinBufferSize = 128;
    private const int MaxAutoBlockSize = 4 * 1024 * 1024;

    public static byte[] Compress(ReadOnlySpan<byte> source, int typeSize, BloscCompressor compressor, int level, BloscShuffle shuffle, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(typeSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(typeSize, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 0);
        if (source.Length > int.MaxValue - 1024)
        {
            throw new ArgumentException("Blosc frames hold less than 2 GiB.", nameof(source));
        }

        if (!Enum.IsDefined(shuffle))
        {
            throw new ArgumentOutOfRangeException(nameof(shuffle));
        }

        var formatCode = compressor switch
        {
            BloscCompressor.Lz4 or BloscCompressor.Lz4Hc => 1,
            BloscCompressor.Zlib => 3,
            BloscCompressor.Zstd => 4,
            BloscCompressor.BloscLz => throw new NotSupportedException("Encoding BloscLZ is not supported; use lz4 or zstd."),
            _ => throw new ArgumentOutOfRangeException(nameof(compressor)),
        };

        var nbytes = source.Length;
        var dontSplit = compressor is BloscCompressor.Zstd or BloscCompressor.Zlib;
        var flags = (byte)((formatCode << 5)
            | (shuffle == BloscShuffle.ByteShuffle ? BloscHeader.FlagByteShuffle : 0)
            | (shuffle == BloscShuffle.BitShuffle ? BloscHeader.FlagBitShuffle : 0)
            | (dontSplit ? BloscHeader.FlagDontSplit : 0));

        if (level == 0 || nbytes < MinBufferSize)
        {
            return Memcpyed(source, flags, typeSize);
        }

        var size = ChooseBlockSize(nbytes, typeSize, compressor, level, dontSplit, blockSize);
        var frame = ArrayPool<byte>.Shared.Rent(nbytes + BloscHeader.Size);
        try
        {
            var length = TryCompressBlocks(source, typeSize, compressor, level, shuffle, size, flags, frame.AsSpan(0, nbytes + BloscHeader.Size));
            return length < 0 ? Memcpyed(source, flags, typeSize) : frame.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    // Returns the frame length, or -1 when the frame would not be smaller than a MEMCPYED one.
    private static int TryCompressBlocks(
        ReadOnlySpan<byte> source, int typeSize, BloscCompressor compressor, int level, BloscShuffle shuffle, int blockSize, byte flags, Span<byte> frame)
    {
        var nbytes = source.Length;
        var blocks = (nbytes + blockSize - 1) / blockSize;
        var leftover = nbytes % blockSize;
        var position = BloscHeader.Size + (4 * blocks);
        if (position >= frame.Length)
        {
            return -1;
        }

        var dontSplit = (flags & BloscHeader.FlagDontSplit) != 0;
        var shuffled = ArrayPool<byte>.Shared.Rent(blockSize);
        var streamBuffer = ArrayPool<byte>.Shared.Rent(MaxCompressedSize(compressor, blockSize));
        try
        {
            for (var j = 0; j < blocks; j++)
            {
                var isLeftover = leftover > 0 && j == blocks - 1;
                var size = isLeftover ? leftover : blockSize;
                var block = source.Slice(j * blockSize, size);
                var filtered = shuffled.AsSpan(0, size);
                switch (shuffle)
                {
                    case BloscShuffle.ByteShuffle when typeSize > 1:
                        ByteShuffler.Shuffle(block, filtered, typeSize);
                        break;
                    case BloscShuffle.BitShuffle when size >= typeSize:
                        BitShuffler.Shuffle(block, filtered, typeSize);
                        break;
                    default:
                        block.CopyTo(filtered);
                        break;
                }

                BinaryPrimitives.WriteInt32LittleEndian(frame[(BloscHeader.Size + (4 * j))..], position);
                var streams = BloscDecoder.IsSplit(dontSplit, typeSize, size, isLeftover) ? typeSize : 1;
                var streamSize = size / streams;
                for (var s = 0; s < streams; s++)
                {
                    var raw = filtered.Slice(s * streamSize, streamSize);
                    var compressed = CompressStream(compressor, level, raw, streamBuffer);

                    // A stream that does not shrink is stored raw: size == raw size is the decoder's only signal.
                    var payload = compressed <= 0 || compressed >= streamSize ? raw : streamBuffer.AsSpan(0, compressed);
                    if (frame.Length - position < 4 + payload.Length)
                    {
                        return -1;
                    }

                    BinaryPrimitives.WriteInt32LittleEndian(frame[position..], payload.Length);
                    payload.CopyTo(frame[(position + 4)..]);
                    position += 4 + payload.Length;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(shuffled);
            ArrayPool<byte>.Shared.Return(streamBuffer);
        }

        WriteHeader(frame, flags, typeSize, nbytes, blockSize, position);
        return position;
    }

    private static int CompressStream(BloscCompressor compressor, int level, ReadOnlySpan<byte> raw, byte[] output)
    {
        switch (compressor)
        {
            case BloscCompressor.Lz4:
                return LZ4Codec.Encode(raw, output, LZ4Level.L00_FAST);
            case BloscCompressor.Lz4Hc:
                return LZ4Codec.Encode(raw, output, (LZ4Level)Math.Max((int)LZ4Level.L03_HC, level));
            case BloscCompressor.Zstd:
                // c-blosc maps clevel to zstd level 2*clevel-1, and 9 to the maximum.
                using (var zstd = new Compressor(level < 9 ? (2 * level) - 1 : Compressor.MaxCompressionLevel))
                {
                    return zstd.Wrap(raw, output);
                }

            case BloscCompressor.Zlib:
                using (var memory = new MemoryStream(output, writable: true))
                {
                    using (var zlib = new ZLibStream(memory, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
                    {
                        zlib.Write(raw);
                    }

                    return (int)memory.Position;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(compressor));
        }
    }

    private static int MaxCompressedSize(BloscCompressor compressor, int size) => compressor switch
    {
        BloscCompressor.Lz4 or BloscCompressor.Lz4Hc => LZ4Codec.MaximumOutputSize(size),
        BloscCompressor.Zstd => Compressor.GetCompressBound(size),

        // zlib stored blocks add 5 bytes per 64 KiB plus the container's 6.
        _ => size + (size / 16000 * 5) + 64,
    };

    /// <summary>Block size as c-blosc's <c>compute_blocksize</c> picks it, so our frames look like theirs.</summary>
    private static int ChooseBlockSize(int nbytes, int typeSize, BloscCompressor compressor, int level, bool dontSplit, int forced)
    {
        long size = nbytes;
        if (forced > 0)
        {
            size = Math.Max(forced, MinBufferSize);
        }
        else if (nbytes >= L1)
        {
            size = L1;
            if (compressor is BloscCompressor.Lz4Hc or BloscCompressor.Zlib or BloscCompressor.Zstd)
            {
                size *= 2;
            }

            size = level switch
            {
                1 => size / 2,
                2 => size,
                3 => size * 2,
                4 or 5 => size * 4,
                _ => size * 8,
            };

            if (!dontSplit && typeSize <= BloscDecoder.MaxSplits)
            {
                size = Math.Clamp(size * typeSize, 64 * 1024, 1024 * 1024);
            }

            size = Math.Min(size, MaxAutoBlockSize);
        }

        size = Math.Min(size, nbytes);
        if (size > typeSize)
        {
            size = size / typeSize * typeSize;
        }

        return (int)size;
    }

    private static byte[] Memcpyed(ReadOnlySpan<byte> source, byte flags, int typeSize)
    {
        var frame = new byte[source.Length + BloscHeader.Size];
        WriteHeader(frame, (byte)(flags | BloscHeader.FlagMemcpyed), typeSize, source.Length, source.Length, frame.Length);
        source.CopyTo(frame.AsSpan(BloscHeader.Size));
        return frame;
    }

    private static void WriteHeader(Span<byte> frame, byte flags, int typeSize, int nbytes, int blockSize, int cbytes)
    {
        frame[0] = 2;
        frame[1] = 1;
        frame[2] = flags;
        frame[3] = (byte)typeSize;
        BinaryPrimitives.WriteInt32LittleEndian(frame[4..], nbytes);
        BinaryPrimitives.WriteInt32LittleEndian(frame[8..], blockSize);
        BinaryPrimitives.WriteInt32LittleEndian(frame[12..], cbytes);
    }
}
