using System.Security.Cryptography;
using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Tests.S3;

[Collection(SwiftCollection.Name)]
public sealed class S3StoreTests(SwiftS3Server server)
{
    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Small_object_round_trips_byte_for_byte()
    {
        var store = server.Store(await server.CreateBucketAsync("small"));
        var bytes = RandomBytes(100_000, 1);

        await store.SetAsync("a/b/c.bin", bytes);

        Assert.Equal(bytes, await store.GetAsync("a/b/c.bin"));
        Assert.True(await store.ExistsAsync("a/b/c.bin"));
        var metrics = store.Metrics.Snapshot();
        Assert.Equal(bytes.Length, metrics.BytesWritten);
        Assert.Equal(bytes.Length, metrics.BytesRead);
        // PUT, GET, HEAD (plus any retry a busy server forced)
        Assert.Equal(3 + metrics.Retries, metrics.Requests);
    }

    [Fact]
    public async Task Empty_object_and_overwrite()
    {
        var store = server.Store(await server.CreateBucketAsync("empty"));
        await store.SetAsync("e", ReadOnlyMemory<byte>.Empty);
        Assert.Empty((await store.GetAsync("e"))!);
        Assert.Empty((await store.GetRangeAsync("e", ByteRange.From(0)))!);

        await store.SetAsync("e", new byte[] { 1, 2, 3 });
        Assert.Equal(new byte[] { 1, 2, 3 }, await store.GetAsync("e"));
    }

