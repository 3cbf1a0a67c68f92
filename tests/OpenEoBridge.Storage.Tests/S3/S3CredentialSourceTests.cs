using OpenEoBridge.Storage.Errors;
using OpenEoBridge.Storage.Locations;
using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Tests.S3;

/// <summary>The credential sources of a profile, against the real server, through the store factory.</summary>
[Collection(SwiftCollection.Name)]
public sealed class S3CredentialSourceTests(SwiftS3Server server)
{
    [Fact]
    public async Task The_standard_credential_chain_finds_keys_in_the_environment()
    {
        var bucket = await server.CreateBucketAsync("chain");
        await server.Store(bucket).SetAsync("k", new byte[] { 42 });
        var previous = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SwiftS3Server.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SwiftS3Server.SecretKey);
        try
        {
            var options = new StorageOptions();
            options.S3Profiles["env"] = server.Profile(configure: p =>
            {
                p.AccessKey = null;
                p.SecretKey = null;
            });
            using var factory = new StoreFactory(options);

            var store = factory.Open($"s3://{bucket}", "env");

            Assert.Equal(new byte[] { 42 }, await store.GetAsync("k"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", previous.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", previous.Item2);
        }
    }

    [Fact]
    public async Task Anonymous_requests_to_a_private_bucket_are_denied_clearly()
    {
        var bucket = await server.CreateBucketAsync("anon");
        await server.Store(bucket).SetAsync("k", new byte[] { 1 });
        var options = new StorageOptions();
        options.S3Profiles["public"] = server.Profile(configure: p => p.Credentials = S3CredentialSource.Anonymous);
        using var factory = new StoreFactory(options);
        var store = factory.Open($"s3://{bucket}/", "public");

        var error = await Assert.ThrowsAsync<StoreAccessDeniedException>(async () => await store.GetAsync("k"));
        Assert.Contains("public", error.Message, StringComparison.Ordinal);
    }
}
