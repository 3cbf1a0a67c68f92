using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Codecs;
using OpenEoBridge.Zarr.Compression;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Metadata;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// Fetches and decodes the "read chunks" of one array: its chunks, or for sharded arrays the inner chunks,
/// each fetched by byte range after a cached shard-index lookup. Goes through the context's cache, request
/// coalescing, I/O and decode slots and memory budget.
/// </summary>
internal sealed class ChunkSource
{
    private readonly IStore _store;
    private readonly string _path;
    private readonly ArrayMetadata _meta;
    private readonly ZarrContext _context;
    private readonly ShardingCodec? _sharding;
    private readonly CodecPipeline _pipeline;

    public ChunkSource(IStore store, string path, ArrayMetadata meta, ZarrContext context)
    {
        _store = store;
        _path = path;
        _meta = meta;
        _context = context;
        _sharding = meta.Pipeline.Sharding;
        _pipeline = _sharding?.InnerPipeline ?? meta.Pipeline;
        StorageGrid = new ChunkGrid(meta.Shape, meta.ChunkShape);
        ReadGrid = _sharding is null ? StorageGrid : new ChunkGrid(meta.Shape, _sharding.InnerShape);
    }

    /// <summary>The grid of stored objects (chunks or shards).</summary>
    public ChunkGrid StorageGrid { get; }

    /// <summary>The grid of independently decodable chunks (inner chunks when sharded).</summary>
    public ChunkGrid ReadGrid { get; }

    public string StoreKeyOf(ReadOnlySpan<long> storageCoords) => StoreKey.Join(_path, _meta.KeyEncoding.Encode(storageCoords));

    /// <summary>A human-readable id: the store key, plus the inner chunk index for sharded arrays.</summary>
    public string ReadChunkId(ReadOnlySpan<long> readCoords)
    {
        if (_sharding is null)
        {
            return StoreKeyOf(readCoords);
        }

        var (shard, linear) = Locate(readCoords);
        return $"{StoreKeyOf(shard)}#inner{linear}";
    }

    public ChunkCacheKey CacheKey(string chunkId) => new(_store, _path, chunkId);

    /// <summary>
    /// Whether chunks read for <paramref name="region"/> should enter the decoded-chunk cache: not when the
    /// region's chunks alone exceed the cache, because such a scan would only evict everything (its own chunks
    /// included, before any reuse) and keep each buffer cold instead of recycling it at once.
    /// </summary>
    public bool WorthCaching(ArrayRegion region)
    {
        var chunks = 1.0;
        var shape = ReadGrid.ChunkShape;
        for (var d = 0; d < region.Rank; d++)
        {
            if (region.Shape[d] == 0)
            {
                return true;
            }

            chunks *= ((region.Start[d] + region.Shape[d] - 1) / shape[d]) - (region.Start[d] / shape[d]) + 1;
        }

        return chunks * _pipeline.Spec.ByteSize <= _context.Cache.MaxBytes;
    }

