using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.Geo.Demo;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// A host that stops while the demo collections are still being generated in the background waits for the
/// generation to notice and clean up, so nothing is written into the data directory after the host has stopped.
/// </summary>
public sealed class CatalogShutdownTests
{
    [Fact]
    public void Stopping_during_demo_generation_leaves_no_partial_store_and_writes_nothing_afterwards()
    {
        using var data = new TempDirectory();
        using (var factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?> { ["OpenEo:Catalog:Demo"] = "true" }))
        {
            // Starts the host (and with it the background generation) without asking for the collections.
            factory.CreateClient().Dispose();
        }

        var demo = Path.Combine(data.Path, DemoCollections.DirectoryName);
        var before = Snapshot(demo);
        Thread.Sleep(TimeSpan.FromSeconds(1));

        Assert.True(before.SequenceEqual(Snapshot(demo)), $"before: {string.Join(", ", before)}\nafter: {string.Join(", ", Snapshot(demo))}");
        Assert.DoesNotContain(before, path => path.Contains(".tmp-", StringComparison.Ordinal));
    }

    private static string[] Snapshot(string directory) => Directory.Exists(directory)
        ? Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : [];
}
