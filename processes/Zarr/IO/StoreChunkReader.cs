using System.Buffers;
using OpenEoBridge.Storage;
using OpenEoBridge.Storage.FileSystem;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// Reads stored chunk bytes. A local file is read into a rented array: a whole-store scan would otherwise
/// allocate one large-object-heap array per chunk, and the page faults and zeroing of that fresh memory cost
/// about as much CPU as a third of the decode. Other stores go through <see cref="IStore"/>.
/// </summary>
internal static class StoreChunkReader
{
    /// <summary>The whole object, or null when it is not stored.</summary>
    public static async ValueTask<EncodedChunk?> GetAsync(IStore store, string key, CancellationToken cancellationToken)
    {
        if (store is FileSystemStore files)
        {
            return await ReadFileAsync(files, key, null, cancellationToken).ConfigureAwait(false);
        }

        var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : EncodedChunk.Owned(bytes);
    }

    /// <summary>
    /// <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the object is not stored. A
    /// short result (object shorter than the range) is returned as is for the caller to report.
    /// </summary>
    public static async ValueTask<EncodedChunk?> GetRangeAsync(IStore store, string key, long offset, long count, CancellationToken cancellationToken)
    {
        if (store is FileSystemStore files)
        {
            return await ReadFileAsync(files, key, ByteRange.Bounded(offset, count), cancellationToken).ConfigureAwait(false);
        }

        var bytes = await store.GetRangeAsync(key, ByteRange.Bounded(offset, count), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : EncodedChunk.Owned(bytes);
    }

    private static async ValueTask<EncodedChunk?> ReadFileAsync(FileSystemStore files, string key, ByteRange? range, CancellationToken cancellationToken)
    {
        // Same key rules and path mapping as the store itself (no traversal out of the root).
        var path = Path.Combine(files.Root, StoreKey.Validate(key));
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            var (offset, count) = range?.Resolve(length) ?? (0, length);
            if (count > Array.MaxLength)
            {
                throw new IOException($"'{key}' holds {count} bytes, more than one chunk can hold");
            }

            var array = ArrayPool<byte>.Shared.Rent((int)count);
            try
            {
                var total = 0;
                while (total < count)
                {
                    var read = await RandomAccess.ReadAsync(handle, array.AsMemory(total, (int)count - total), offset + total, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break; // truncated while we read: the caller sees the short length
                    }

                    total += read;
                }

                return new EncodedChunk(array, total, rented: true);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(array);
                throw;
            }
        }
    }
}
