using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

public sealed class ShuffleTests
{
    // Lengths around the 16/32-element vector widths, odd tails, and a large block that runs the vector loops long.
    private static readonly int[] ElementCounts = [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 64, 100, 255, 256, 1000, 4096, 65541];

    public static TheoryData<int> TypeSizes => new([1, 2, 3, 4, 5, 8, 16]);

    [Theory]
    [MemberData(nameof(TypeSizes))]
    public void ByteShuffleMatchesTheDefinitionAndRoundTrips(int typeSize)
    {
        foreach (var length in Lengths(typeSize))
        {
            var source = RandomBytes(length, seed: length + typeSize);
            var shuffled = new byte[length];
            Shuffle.ByteShuffle(source, shuffled, typeSize);
            Assert.Equal(ReferenceByteShuffle(source, typeSize), shuffled);

            var restored = new byte[length];
            Shuffle.ByteUnshuffle(shuffled, restored, typeSize);
            Assert.Equal(source, restored);
        }
    }

    [Theory]
    [MemberData(nameof(TypeSizes))]
    public void BitShuffleMatchesTheDefinitionAndRoundTrips(int typeSize)
    {
        foreach (var length in Lengths(typeSize))
        {
            var source = RandomBytes(length, seed: (3 * length) + typeSize);
            var shuffled = new byte[length];
            Shuffle.BitShuffle(source, shuffled, typeSize);
            Assert.Equal(ReferenceBitShuffle(source, typeSize), shuffled);

            var restored = new byte[length];
            Shuffle.BitUnshuffle(shuffled, restored, typeSize);
            Assert.Equal(source, restored);
        }
    }

    [Fact]
    public void BitShuffleLeavesBlocksWithAnElementCountNotAMultipleOf8Unchanged()
    {
        var source = RandomBytes((74 * 2) + 1, seed: 74);
        var output = new byte[source.Length];
        Shuffle.BitShuffle(source, output, 2);
        Assert.Equal(source, output);
        Shuffle.BitUnshuffle(source, output, 2);
        Assert.Equal(source, output);
    }

    [Fact]
    public void ByteShuffleOfFloatsGroupsEqualBytes()
    {
        // Four float32 1.0f values (00 00 80 3F): lanes are 0x00 x4, 0x00 x4, 0x80 x4, 0x3F x4.
        var source = Enumerable.Repeat(new byte[] { 0x00, 0x00, 0x80, 0x3F }, 4).SelectMany(b => b).ToArray();
        var shuffled = new byte[16];
        Shuffle.ByteShuffle(source, shuffled, 4);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x3F, 0x3F, 0x3F, 0x3F }, shuffled);
    }

    [Fact]
    public void MismatchedOrOverlappingBuffersAreRejected()
    {
        var buffer = new byte[64];
        Assert.Throws<ArgumentException>(() => Shuffle.ByteUnshuffle(buffer, new byte[63], 4));
        Assert.Throws<ArgumentException>(() => Shuffle.ByteUnshuffle(buffer.AsSpan(0, 32), buffer.AsSpan(16, 32), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shuffle.BitShuffle(buffer, new byte[64], 0));
    }

    private static IEnumerable<int> Lengths(int typeSize) =>
        ElementCounts.SelectMany(n => new[] { n * typeSize, (n * typeSize) + (typeSize > 1 ? typeSize - 1 : 0) }).Distinct();

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Straight from the c-blosc definitions (shuffle-generic.h, bitshuffle-generic.c), element by element.
    private static byte[] ReferenceByteShuffle(byte[] source, int typeSize)
    {
        var n = source.Length / typeSize;
        var output = (byte[])source.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < typeSize; j++)
            {
                output[(j * n) + i] = source[(i * typeSize) + j];
            }
        }

        return output;
    }

    private static byte[] ReferenceBitShuffle(byte[] source, int typeSize)
    {
        var n = source.Length / typeSize;
        var output = (byte[])source.Clone();
        if (n % 8 != 0)
        {
            return output;
        }

        Array.Clear(output, 0, n * typeSize);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < typeSize; j++)
            {
                for (var k = 0; k < 8; k++)
                {
                    var bit = (source[(i * typeSize) + j] >> k) & 1;
                    output[(((j * 8) + k) * (n / 8)) + (i / 8)] |= (byte)(bit << (i % 8));
                }
            }
        }

        return output;
    }
}
