using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.Tests.Support;

namespace OpenEoBridge.Storage.Tests.Http;

public sealed class HttpStoreTests : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly byte[] _bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_whole_objects_and_ranges_with_and_without_server_range_support(bool supportsRange)
    {
        await using var server = new StaticFileServer(supportsRange);
        server.Add("data/cube.zarr/c/0/1", _bytes);
        server.Add("data/cube.zarr/odd name+x", [9, 8, 7]);
        var store = NewStore(new Uri(server.BaseUri, "data/cube.zarr"));

        Assert.Equal(_bytes, await store.GetAsync("c/0/1"));
        Assert.Equal(_bytes[100..200], await store.GetRangeAsync("c/0/1", ByteRange.Bounded(100, 100)));
        Assert.Equal(_bytes[4990..], await store.GetRangeAsync("c/0/1", ByteRange.From(4990)));
        Assert.Equal(_bytes[^16..], await store.GetRangeAsync("c/0/1", ByteRange.Suffix(16)));
        Assert.Equal(_bytes[4900..], await store.GetRangeAsync("c/0/1", ByteRange.Bounded(4900, 1000)));
        Assert.Empty((await store.GetRangeAsync("c/0/1", ByteRange.From(5000)))!);
        Assert.Equal(new byte[] { 9, 8, 7 }, await store.GetAsync("odd name+x"));
        Assert.Null(await store.GetAsync("c/9/9"));
        Assert.Null(await store.GetRangeAsync("c/9/9", ByteRange.Bounded(0, 4)));
        Assert.True(await store.ExistsAsync("c/0/1"));
        Assert.False(await store.ExistsAsync("c/9/9"));

        Assert.Equal(!supportsRange, store.RangesIgnored);
        var rangedGets = server.Server.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.EndsWith("c/0/1", StringComparison.Ordinal));
        // Without range support the object is fetched whole once for GetAsync and once for the first range, then cached.
        Assert.Equal(supportsRange ? 6 : 2, rangedGets);
    }

    [Fact]
    public async Task Exists_falls_back_to_a_one_byte_get_when_head_is_refused()
    {
        await using var server = new StaticFileServer(supportsRange: true, supportsHead: false);
        server.Add("x/a", _bytes);
        var store = NewStore(new Uri(server.BaseUri, "x/"));

        Assert.True(await store.ExistsAsync("a"));
        Assert.False(await store.ExistsAsync("b"));
    }

    [Fact]
    public async Task Listing_and_writing_are_refused_with_clear_messages()
    {
        await using var server = new StaticFileServer(supportsRange: true);
        var store = NewStore(server.BaseUri);

        Assert.False(store.CanList);
        Assert.False(store.IsWritable);
        var error = await Assert.ThrowsAsync<StoreListingNotSupportedException>(async () => await store.ListAsync("").ToListAsync());
        Assert.Contains("consolidated metadata", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SetAsync("k", new byte[] { 1 }));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.DeleteAsync("k"));
    }

    [Fact]
    public async Task Access_denied_is_an_error_not_a_missing_key()
    {
        await using var server = new LoopbackHttpServer((context, _, _) => Respond.WithAsync(context, 403));
        var store = NewStore(server.BaseUri);

        var error = await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.GetAsync("k"));
        Assert.Equal(403, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Query_of_the_base_url_is_sent_with_every_object_but_kept_out_of_the_location()
    {
        await using var server = new StaticFileServer(supportsRange: true);
        server.Add("z/k", [1]);
        var store = NewStore(new Uri(server.BaseUri, "z?token=secret"));

        Assert.Equal(new byte[] { 1 }, await store.GetAsync("k"));
        Assert.DoesNotContain("secret", store.Location, StringComparison.Ordinal);
        Assert.EndsWith("/z/k?token=secret", server.Server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
    }

    private HttpStore NewStore(Uri baseUri) =>
        new(baseUri, _client, new HttpStoreOptions { Resilience = new StoreResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10) } }, limits: new EndpointConcurrencyLimits());
}
