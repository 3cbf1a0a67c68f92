using ICSharpCode.SharpZipLib.BZip2;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

public sealed class Bzip2Tests
{
    [Fact]
    public void RoundTripsThroughAStandardEncoder()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 97},")));
        Assert.Equal(text, Bzip2.Decompress(Encode(text), text.Length));
    }

    [Fact]
    public void OutputBeyondTheCapIsRefused()
    {
        // 2 MiB of zeros packs into a few hundred bytes: the classic bomb.
        var bomb = Encode(new byte[2 << 20]);
        Assert.True(bomb.Length < 2048, $"bomb is {bomb.Length} bytes");
        var e = Assert.Throws<ZarrCodecException>(() => Bzip2.Decompress(bomb, 256 << 10));
        Assert.Contains("limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptOrTruncatedStreamsAreRejected()
    {
        var data = new byte[100_000];
        new Random(7).NextBytes(data.AsSpan(0, 50_000));
        var stream = Encode(data);
        await Task.Run(() =>
        {
            Assert.Throws<ZarrCodecException>(() => Bzip2.Decompress([1, 2, 3, 4, 5], 1000));
            foreach (var length in new[] { 4, 10, 100, stream.Length / 2, stream.Length - 1 })
            {
                Assert.Throws<ZarrCodecException>(() => Bzip2.Decompress(stream.AsSpan(0, length), data.Length));
            }

            var damaged = (byte[])stream.Clone();
            damaged[stream.Length / 2] ^= 0x40;
            Assert.Throws<ZarrCodecException>(() => Bzip2.Decompress(damaged, data.Length));
        }).WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static byte[] Encode(byte[] data)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            bzip2.Write(data);
        }

        return output.ToArray();
    }
}