    [Fact]
    public async Task Large_object_goes_up_in_parts_and_comes_back_identical()
    {
        var profile = server.Profile(configure: p =>
        {
            p.MultipartPartSize = 5 * 1024 * 1024;
            p.MultipartThreshold = 5 * 1024 * 1024;
        });
        var store = server.Store(await server.CreateBucketAsync("multipart"), "results/job-1", profile);
        var bytes = RandomBytes((12 * 1024 * 1024) + 12345, 2);

        await store.SetAsync("out.tif", bytes);

        // 1 start + 3 parts + 1 completion (plus any retry a busy server forced)
        var metrics = store.Metrics.Snapshot();
        Assert.Equal(5 + metrics.Retries, metrics.Requests);
        var head = await server.AdminClient.GetObjectMetadataAsync(store.Bucket, "results/job-1/out.tif");
        Assert.EndsWith("-3\"", head.ETag, StringComparison.Ordinal);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData((await store.GetAsync("out.tif"))!));
        Assert.Equal(bytes[(6 * 1024 * 1024)..((6 * 1024 * 1024) + 100)], await store.GetRangeAsync("out.tif", ByteRange.Bounded(6 * 1024 * 1024, 100)));
    }

    [Fact]
    public async Task Thirty_two_concurrent_uploads_read_back_intact()
    {
        var store = server.Store(await server.CreateBucketAsync("concurrent"));
        var values = Enumerable.Range(0, 32).Select(i => RandomBytes(64 * 1024, 100 + i)).ToArray();

        await Task.WhenAll(values.Select((v, i) => store.SetAsync($"c/{i}", v).AsTask()));
        var readBack = await Task.WhenAll(values.Select((_, i) => store.GetAsync($"c/{i}").AsTask()));

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], readBack[i]);
        }
    }

    [Fact]
    public async Task Ranged_open_ended_and_suffix_reads()
    {
        var store = server.Store(await server.CreateBucketAsync("ranges"));
        var bytes = RandomBytes(10_000, 3);
        await store.SetAsync("r", bytes);

        Assert.Equal(bytes[100..200], await store.GetRangeAsync("r", ByteRange.Bounded(100, 100)));
        Assert.Equal(bytes[9_990..], await store.GetRangeAsync("r", ByteRange.From(9_990)));
        Assert.Equal(bytes[^10..], await store.GetRangeAsync("r", ByteRange.Suffix(10)));
        Assert.Equal(bytes, await store.GetRangeAsync("r", ByteRange.Suffix(20_000)));
        Assert.Equal(bytes[9_900..], await store.GetRangeAsync("r", ByteRange.Bounded(9_900, 5_000)));
        Assert.Empty((await store.GetRangeAsync("r", ByteRange.From(10_000)))!);
        Assert.Empty((await store.GetRangeAsync("r", ByteRange.Bounded(5, 0)))!);
        Assert.Null(await store.GetRangeAsync("missing", ByteRange.Bounded(0, 10)));
        Assert.Null(await store.GetRangeAsync("missing", ByteRange.Bounded(0, 0)));
    }

    [Fact]
    public async Task Listing_pages_through_every_key_below_a_prefix()
    {
        var bucket = await server.CreateBucketAsync("listing");
        var store = server.Store(bucket, "root", server.Profile(configure: p => p.ListPageSize = 2));
        var keys = Enumerable.Range(0, 7).Select(i => $"arr/c/{i}").Append("arr/zarr.json").Append("other/x").Append("arrow").ToArray();
        foreach (var key in keys)
        {
            await store.SetAsync(key, new byte[] { 1 });
        }

        // Swift updates container listings asynchronously when busy: wait until every key is listed.
        var listed = await S3ZarrFixtureTests.Eventually(async () => (await store.ListAsync("").ToListAsync()).Order(StringComparer.Ordinal).ToArray(), l => l.Length == keys.Length);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        Assert.Equal(keys.Where(k => k.StartsWith("arr/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            (await store.ListAsync("arr").ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["arr/c/0", "arr/c/1", "arr/c/2", "arr/c/3", "arr/c/4", "arr/c/5", "arr/c/6"],
            (await store.ListAsync("arr/c/").ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListAsync("nothing").ToListAsync());
        // 10 keys at 2 per page: 5 pages, at least 5 LIST requests for the first listing
        Assert.True(store.Metrics.Snapshot().Requests >= keys.Length + 5);
    }

    [Fact]
    public async Task Delete_and_delete_many_accept_missing_keys()
    {
        var store = server.Store(await server.CreateBucketAsync("delete"));
        await store.SetAsync("d/1", new byte[] { 1 });
        await store.SetAsync("d/2", new byte[] { 2 });
        await store.SetAsync("d/3", new byte[] { 3 });

        await store.DeleteAsync("d/1");
        await store.DeleteAsync("d/1");
        await store.DeleteManyAsync(["d/2", "d/3", "d/never"]);

        Assert.False(await store.ExistsAsync("d/1"));
        Assert.False(await store.ExistsAsync("d/2"));
        Assert.Null(await store.GetAsync("d/3"));
    }

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        var store = server.Store(await server.CreateBucketAsync("missing"));
        Assert.Null(await store.GetAsync("no/such/key"));
        Assert.False(await store.ExistsAsync("no/such/key"));
    }

    [Fact]
    public async Task Missing_bucket_is_a_clear_error()
    {
        var store = server.Store("no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]);

        var error = await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.GetAsync("k"));
        Assert.Contains(store.Bucket, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.ListAsync("").ToListAsync());
        await Assert.ThrowsAsync<StoreNotFoundException>(async () => await store.SetAsync("k", new byte[] { 1 }));
    }

    [Fact]
    public async Task Wrong_secret_key_is_a_clear_error()
    {
        var bucket = await server.CreateBucketAsync("creds");
        var store = server.Store(bucket, profile: server.Profile("wrong-secret", secretKey: "not-the-secret"));

        var error = await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.GetAsync("k"));
        Assert.Contains("SignatureDoesNotMatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrong-secret", error.Message, StringComparison.Ordinal);
        Assert.Equal(403, error.StatusCode);
        await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.ExistsAsync("k"));
        // a refusal is permanent: not retried
        Assert.Equal(0, store.Metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task Unknown_access_key_is_a_clear_error()
    {
        var bucket = await server.CreateBucketAsync("creds");
        var store = server.Store(bucket, profile: server.Profile("unknown-user", accessKey: "nobody:none"));

        var error = await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.SetAsync("k", new byte[] { 1 }));
        Assert.Contains("unknown-user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_only_store_refuses_writes()
    {
        var store = server.Store(await server.CreateBucketAsync("readonly"), writable: false);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SetAsync("k", new byte[] { 1 }));
    }

    [Fact]
    public async Task Download_urls_work_without_credentials_and_only_as_signed()
    {
        var store = server.Store(await server.CreateBucketAsync("presign"), "results");
        var bytes = RandomBytes(3000, 4);
        await store.SetAsync("job 1/out.tif", bytes);
        using var http = new HttpClient();

        var url = await store.GetDownloadUrlAsync("job 1/out.tif", TimeSpan.FromMinutes(5));

        Assert.Equal(bytes, await http.GetByteArrayAsync(url));
        // one character of the signature changed
        var text = url.AbsoluteUri;
        var tampered = new Uri(text[..^1] + (text[^1] == '0' ? '1' : '0'));
        using var refused = await http.GetAsync(tampered);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Conditional_create_on_a_server_without_it_says_so_and_writes_nothing()
    {
        // Swift 2.30's s3api answers If-None-Match on PUT with 501 NotImplemented (the semantics are tested
        // against the loopback fake in the resilience tests).
        var store = server.Store(await server.CreateBucketAsync("conditional"));

        var error = await Assert.ThrowsAsync<NotSupportedException>(async () => await store.SetIfAbsentAsync("lock", new byte[] { 1 }));

        Assert.Contains("conditional writes", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("lock"));
        Assert.Equal(0, store.Metrics.Snapshot().Retries);
    }
}
