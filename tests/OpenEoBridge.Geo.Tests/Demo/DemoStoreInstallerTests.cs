using System.Text.Json.Nodes;
using OpenEoBridge.Geo.Demo;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>How demo stores are put in place: once, atomically, under a lock, replaced when stale.</summary>
public sealed class DemoStoreInstallerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oeb-demo-installer-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private CancellationToken Guard => _timeout.Token;

    private string StorePath => Path.Combine(_directory, "counting.zarr");

    [Fact]
    public async Task A_current_store_is_reused_without_rewriting_it()
    {
        var dataset = new CountingDemoDataset();
        var path = await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);
        Assert.Equal(StorePath, path);
        var sentinel = Path.Combine(path, "sentinel.txt");
        await File.WriteAllTextAsync(sentinel, "still here", Guard);
        var written = File.GetLastWriteTimeUtc(Path.Combine(path, "zarr.json"));

        Assert.Equal(path, await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard));
        Assert.Equal(path, await DemoStoreInstaller.EnsureAsync(_directory, new CountingDemoDataset(), Guard));

        Assert.Equal(1, dataset.Writes);
        Assert.True(File.Exists(sentinel));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(path, "zarr.json")));
        Assert.Equal(["counting.zarr"], Directories());
    }

    [Fact]
    public async Task A_store_from_another_generator_version_is_replaced()
    {
        await DemoStoreInstaller.EnsureAsync(_directory, new CountingDemoDataset(version: 1), Guard);
        await File.WriteAllTextAsync(Path.Combine(StorePath, "sentinel.txt"), "old", Guard);

        var newer = new CountingDemoDataset(version: 2);
        Assert.False(await DemoStoreInstaller.IsCurrentAsync(StorePath, newer, Guard));
        await DemoStoreInstaller.EnsureAsync(_directory, newer, Guard);

        Assert.Equal(1, newer.Writes);
        Assert.False(File.Exists(Path.Combine(StorePath, "sentinel.txt")));
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, newer, Guard));
        Assert.Equal(2, (int)(await ZarrGroup.OpenAsync(new FileSystemStore(StorePath), cancellationToken: Guard)).Attributes[DemoDataset.MarkerAttribute]!["generator_version"]!);
        Assert.Equal(["counting.zarr"], Directories());
    }

    [Fact]
    public async Task A_store_whose_marker_was_removed_or_names_another_dataset_is_regenerated()
    {
        var dataset = new CountingDemoDataset();
        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);
        var root = await ZarrGroup.OpenAsync(new FileSystemStore(StorePath), cancellationToken: Guard);
        var attributes = (JsonObject)root.Attributes.DeepClone();
        attributes[DemoDataset.MarkerAttribute] = new JsonObject { ["id"] = "SOMETHING_ELSE", ["generator_version"] = 1 };
        await WriteRootAttributesAsync(attributes);
        Assert.False(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));

        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);
        Assert.Equal(2, dataset.Writes);

        attributes.Remove(DemoDataset.MarkerAttribute);
        await WriteRootAttributesAsync(attributes);
        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);
        Assert.Equal(3, dataset.Writes);
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
    }

    [Fact]
    public async Task Half_written_temporary_directories_are_never_used_and_are_cleaned_up()
    {
        // A crashed generator's leftover, complete enough to carry the current marker: still not the store.
        var leftover = Path.Combine(_directory, DemoStoreInstaller.TemporaryPrefix(new CountingDemoDataset()) + "4242-deadbeef");
        await new CountingDemoDataset().WriteAsync(new FileSystemStore(leftover), Guard);
        var retired = Path.Combine(_directory, ".counting.zarr.old-0123");
        Directory.CreateDirectory(retired);

        var dataset = new CountingDemoDataset();
        Assert.False(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);

        Assert.Equal(1, dataset.Writes);
        Assert.False(Directory.Exists(leftover));
        Assert.False(Directory.Exists(retired));
        Assert.Equal(["counting.zarr"], Directories());
    }

    [Fact]
    public async Task A_generator_that_fails_leaves_no_store_and_the_next_start_generates_it()
    {
        var failing = new CountingDemoDataset(failHalfway: true);
        var error = await Assert.ThrowsAsync<IOException>(() => DemoStoreInstaller.EnsureAsync(_directory, failing, Guard));
        Assert.Contains("simulated", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directories());

        var dataset = new CountingDemoDataset();
        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
        var values = await (await ZarrArray.OpenAsync(new FileSystemStore(StorePath), "values", cancellationToken: Guard)).ReadAllAsync<int>(Guard);
        Assert.Equal(new[] { 1, 2, 3, 4 }, values);
    }

    [Fact]
    public async Task Something_else_at_the_store_path_is_replaced()
    {
        Directory.CreateDirectory(StorePath);
        await File.WriteAllTextAsync(Path.Combine(StorePath, "notes.txt"), "not a store", Guard);
        var dataset = new CountingDemoDataset();

        await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard);

        Assert.False(File.Exists(Path.Combine(StorePath, "notes.txt")));
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
        Assert.Equal(["counting.zarr"], Directories());
    }

    [Fact]
    public async Task Concurrent_starts_generate_once_and_all_get_the_complete_store()
    {
        // Each caller opens the lock file itself, exactly as separate processes do.
        var dataset = new CountingDemoDataset(delay: TimeSpan.FromMilliseconds(400));
        var paths = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard))));

        Assert.All(paths, p => Assert.Equal(StorePath, p));
        Assert.Equal(1, dataset.Writes);
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
        Assert.Equal(["counting.zarr"], Directories());
    }

    [Fact]
    public async Task Another_process_holding_the_lock_is_waited_for_and_its_store_reused()
    {
        // Another process (Python, flock on the same lock file as .NET's FileShare.None) is generating: it
        // holds the lock, then moves its finished store into place and exits.
        var staging = Path.Combine(_directory, ".counting.zarr.staging");
        await new CountingDemoDataset().WriteAsync(new FileSystemStore(staging), Guard);
        const string script = """
import fcntl, os, sys, time
lock = open(sys.argv[1], "a+")
fcntl.flock(lock, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(1.5)
os.rename(sys.argv[2], sys.argv[3])
fcntl.flock(lock, fcntl.LOCK_UN)
""";
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, Path.Combine(_directory, ".counting.zarr.lock"), staging, StorePath })
        {
            start.ArgumentList.Add(argument);
        }

        using var other = System.Diagnostics.Process.Start(start)!;
        Assert.Equal("locked", await other.StandardOutput.ReadLineAsync(Guard));

        var dataset = new CountingDemoDataset();
        Assert.Equal(StorePath, await DemoStoreInstaller.EnsureAsync(_directory, dataset, Guard));
        await other.WaitForExitAsync(Guard);

        Assert.Equal(0, other.ExitCode);
        Assert.Equal(0, dataset.Writes);
        Assert.True(await DemoStoreInstaller.IsCurrentAsync(StorePath, dataset, Guard));
    }

    [Fact]
    public async Task Cancellation_while_waiting_for_the_lock_is_honoured()
    {
        var slow = new CountingDemoDataset(delay: TimeSpan.FromSeconds(3));
        var first = DemoStoreInstaller.EnsureAsync(_directory, slow, Guard);
        while (!Directory.EnumerateDirectories(_directory).Any())
        {
            await Task.Delay(20, Guard);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoStoreInstaller.EnsureAsync(_directory, new CountingDemoDataset(), cancel.Token));
        await first;
        Assert.Equal(1, slow.Writes);
    }

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string[] Directories() => [.. Directory.GetDirectories(_directory).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    private async Task WriteRootAttributesAsync(JsonObject attributes)
    {
        var store = new FileSystemStore(StorePath);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(StorePath, "zarr.json"), Guard))!.AsObject();
        json["attributes"] = attributes.DeepClone();
        await store.SetAsync("zarr.json", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Guard);
    }
}
