namespace OpenEoBridge.Storage.FileSystem;

/// <summary>A store rooted at a local folder. Writes go to a temporary file first and are renamed, so readers never see half a value.</summary>
public sealed class FileSystemStore : IRentedReadStore
{
    private readonly string _root;

    public FileSystemStore(string root, bool writable = true)
    {
        _root = Path.GetFullPath(root);
        IsWritable = writable;
    }

    public string Root => _root;

    public string Location => new Uri(_root.EndsWith('/') ? _root : _root + "/").AbsoluteUri;

    public bool IsWritable { get; }

    public bool CanList => true;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.Asynchronous, BufferSize = 0 });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var (start, count) = range.Resolve(stream.Length);
            var buffer = new byte[count];
            stream.Position = start;
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer;
        }
    }

    public async ValueTask<RentedBytes?> GetRentedAsync(string key, ByteRange? range, CancellationToken cancellationToken = default)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (handle)
        {
            var (offset, count) = range?.Resolve(RandomAccess.GetLength(handle)) ?? (0, RandomAccess.GetLength(handle));
            if (count > Array.MaxLength)
            {
                throw new IOException($"'{key}' holds {count} bytes, more than one array can hold");
            }

            var array = System.Buffers.ArrayPool<byte>.Shared.Rent((int)count);
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

                return new RentedBytes(array, total);
            }
            catch
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(array);
                throw;
            }
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(value, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        File.Delete(PathOf(key));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(File.Exists(PathOf(key)));

    public async IAsyncEnumerable<string> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = prefix.Length == 0 ? _root : PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(".partial", StringComparison.Ordinal))
            {
                continue;
            }

            yield return Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private string PathOf(string key) => Path.Combine(_root, StoreKey.Validate(key));

    private void EnsureWritable()
    {
        if (!IsWritable)
        {
            throw new InvalidOperationException($"Store {Location} is read-only.");
        }
    }
}
