using OpenEoBridge.Storage;
using OpenEoBridge.Storage.FileSystem;

namespace OpenEoBridge.Storage.Tests;

public sealed class FileSystemStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("oeb-fs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Set_then_get_ranges_and_list()
    {
        var store = new FileSystemStore(_root);
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await store.SetAsync("a/b/c", bytes);

        Assert.Equal(bytes, await store.GetAsync("a/b/c"));
        Assert.Equal(bytes[10..20], await store.GetRangeAsync("a/b/c", ByteRange.Bounded(10, 10)));
        Assert.Equal(bytes[250..], await store.GetRangeAsync("a/b/c", ByteRange.From(250)));
        Assert.Equal(bytes[^6..], await store.GetRangeAsync("a/b/c", ByteRange.Suffix(6)));
        Assert.Null(await store.GetAsync("a/missing"));
        Assert.Equal(["a/b/c"], await store.ListAsync("a").ToListAsync());

        await store.DeleteAsync("a/b/c");
        Assert.False(await store.ExistsAsync("a/b/c"));
    }

    [Fact]
    public async Task Rented_reads_return_the_same_bytes_as_plain_reads()
    {
        var store = new FileSystemStore(_root);
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        await store.SetAsync("a/b", bytes);

        Assert.Equal(bytes, await RentedAsync(store, "a/b", null));
        Assert.Equal(bytes[10..20], await RentedAsync(store, "a/b", ByteRange.Bounded(10, 10)));
        Assert.Equal(bytes[^6..], await RentedAsync(store, "a/b", ByteRange.Suffix(6)));
        Assert.Equal(bytes[290..], await RentedAsync(store, "a/b", ByteRange.Bounded(290, 50))); // short: the object ends first
        Assert.Null(await store.GetRentedAsync("a/missing", null));
        await Assert.ThrowsAsync<InvalidStoreKeyException>(async () => await store.GetRentedAsync("../escape", null));
    }

    private static async Task<byte[]?> RentedAsync(FileSystemStore store, string key, ByteRange? range)
    {
        if (await store.GetRentedAsync(key, range) is not { } rented)
        {
            return null;
        }

        var copy = rented.Array.AsSpan(0, rented.Length).ToArray();
        System.Buffers.ArrayPool<byte>.Shared.Return(rented.Array);
        return copy;
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    public async Task Keys_that_could_escape_the_root_are_refused(string key)
    {
        var store = new FileSystemStore(_root);
        await Assert.ThrowsAsync<InvalidStoreKeyException>(async () => await store.GetAsync(key));
    }
}
