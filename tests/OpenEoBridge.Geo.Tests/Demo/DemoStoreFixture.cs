using OpenEoBridge.Geo.Demo;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>Generates the demo stores once, for every test class of the collection, into a temporary data directory.</summary>
public sealed class DemoStoreFixture : IDisposable
{
    public DemoStoreFixture()
    {
        DataDirectory = Directory.CreateTempSubdirectory("oeb-demo-test-").FullName;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Collections = DemoCollections.EnsureAsync(DataDirectory, timeout.Token).GetAwaiter().GetResult();
    }

    public string DataDirectory { get; }

    public IReadOnlyList<DemoCollectionInfo> Collections { get; }

    public string StorePath(DemoDataset dataset) => Collections.Single(c => c.Id == dataset.Id).StorePath;

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The test classes that share one generated set of demo stores.</summary>
[CollectionDefinition(Name)]
public sealed class DemoStoreCollection : ICollectionFixture<DemoStoreFixture>
{
    public const string Name = "Generated demo stores";
}
