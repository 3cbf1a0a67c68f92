using OpenEoBridge.Geo.Demo;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>Generates the demo stores once for a test class into a temporary data directory.</summary>
public sealed class DemoStoreFixture : IDisposable
{
    public DemoStoreFixture()
    {
        DataDirectory = Directory.CreateTempSubdirectory("oeb-demo-test-").FullName;
        Collections = DemoCollections.EnsureAsync(DataDirectory, CancellationToken.None).GetAwaiter().GetResult();
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
