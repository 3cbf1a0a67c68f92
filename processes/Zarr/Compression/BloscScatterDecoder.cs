using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using OpenEoBridge.Zarr.Chunks;

namespace OpenEoBridge.Zarr.Compression;

/// <summary>
/// Decodes a byte-shuffled Blosc frame of a whole chunk straight into the rows of a caller's buffer: each block
/// is LZ4/zstd-decoded into a block-sized scratch (cache resident) and unshuffled row segment by row segment
/// into its final place. This skips the chunk-sized intermediate buffer and the second copy of every byte.
/// </summary>
internal static class BloscScatterDecoder
{
    /// <summary>Whether <see cref="Decompress{T}"/> handles this frame; otherwise decode normally and copy.</summary>
    public static bool CanScatter(ReadOnlySpan<byte> frame, int itemSize, long chunkBytes)
    {
        var header = BloscHeader.Read(frame);
        return !header.IsMemcpyed && header.HasByteShuffle && header.TypeSize == itemSize && itemSize > 1
            && header.UncompressedSize == chunkBytes && header.BlockSize % itemSize == 0;
    }

    /// <summary>Decodes <paramref name="frame"/> (checked with <see cref="CanScatter"/>) into <paramref name="destination"/> through <paramref name="rows"/>.</summary>
    public static void Decompress<T>(ReadOnlySpan<byte> frame, ChunkRowMap rows, Span<T> destination)
        where T : unmanaged
    {
        var header = BloscHeader.Read(frame);
        frame = frame[..header.CompressedSize];
        var typeSize = header.TypeSize;
        if (typeSize != Unsafe.SizeOf<T>() || (long)header.UncompressedSize != rows.ElementCount * typeSize)
        {
            throw new ZarrCodecException($"Blosc frame decodes to {header.UncompressedSize} bytes of {typeSize}-byte items, the chunk holds {rows.ElementCount} elements of {Unsafe.SizeOf<T>()} bytes.");
        }

        var scratch = ArrayPool<byte>.Shared.Rent(header.BlockSize);
        try
        {
            var blocks = header.BlockCount;
            var firstStream = BloscHeader.Size + (4 * blocks);
            var leftover = header.UncompressedSize % header.BlockSize;
            var elementsPerBlock = header.BlockSize / typeSize;
            var rowLength = rows.RowLength;
            for (var j = 0; j < blocks; j++)
            {
                var isLeftover = leftover > 0 && j == blocks - 1;
                var blockSize = isLeftover ? leftover : header.BlockSize;
                var start = BinaryPrimitives.ReadInt32LittleEndian(frame[(BloscHeader.Size + (4 * j))..]);
                if (start < firstStream || start > frame.Length)
                {
                    throw new ZarrCodecException($"Blosc block {j} starts at offset {start}, outside the {frame.Length}-byte frame.");
                }

                var lanes = scratch.AsSpan(0, blockSize);
                BloscDecoder.DecodeBlock(header, frame, start, j, isLeftover, lanes);

                // Whole elements only: the block size and the chunk size are multiples of the item size.
                var n = blockSize / typeSize;
                var element = (long)j * elementsPerBlock;
                var end = element + n;
                var blockStart = element;
                while (element < end)
                {
                    // Blocks come in order, so the walk is always at the row holding `element`.
                    var inRow = (int)(element - (rows.CurrentRow * rowLength));
                    var count = (int)Math.Min(rowLength - inRow, end - element);
                    if (count <= 0)
                    {
                        throw new ZarrCodecException($"Blosc block {j} does not line up with the chunk's rows.");
                    }

                    var target = destination.Slice(checked((int)(rows.CurrentRowOffset + inRow)), count);
                    ByteShuffler.UnshuffleRange(lanes, n, typeSize, (int)(element - blockStart), count, MemoryMarshal.AsBytes(target));
                    element += count;
                    if (inRow + count == rowLength)
                    {
                        rows.MoveToNextRow();
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
