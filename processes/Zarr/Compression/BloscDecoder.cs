using System.Buffers;
using System.Buffers.Binary;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Decodes a c-blosc 1.x frame block by block, serially (the engine parallelises across chunks). Every offset and
/// size read from the frame is checked before use, so corrupt frames raise <see cref="ZarrCodecException"/>
/// instead of reading or writing out of bounds.
/// </summary>
internal static class BloscDecoder
{
    // Blocks below this many bytes per element are never split (c-blosc MIN_BUFFERSIZE / MAX_SPLITS).
    internal const int MinSplitElements = 128;
    internal const int MaxSplits = 16;

    public static int Decompress(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        var header = BloscHeader.Read(frame);
        frame = frame[..header.CompressedSize];
        var nbytes = header.UncompressedSize;
        if (destination.Length < nbytes)
        {
            throw new ZarrCodecException(
                $"Blosc frame decodes to {nbytes} bytes but the destination holds only {destination.Length}.");
        }

        if (nbytes == 0)
        {
            return 0;
        }

        if (header.IsMemcpyed)
        {
            // Stored verbatim; shuffle flags are meaningless here.
            frame.Slice(BloscHeader.Size, nbytes).CopyTo(destination);
            return nbytes;
        }

        var typeSize = header.TypeSize;
        var byteShuffled = header.HasByteShuffle && typeSize > 1;
        var bitShuffled = !byteShuffled && header.HasBitShuffle;
        var scratch = byteShuffled || bitShuffled ? ArrayPool<byte>.Shared.Rent(header.BlockSize) : null;
        try
        {
            var blocks = header.BlockCount;
            var firstStream = BloscHeader.Size + (4 * blocks);
            var leftover = nbytes % header.BlockSize;
            for (var j = 0; j < blocks; j++)
            {
                var isLeftover = leftover > 0 && j == blocks - 1;
                var blockSize = isLeftover ? leftover : header.BlockSize;
                var start = BinaryPrimitives.ReadInt32LittleEndian(frame[(BloscHeader.Size + (4 * j))..]);
                if (start < firstStream || start > frame.Length)
                {
                    throw new ZarrCodecException($"Blosc block {j} starts at offset {start}, outside the {frame.Length}-byte frame.");
                }

                var output = destination.Slice(j * header.BlockSize, blockSize);
                var unshuffle = byteShuffled || (bitShuffled && blockSize >= typeSize);
                var target = unshuffle ? scratch.AsSpan(0, blockSize) : output;
                DecodeBlock(header, frame, start, j, isLeftover, target);
                if (byteShuffled)
                {
                    ByteShuffler.Unshuffle(target, output, typeSize);
                }
                else if (unshuffle)
                {
                    BitShuffler.Unshuffle(target, output, typeSize);
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        return nbytes;
    }

    /// <summary>Whether a block is stored as <c>typesize</c> separate streams (c-blosc's <c>blosc_d</c> rule).</summary>
    internal static bool IsSplit(bool dontSplit, int typeSize, int blockSize, bool isLeftover) =>
        !dontSplit && typeSize <= MaxSplits && blockSize / typeSize >= MinSplitElements && !isLeftover;

    internal static void DecodeBlock(in BloscHeader header, ReadOnlySpan<byte> frame, int position, int block, bool isLeftover, Span<byte> target)
    {
        var streams = IsSplit(header.DontSplit, header.TypeSize, target.Length, isLeftover) ? header.TypeSize : 1;
        if (target.Length % streams != 0)
        {
            throw new ZarrCodecException($"Blosc block {block} of {target.Length} bytes cannot be split into {streams} streams.");
        }

        var streamSize = target.Length / streams;
        for (var s = 0; s < streams; s++)
        {
            if (frame.Length - position < 4)
            {
                throw new ZarrCodecException($"Blosc frame is truncated inside block {block}.");
            }

            var compressedSize = BinaryPrimitives.ReadInt32LittleEndian(frame[position..]);
            position += 4;
            if (compressedSize <= 0 || compressedSize > frame.Length - position)
            {
                throw new ZarrCodecException(
                    $"Blosc block {block} stream {s} claims {compressedSize} bytes; {frame.Length - position} remain in the frame.");
            }

            var stream = frame.Slice(position, compressedSize);
            var part = target.Slice(s * streamSize, streamSize);
            position += compressedSize;
            if (compressedSize == streamSize)
            {
                // Writers store incompressible streams raw, and mark them only by this size equality.
                stream.CopyTo(part);
            }
            else
            {
                BloscStreamDecoder.Decode(header.CompressorCode, stream, part);
            }
        }
    }
}
