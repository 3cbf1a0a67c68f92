using K4os.Compression.LZ4;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>
/// The Blosc LZ4 path uses our own block decoder (unsafe code with wild copies), so it is checked against the
/// K4os encoder on data shaped to hit every copy path, and against corrupt input with guard bytes on both
/// sides of the destination: a bad stream must give -1 and never write outside the destination.
/// </summary>
public sealed class Lz4BlockDecoderTests
{
    private const int GuardBytes = 96;
    private const byte GuardValue = 0xA5;

    private static readonly int[] Sizes = [1, 4, 5, 12, 13, 31, 32, 33, 63, 64, 65, 100, 1000, 4096, 65536, 65537, 300_000];

    public static TheoryData<string> Kinds => new(["random", "zeros", "periods", "floats", "text"]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DecodesWhatK4osEncodes(string kind)
    {
        foreach (var size in Sizes)
        {
            foreach (var level in new[] { LZ4Level.L00_FAST, LZ4Level.L09_HC })
            {
                var data = Data(kind, size, seed: size);
                var encoded = Encode(data, level);
                var (written, output) = DecodeGuarded(encoded, size);
                Assert.Equal(size, written);
                Assert.True(output.SequenceEqual(data), $"{kind} size {size} level {level} differs");
            }
        }
    }

    [Fact]
    public void EveryShortPeriodIsExpandedCorrectly()
    {
        // Matches with offsets 1..40 and lengths across the 16/32-byte copy steps, near the end and far from it.
        for (var period = 1; period <= 40; period++)
        {
            foreach (var size in new[] { period + 4, period + 19, period + 37, 200, 5000 })
            {
                var data = new byte[size];
                for (var i = 0; i < size; i++)
                {
                    data[i] = (byte)(((i % period) * 37) + 11);
                }

                var (written, output) = DecodeGuarded(Encode(data, LZ4Level.L09_HC), size);
                Assert.Equal(size, written);
                Assert.True(output.SequenceEqual(data), $"period {period} size {size} differs");
            }
        }
    }

    [Fact]
    public void HandMadeInvalidStreamsAreRejected()
    {
        Assert.Equal(-1, DecodeGuarded([], 16).Written);                                   // empty input
        Assert.Equal(-1, DecodeGuarded([0xF0, 255, 255], 1000).Written);                 // literal length runs off the input
        Assert.Equal(-1, DecodeGuarded([0x40, 1, 2, 3, 4], 3).Written);                   // more literals than the output holds
        Assert.Equal(-1, DecodeGuarded([0x10, 7, 0, 0], 64).Written);                     // offset 0
        Assert.Equal(-1, DecodeGuarded([0x10, 7, 2, 0, 0x00], 64).Written);               // offset before the start
        Assert.Equal(-1, DecodeGuarded([0x1F, 7, 1, 0, 255, 255, 10], 64).Written);       // match longer than the output
        Assert.Equal(-1, DecodeGuarded([0x10, 7, 1], 64).Written);                        // offset cut off
        Assert.Equal(-1, DecodeGuarded([0x1F, 7, 1, 0, 255], 600).Written);               // match length cut off
        Assert.Equal(3, DecodeGuarded([0x30, 1, 2, 3], 64).Written);                      // valid, shorter than the buffer
    }

    [Fact]
    public void CorruptStreamsNeverWriteOutsideTheDestination()
    {
        var random = new Random(1234);
        foreach (var kind in new[] { "floats", "periods", "text", "zeros" })
        {
            var data = Data(kind, 20_000, seed: 7);
            var encoded = Encode(data, LZ4Level.L00_FAST);
            for (var trial = 0; trial < 3000; trial++)
            {
                var damaged = (byte[])encoded.Clone();
                switch (trial % 3)
                {
                    case 0:
                        for (var k = 0; k < 1 + random.Next(4); k++)
                        {
                            damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                        }

                        break;
                    case 1:
                        damaged = damaged[..random.Next(damaged.Length)];
                        break;
                    default:
                        damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                }

                // Exact size, and destinations too small or too large, all guarded.
                var size = trial % 5 == 0 ? random.Next(1, data.Length * 2) : data.Length;
                var (written, _) = DecodeGuarded(damaged, size);
                Assert.InRange(written, -1, size);
            }
        }
    }

    // Decodes into the middle of a larger array and checks the guard bytes on both sides.
    private static (int Written, byte[] Output) DecodeGuarded(byte[] encoded, int size)
    {
        var buffer = new byte[size + (2 * GuardBytes)];
        buffer.AsSpan().Fill(GuardValue);
        var source = new byte[encoded.Length + (2 * GuardBytes)];
        encoded.CopyTo(source, GuardBytes);
        var written = Lz4BlockDecoder.Decode(source.AsSpan(GuardBytes, encoded.Length), buffer.AsSpan(GuardBytes, size));
        Assert.True(buffer.AsSpan(0, GuardBytes).IndexOfAnyExcept(GuardValue) < 0, "wrote before the destination");
        Assert.True(buffer.AsSpan(GuardBytes + size).IndexOfAnyExcept(GuardValue) < 0, "wrote past the destination");
        return (written, buffer.AsSpan(GuardBytes, size).ToArray());
    }

    private static byte[] Encode(byte[] data, LZ4Level level)
    {
        var target = new byte[LZ4Codec.MaximumOutputSize(data.Length)];
        var n = LZ4Codec.Encode(data, target, level);
        Assert.True(n > 0);
        return target[..n];
    }

    private static byte[] Data(string kind, int size, int seed)
    {
        var random = new Random(seed);
        var data = new byte[size];
        switch (kind)
        {
            case "random":
                random.NextBytes(data);
                break;
            case "zeros":
                // Long runs with a few disturbances, so offset-1 matches of many lengths appear.
                for (var i = 0; i < size; i += 1 + random.Next(500))
                {
                    data[i] = (byte)random.Next(256);
                }

                break;
            case "periods":
                for (var i = 0; i < size;)
                {
                    var period = 1 + random.Next(20);
                    var run = 1 + random.Next(300);
                    var start = (byte)random.Next(256);
                    for (var j = 0; j < run && i < size; j++, i++)
                    {
                        data[i] = (byte)(start + (j % period));
                    }
                }

                break;
            case "floats":
                // Byte-shuffled float32 rain amounts: the data Blosc-LZ4 decodes most on our stores.
                var floats = new byte[size - (size % 4)];
                for (var i = 0; i + 4 <= floats.Length; i += 4)
                {
                    var value = random.Next(3) == 0 ? 0f : MathF.Round((float)random.NextDouble() * 40f, 1);
                    BitConverter.TryWriteBytes(floats.AsSpan(i), value);
                }

                Shuffle.ByteShuffle(floats, data.AsSpan(0, floats.Length), 4);
                break;
            default:
                var words = new[] { "precip ", "time ", "latitude ", "longitude ", "chirps ", "zarr " };
                for (var i = 0; i < size;)
                {
                    foreach (var c in words[random.Next(words.Length)])
                    {
                        if (i < size)
                        {
                            data[i++] = (byte)c;
                        }
                    }
                }

                break;
        }

        return data;
    }
}
