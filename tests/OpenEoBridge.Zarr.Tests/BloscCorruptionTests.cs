using System.Buffers.Binary;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Corrupt frames must raise <see cref="ZarrCodecException"/>: never hang, overrun or throw anything else.</summary>
public sealed class BloscCorruptionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static TheoryData<BloscCompressor, BloscShuffle> Configurations => new()
    {
        { BloscCompressor.Lz4, BloscShuffle.ByteShuffle },
        { BloscCompressor.Zstd, BloscShuffle.BitShuffle },
        { BloscCompressor.Zlib, BloscShuffle.NoShuffle },
    };

    [Fact]
    public void ShortOrForeignHeadersAreRejected()
    {
        var frame = ValidFrame(BloscCompressor.Lz4, BloscShuffle.ByteShuffle);
        AssertRejected(frame.AsSpan(0, 15).ToArray(), "shorter than its 16-byte header");
        AssertRejected(With(frame, f => f[0] = 3), "Blosc2");
        AssertRejected(With(frame, f => f[0] = 0), "version");
        AssertRejected(With(frame, f => f[2] |= 0x08), "reserved");
        AssertRejected(With(frame, f => f[2] = (byte)((f[2] & 0x1F) | (2 << 5))), "snappy");
        AssertRejected(With(frame, f => f[3] = 0), "typesize 0");
    }

    [Fact]
    public void LyingSizesAreRejected()
    {
        var frame = ValidFrame(BloscCompressor.Lz4, BloscShuffle.ByteShuffle);
        AssertRejected(With(frame, f => WriteInt(f, 4, -1)), "impossible sizes");
        AssertRejected(With(frame, f => WriteInt(f, 8, 0)), "blocksize 0");
        AssertRejected(With(frame, f => WriteInt(f, 8, ReadInt(f, 4) + 1)), "blocksize");
        AssertRejected(With(frame, f => WriteInt(f, 12, f.Length + 1)), "truncated");
        AssertRejected(With(frame, f => WriteInt(f, 16, f.Length + 100)), "outside");
        AssertRejected(With(frame, f => WriteInt(f, 16, 8)), "outside");

        // The header claims twice the data: the frame runs out of streams (or they decode to the wrong size).
        var doubled = With(frame, f => WriteInt(f, 4, ReadInt(f, 4) * 2));
        Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(doubled, new byte[ReadInt(doubled, 4)]));
    }

    [Fact]
    public void DestinationSmallerThanTheHeaderClaimIsRefusedBeforeDecoding()
    {
        var frame = ValidFrame(BloscCompressor.Zstd, BloscShuffle.ByteShuffle);
        var size = Blosc.GetDecompressedSize(frame);
        var e = Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(frame, new byte[size - 1]));
        Assert.Contains("destination", e.Message, StringComparison.Ordinal);
        Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(frame, maxOutputBytes: size - 1));
    }

    [Fact]
    public void HugeClaimedSizeIsRefusedWithoutAllocating()
    {
        // A 16-byte memcpyed header claiming 2 GB: a bomb must not allocate before validating.
        var frame = new byte[16];
        frame[0] = 2;
        frame[1] = 1;
        frame[2] = 0x02;
        frame[3] = 4;
        WriteInt(frame, 4, int.MaxValue - 16);
        WriteInt(frame, 8, int.MaxValue - 16);
        WriteInt(frame, 12, int.MaxValue);
        Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(frame, maxOutputBytes: 64L << 20));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task TruncatedFramesAreRejected(BloscCompressor compressor, BloscShuffle shuffle)
    {
        var frame = ValidFrame(compressor, shuffle);
        var destination = new byte[Blosc.GetDecompressedSize(frame)];
        await RunGuarded(() =>
        {
            // Every cut inside the header and offsets table, then a stride through the streams and their last bytes.
            var cuts = Enumerable.Range(0, 96)
                .Concat(Enumerable.Range(0, frame.Length / 97).Select(k => k * 97))
                .Concat(Enumerable.Range(frame.Length - 32, 32))
                .Where(n => n >= 0 && n < frame.Length)
                .Distinct();
            foreach (var length in cuts)
            {
                var truncated = frame.AsSpan(0, length).ToArray();
                Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(truncated, destination));

                // Same bytes with cbytes patched to match, so the block and stream checks are what must catch it.
                if (length >= 16)
                {
                    WriteInt(truncated, 12, length);
                    Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(truncated, destination));
                }
            }
        });
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task RandomByteDamageNeverEscapesAsAnotherException(BloscCompressor compressor, BloscShuffle shuffle)
    {
        var frame = ValidFrame(compressor, shuffle);
        var size = Blosc.GetDecompressedSize(frame);
        await RunGuarded(() =>
        {
            var random = new Random(1234);
            var rejected = 0;
            var destination = new byte[size + 64];
            for (var trial = 0; trial < 1000; trial++)
            {
                var damaged = (byte[])frame.Clone();
                for (var hits = random.Next(1, 4); hits > 0; hits--)
                {
                    // Spare the size fields half the time so damage reaches the streams.
                    var position = trial % 2 == 0 ? random.Next(damaged.Length) : random.Next(16, damaged.Length);
                    damaged[position] = (byte)random.Next(256);
                }

                try
                {
                    Blosc.Decompress(damaged, destination);
                }
                catch (ZarrCodecException)
                {
                    rejected++;
                }
            }

            Assert.True(rejected > 50, $"only {rejected} of 1000 damaged frames were rejected");
        });
    }

    [Fact]
    public void CorruptBloscLzStreamIsRejected()
    {
        // One block, one stream: a BloscLZ match referring 200 bytes back at output position 0.
        var frame = new byte[16 + 4 + 4 + 3];
        frame[0] = 2;
        frame[1] = 1;
        frame[2] = 0x10;
        frame[3] = 1;
        WriteInt(frame, 4, 256);
        WriteInt(frame, 8, 256);
        WriteInt(frame, 12, frame.Length);
        WriteInt(frame, 16, 20);
        WriteInt(frame, 20, 3);
        frame[24] = 0x00;           // literal run of 1 (after the marker bits are masked)
        frame[25] = 0x41;           // the literal byte
        frame[26] = (2 << 5) | 0;   // match, 8 distance high bits 0, missing low byte
        var e = Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(frame, new byte[256]));
        Assert.Contains("BloscLZ", e.Message, StringComparison.Ordinal);
    }

    private static byte[] ValidFrame(BloscCompressor compressor, BloscShuffle shuffle)
    {
        // Smooth float32 data over several blocks with a leftover, like a small climate chunk.
        var values = new float[20_003];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Round(MathF.Sin(i / 100f) * 50f, 1);
        }

        var frame = Blosc.Compress(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()), 4, compressor, 5, shuffle, blockSize: 16_384);
        Assert.False(BloscHeader.Read(frame).IsMemcpyed);
        Assert.True(BloscHeader.Read(frame).BlockCount > 2);
        return frame;
    }

    private static void AssertRejected(byte[] frame, string messagePart)
    {
        var e = Assert.Throws<ZarrCodecException>(() => Blosc.Decompress(frame, new byte[1 << 20]));
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }

    private static byte[] With(byte[] frame, Action<byte[]> change)
    {
        var copy = (byte[])frame.Clone();
        change(copy);
        return copy;
    }

    private static int ReadInt(byte[] frame, int offset) => BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(offset));

    private static void WriteInt(byte[] frame, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(offset), value);

    private static Task RunGuarded(Action action) => Task.Run(action).WaitAsync(Guard);
}
