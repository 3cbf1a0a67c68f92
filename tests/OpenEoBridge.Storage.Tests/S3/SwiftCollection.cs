namespace OpenEoBridge.Storage.Tests.S3;

/// <summary>The tests that share one Swift server (started once for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class SwiftCollection : ICollectionFixture<SwiftS3Server>
{
    public const string Name = "Swift S3 server";
}
