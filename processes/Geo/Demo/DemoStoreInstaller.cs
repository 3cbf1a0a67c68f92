using System.Text.Json;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// Puts a demo store in place so that no reader ever sees half of one: the store is written into a hidden
/// temporary directory next to its final place and renamed in one step; generators serialise on a lock file;
/// a store is reused only when its root group carries the current generator marker.
/// </summary>
public static class DemoStoreInstaller
{
    /// <summary>How long a start waits for another process that is generating the same store.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Returns the absolute store directory, generating the store first if it is missing or stale.</summary>
    public static async Task<string> EnsureAsync(string demoDirectory, DemoDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        demoDirectory = Path.GetFullPath(demoDirectory);
        var storePath = Path.Combine(demoDirectory, dataset.StoreName);
        if (await IsCurrentAsync(storePath, dataset, cancellationToken).ConfigureAwait(false))
        {
            return storePath;
        }

        Directory.CreateDirectory(demoDirectory);
        using (await DemoDirectoryLock.AcquireAsync(LockPath(demoDirectory, dataset), LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            // Another process may have finished it while this one waited.
            if (await IsCurrentAsync(storePath, dataset, cancellationToken).ConfigureAwait(false))
            {
                return storePath;
            }

            // Holding the lock, nobody else is writing: whatever temporary directories exist are crash leftovers.
            RemoveLeftovers(demoDirectory, dataset);
            var temporary = Path.Combine(demoDirectory, $"{TemporaryPrefix(dataset)}{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                await dataset.WriteAsync(new FileSystemStore(temporary), cancellationToken).ConfigureAwait(false);
                MoveIntoPlace(temporary, storePath, demoDirectory, dataset);
            }
            catch
            {
                TryDeleteDirectory(temporary);
                throw;
            }
        }

        return storePath;
    }

    /// <summary>Whether <paramref name="storePath"/> holds a complete store made by the current generator.</summary>
    public static async Task<bool> IsCurrentAsync(string storePath, DemoDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!Directory.Exists(storePath))
        {
            return false;
        }

        try
        {
            var root = await ZarrGroup.OpenAsync(new FileSystemStore(storePath, writable: false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return dataset.HasCurrentMarker(root.Attributes);
        }
        catch (Exception e) when (e is ZarrException or IOException or JsonException or FormatException or UnauthorizedAccessException)
        {
            // Not a store (or not ours, or being swapped right now): the caller regenerates under the lock.
            return false;
        }
    }

    /// <summary>Prefix of the hidden temporary directories a store is generated in.</summary>
    public static string TemporaryPrefix(DemoDataset dataset) => $".{dataset.StoreName}.tmp-";

    private static string RetiredPrefix(DemoDataset dataset) => $".{dataset.StoreName}.old-";

    private static string LockPath(string demoDirectory, DemoDataset dataset) => Path.Combine(demoDirectory, $".{dataset.StoreName}.lock");

    private static void MoveIntoPlace(string temporary, string storePath, string demoDirectory, DemoDataset dataset)
    {
        if (!Directory.Exists(storePath))
        {
            Directory.Move(temporary, storePath);
            return;
        }

        // A stale or foreign store: retire it first (a directory cannot be renamed over a non-empty one).
        var retired = Path.Combine(demoDirectory, $"{RetiredPrefix(dataset)}{Guid.NewGuid():N}");
        Directory.Move(storePath, retired);
        Directory.Move(temporary, storePath);
        TryDeleteDirectory(retired);
    }

    private static void RemoveLeftovers(string demoDirectory, DemoDataset dataset)
    {
        foreach (var directory in Directory.EnumerateDirectories(demoDirectory))
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith(TemporaryPrefix(dataset), StringComparison.Ordinal) || name.StartsWith(RetiredPrefix(dataset), StringComparison.Ordinal))
            {
                TryDeleteDirectory(directory);
            }
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start's cleanup; it is hidden and never mistaken for a store.
        }
    }
}