    /// <summary>The decoded read chunk, pinned (null buffer = not stored, reads as fill); cached when <paramref name="cache"/>.</summary>
    public async Task<ChunkLease> AcquireAsync(long[] readCoords, bool cache, CancellationToken cancellationToken)
    {
        var id = ReadChunkId(readCoords);
        var key = CacheKey(id);
        if (_context.Cache.TryGetPinned(key) is { } hit)
        {
            return new ChunkLease(hit);
        }

        var (shared, created) = await _context.ChunkLoads.RunAsync(key, async token =>
        {
            // The fresh chunk's reference belongs to the caller that started the load; the cache pins its own.
            var epoch = _context.WriteEpoch(_store, _path);
            var chunk = await LoadAsync(readCoords, id, token).ConfigureAwait(false);
            if (cache && _context.Cache.MaxBytes > 0 && _context.WriteEpoch(_store, _path) == epoch && chunk.TryPin())
            {
                _context.Cache.Add(key, chunk);
            }

            return chunk;
        }, chunk => chunk.Unpin(), cancellationToken).ConfigureAwait(false);

        if (created || shared.TryPin())
        {
            return new ChunkLease(shared);
        }

        // Released before we could pin it (no cache, or evicted under a tight budget): load privately.
        return new ChunkLease(await LoadAsync(readCoords, id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Whether whole read chunks can be decoded straight into a C-order buffer of <typeparamref name="T"/>: one
    /// Blosc compressor over plain little-endian elements of exactly that type, no filters, no sharding.
    /// </summary>
    public bool CanDecodeDirectly<T>()
        where T : unmanaged
    {
        var type = _pipeline.Spec.DataType;
        return _sharding is null && _pipeline.ArrayCodecs.Count == 0 && _pipeline.BytesCodecs is [BloscCodec]
            && _pipeline.Serializer is BytesCodec { BigEndian: false } && BitConverter.IsLittleEndian
            && !type.IsVariableLength && ElementConverter.IsIdentity<T>(type) && Unsafe.SizeOf<T>() == type.ItemSize
            && _meta.Rank > 0;
    }

    /// <summary>Whether <paramref name="selection"/> is a whole read chunk (not a crop, not a partial edge chunk).</summary>
    public bool CoversWholeChunk(ChunkSelection selection) =>
        selection.Extent.AsSpan().SequenceEqual(ReadGrid.ChunkShape) && !selection.StartInChunk.AsSpan().ContainsAnyExcept(0);

    /// <summary>
    /// Decodes the whole chunk of <paramref name="selection"/> straight into its place in <paramref name="destination"/>
    /// (C order, <paramref name="regionShape"/>), bypassing the cache. <see cref="DirectRead.NotDone"/> when the chunk
    /// is cached or being loaded (the caller takes the normal path and shares that work).
    /// </summary>
    public async Task<DirectRead> ReadWholeChunkAsync<T>(ChunkSelection selection, Memory<T> destination, long[] regionShape, CancellationToken cancellationToken)
        where T : unmanaged, INumberBase<T>
    {
        var id = ReadChunkId(selection.ChunkCoords);
        var key = CacheKey(id);
        if (_context.Cache.Contains(key) || _context.ChunkLoads.IsInFlight(key))
        {
            return DirectRead.NotDone;
        }

        EncodedChunk? fetched;
        await _context.IoSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            fetched = await FetchEncodedAsync(selection.ChunkCoords, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _context.IoSlots.Release();
        }

        if (fetched is not { } encoded)
        {
            return DirectRead.Missing;
        }

        try
        {
            var spec = _pipeline.Spec;
            bool scatter;
            try
            {
                scatter = BloscScatterDecoder.CanScatter(encoded.Bytes.Span, spec.DataType.ItemSize, spec.ByteSize);
            }
            catch (ZarrCodecException e)
            {
                throw new ZarrChunkException(_path, id, e.Message, e);
            }

            if (!scatter)
            {
                // Other Blosc layouts (bit shuffle, memcpyed, odd block sizes): the normal decode, then a copy.
                var chunk = await DecodeAsync(encoded.Bytes, id, cancellationToken).ConfigureAwait(false);
                try
                {
                    chunk.Buffer!.CopyTo(selection, destination.Span, regionShape);
                }
                finally
                {
                    chunk.Unpin();
                }

                return DirectRead.Done;
            }

            var rows = new ChunkRowMap(ReadGrid.ChunkShape, selection.StartInRegion, regionShape);
            await _context.DecodeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _context.CountDecode();
                BloscScatterDecoder.Decompress(encoded.Bytes.Span, rows, destination.Span);
            }
            catch (Exception e) when (e is ZarrCodecException or ZarrException or ArgumentException)
            {
                throw e as ZarrChunkException ?? new ZarrChunkException(_path, id, e.Message, e);
            }
            finally
            {
                _context.DecodeSlots.Release();
            }

            return DirectRead.Done;
        }
        finally
        {
            encoded.Release(null);
        }
    }

    /// <summary>Fetches and decodes one read chunk without the cache (used by writers and as a fallback).</summary>
    public async Task<CachedChunk> LoadAsync(long[] readCoords, string id, CancellationToken cancellationToken)
    {
        EncodedChunk? fetched;
        await _context.IoSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            fetched = await FetchEncodedAsync(readCoords, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _context.IoSlots.Release();
        }

        if (fetched is not { } encoded)
        {
            return new CachedChunk(null, 64, null);
        }

        byte[]? kept = null;
        try
        {
            var chunk = await DecodeAsync(encoded.Bytes, id, cancellationToken).ConfigureAwait(false);
            kept = MemoryMarshal.TryGetArray<byte>(chunk.Buffer?.Data ?? default, out var segment) ? segment.Array : null;
            return chunk;
        }
        finally
        {
            encoded.Release(kept);
        }
    }

    private async Task<CachedChunk> DecodeAsync(ReadOnlyMemory<byte> encoded, string id, CancellationToken cancellationToken)
    {
        var spec = _pipeline.Spec;
        var charge = spec.DataType.IsVariableLength ? 0 : spec.ByteSize;
        await _context.Budget.AcquireAsync(charge, cancellationToken).ConfigureAwait(false);
        ChunkBuffer buffer;
        byte[]? rented = null;
        try
        {
            await _context.DecodeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _context.CountDecode();
                buffer = _pipeline.Decode(encoded, _meta.Limits, size => rented = _context.Buffers.Rent(size));
            }
            finally
            {
                _context.DecodeSlots.Release();
            }
        }
        catch (Exception e) when (e is ZarrCodecException or ZarrException or ArgumentException)
        {
            ReturnRented(rented);
            _context.Budget.Release(charge);
            throw e as ZarrChunkException ?? new ZarrChunkException(_path, id, e.Message, e);
        }
        catch
        {
            ReturnRented(rented);
            _context.Budget.Release(charge);
            throw;
        }

        Action? onReleased = null;
        if (rented is not null)
        {
            if (MemoryMarshal.TryGetArray<byte>(buffer.Data, out var segment) && ReferenceEquals(segment.Array, rented))
            {
                // The chunk lives in the pooled array: recycle it once the cache and every reader are done.
                var pooled = rented;
                onReleased = () => _context.Buffers.Return(pooled);
            }
            else
            {
                _context.Buffers.Return(rented);
            }
        }

        if (spec.DataType.IsVariableLength)
        {
            charge = buffer.ByteSize;
            await _context.Budget.AcquireAsync(charge, cancellationToken).ConfigureAwait(false);
        }

        return new CachedChunk(buffer, charge, _context.Budget, onReleased);
    }

    private void ReturnRented(byte[]? rented)
    {
        if (rented is not null)
        {
            _context.Buffers.Return(rented);
        }
    }

    private async Task<EncodedChunk?> FetchEncodedAsync(long[] readCoords, string id, CancellationToken cancellationToken)
    {
        if (_sharding is null)
        {
            return await StoreChunkReader.GetAsync(_store, StoreKeyOf(readCoords), cancellationToken).ConfigureAwait(false);
        }

        var (shard, linear) = Locate(readCoords);
        var shardKey = StoreKeyOf(shard);
        var index = await GetShardIndexAsync(shardKey, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return null;
        }

        var (offset, nbytes) = (index[2 * linear], index[(2 * linear) + 1]);
        if (offset == ShardingCodec.Empty)
        {
            return null;
        }

        if (nbytes > (ulong)_meta.Limits.MaxDecompressedBytes)
        {
            throw new ZarrChunkException(_path, id, $"inner chunk of {nbytes} bytes exceeds the cap");
        }

        var bytes = await StoreChunkReader.GetRangeAsync(_store, shardKey, (long)offset, (long)nbytes, cancellationToken).ConfigureAwait(false);
        if (bytes is not { } inner || inner.Length != (long)nbytes)
        {
            bytes?.Release(null);
            throw new ZarrChunkException(_path, id, $"shard index points at bytes {offset}..{offset + nbytes} but the shard {(bytes is not { } b ? "vanished" : $"only yielded {b.Length}")} (truncated shard?)");
        }

        return inner;
    }

    /// <summary>The shard's decoded index, or null when the shard is not stored. Cached and coalesced.</summary>
    public async Task<ulong[]?> GetShardIndexAsync(string shardKey, CancellationToken cancellationToken)
    {
        var key = CacheKey(shardKey);
        if (_context.ShardIndexes.TryGet(key, out var cached))
        {
            return cached;
        }

        return await _context.ShardIndexes.Loads.RunAsync(key, async token =>
        {
            var epoch = _context.WriteEpoch(_store, _path);
            var bytes = await _store.GetRangeAsync(shardKey, _sharding!.IndexRange, token).ConfigureAwait(false);
            ulong[]? index = null;
            if (bytes is not null)
            {
                try
                {
                    index = _sharding.DecodeIndex(bytes, null, _meta.Limits);
                }
                catch (Exception e) when (e is ZarrCodecException or ZarrException)
                {
                    throw new ZarrChunkException(_path, shardKey, $"bad shard index: {e.Message}", e);
                }
            }

            if (_context.WriteEpoch(_store, _path) == epoch)
            {
                _context.ShardIndexes.Add(key, index);
            }

            return index;
        }, cancellationToken).ConfigureAwait(false);
    }

    private (long[] Shard, int Linear) Locate(ReadOnlySpan<long> readCoords)
    {
        var shard = new long[readCoords.Length];
        var inner = new long[readCoords.Length];
        for (var d = 0; d < readCoords.Length; d++)
        {
            shard[d] = readCoords[d] / _sharding!.ChunksPerShard[d];
            inner[d] = readCoords[d] % _sharding.ChunksPerShard[d];
        }

        return (shard, _sharding!.InnerLinearIndex(inner));
    }

    /// <summary>Drops cached state of a stored chunk/shard after it was rewritten.</summary>
    public void Invalidate(long[] storageCoords)
    {
        _context.BumpWriteEpoch(_store, _path);
        var storeKey = StoreKeyOf(storageCoords);
        if (_sharding is null)
        {
            _context.Cache.Invalidate(CacheKey(storeKey));
            return;
        }

        _context.ShardIndexes.Invalidate(CacheKey(storeKey));
        for (var linear = 0; linear < _sharding.InnerChunkCount; linear++)
        {
            _context.Cache.Invalidate(CacheKey($"{storeKey}#inner{linear}"));
        }
    }
}
