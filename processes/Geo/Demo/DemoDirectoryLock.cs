namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// An exclusive lock between processes (and between callers in one process) on a lock file. .NET takes an
/// advisory <c>flock</c> for <see cref="FileShare.None"/> on Unix and a share-mode lock on Windows; the operating
/// system releases it when a process dies, so a crashed generator never blocks the next start.
/// The file itself is never deleted: deleting it would let a waiter lock an orphaned inode.
/// </summary>
internal sealed class DemoDirectoryLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private DemoDirectoryLock(FileStream stream) => _stream = stream;

    /// <summary>Waits for the lock; gives up with a clear error after <paramref name="timeout"/> rather than hanging.</summary>
    public static async Task<DemoDirectoryLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new DemoDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another generator; it finishes in seconds.
            }
            catch (IOException e)
            {
                throw new TimeoutException($"The demo-data lock '{path}' is still held by another process after {timeout.TotalSeconds:0} s.", e);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
