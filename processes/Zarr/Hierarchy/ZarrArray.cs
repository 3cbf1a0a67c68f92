using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.IO;
using OpenEoBridge.Zarr.Metadata;
using OpenEoBridge.Zarr.Writing;

namespace OpenEoBridge.Zarr.Hierarchy;

/// <summary>
/// A Zarr v2 or v3 array. The main read path is <see cref="ReadAsync{T}(ArrayRegion, Memory{T}, CancellationToken)"/>:
/// chunks are visited once each in chunk-aligned order, fetched and decoded in parallel under the context's
/// global budgets, and copied straight into the caller's buffer with crop, transpose and type conversion in
/// one pass. <see cref="ForEachChunkAsync"/> exposes the same chunk stream without a dense buffer.
/// </summary>
public sealed class ZarrArray
{
    private readonly object _gate = new();
    private ArrayMetadata _metadata;
    private ChunkSource _source;

    private ZarrArray(IStore store, string path, ArrayMetadata metadata, ZarrContext context)
    {
        Store = store;
        Path = path;
        Context = context;
        _metadata = metadata;
        _source = new ChunkSource(store, path, metadata, context);
    }

    public IStore Store { get; }

    /// <summary>Path of the array inside the store ('' for a root array).</summary>
    public string Path { get; }

    public ZarrContext Context { get; }

    public ArrayMetadata Metadata
    {
        get
        {
            lock (_gate)
            {
                return _metadata;
            }
        }
    }

    public int ZarrFormat => Metadata.ZarrFormat;

    public long[] Shape => [.. Metadata.Shape];

    public int Rank => Metadata.Rank;

    public ZarrDataType DataType => Metadata.DataType;

    public FillValue FillValue => Metadata.FillValue;

    public JsonObject Attributes => Metadata.Attributes;

    public IReadOnlyList<string?>? DimensionNames => Metadata.DimensionNames;

    /// <summary>Grid of stored objects (chunks, or shards).</summary>
    public ChunkGrid StorageGrid => Source.StorageGrid;

    /// <summary>Grid of independently readable chunks (inner chunks for sharded arrays); align requests to it.</summary>
    public ChunkGrid ReadGrid => Source.ReadGrid;

    private ChunkSource Source
    {
        get
        {
            lock (_gate)
            {
                return _source;
            }
        }
    }

    public override string ToString() => $"ZarrArray('{Path}', v{ZarrFormat}, {DataType}, [{string.Join(", ", Metadata.Shape)}])";

    // ---------------- open / create ----------------

    /// <summary>Opens the array at <paramref name="path"/> (reads its metadata once).</summary>
    public static async Task<ZarrArray> OpenAsync(IStore store, string path = "", ZarrContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= ZarrContext.Shared;
        var node = await NodeMetadataReader.ReadAsync(store, path, null, context.Limits, cancellationToken).ConfigureAwait(false);
        return FromNode(store, node, context);
    }

    internal static ZarrArray FromNode(IStore store, NodeMetadata node, ZarrContext context) =>
        new(store, node.Path, node.Array ?? throw new ZarrMetadataException(node.Path, "is a group, not an array"), context);

    /// <summary>Creates an array and writes its metadata now (use <see cref="Define"/> to write metadata last).</summary>
    public static async Task<ZarrArray> CreateAsync(IStore store, string path, ArrayDefinition definition, ZarrContext? context = null, CancellationToken cancellationToken = default)
    {
        var array = Define(store, path, definition, context);
        await array.CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
        return array;
    }

    /// <summary>
    /// An array object for new metadata that is not written yet: write chunks, then call
    /// <see cref="CommitMetadataAsync"/> so readers never see metadata before its data.
    /// </summary>
    public static ZarrArray Define(IStore store, string path, ArrayDefinition definition, ZarrContext? context = null)
    {
        context ??= ZarrContext.Shared;
        path = NodeMetadataReader.NormalizePath(path);
        var metadata = definition.ToMetadata(path, context.Limits);
        context.Cache.InvalidateArray(store, path);
        context.ShardIndexes.InvalidateArray(store, path);
        return new ZarrArray(store, path, metadata, context) { SkipEmptyChunks = definition.SkipEmptyChunks };
    }

    /// <summary>Whether writes drop chunks that are entirely fill (they then read back as fill).</summary>
    public bool SkipEmptyChunks { get; init; }

    /// <summary>Writes the current metadata (<c>zarr.json</c>, or <c>.zarray</c> + <c>.zattrs</c>).</summary>
    public async Task CommitMetadataAsync(CancellationToken cancellationToken = default)
    {
        var meta = Metadata;
        if (meta.ZarrFormat == 3)
        {
            await Store.SetAsync(StoreKey.Join(Path, "zarr.json"), JsonHelpers.Serialize(meta.ToV3()), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Store.SetAsync(StoreKey.Join(Path, ".zarray"), JsonHelpers.Serialize(meta.ToV2()), cancellationToken).ConfigureAwait(false);
        if (meta.Attributes.Count > 0)
        {
            await Store.SetAsync(StoreKey.Join(Path, ".zattrs"), JsonHelpers.Serialize(JsonHelpers.Sorted(meta.Attributes)!), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Store.DeleteAsync(StoreKey.Join(Path, ".zattrs"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the attributes and writes the metadata.</summary>
    public Task SetAttributesAsync(JsonObject attributes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _metadata = _metadata with { Attributes = (JsonObject)attributes.DeepClone() };
        }

        return CommitMetadataAsync(cancellationToken);
    }

    /// <summary>Changes the shape (chunks outside the new shape are left in place) and writes the metadata.</summary>
    public async Task ResizeAsync(long[] newShape, CancellationToken cancellationToken = default)
    {
        SetShape(newShape);
        await CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
    }

    private void SetShape(long[] newShape)
    {
        lock (_gate)
        {
            if (newShape.Length != _metadata.Rank || newShape.Any(s => s < 0))
            {
                throw new ArgumentException($"New shape [{string.Join(", ", newShape)}] does not fit a {_metadata.Rank}-d array");
            }

            _metadata = _metadata with { Shape = [.. newShape] };
            _source = new ChunkSource(Store, Path, _metadata, Context);
        }
    }

    // ---------------- reading ----------------

    /// <summary>
    /// Reads <paramref name="region"/> into <paramref name="destination"/> (C order, region shape), converting
    /// elements to <typeparamref name="T"/> (saturating; NaN → 0 for integer targets). Missing chunks read as the fill value.
    /// </summary>
    public Task ReadAsync<T>(ArrayRegion region, Memory<T> destination, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T>
    {
        EnsureNumeric();
        EnsureLength(region, destination.Length);
        var fill = FillValue.As<T>();
        var source = Source;
        var direct = Context.Options.DirectWholeChunkReads && source.CanDecodeDirectly<T>();
        var cache = source.WorthCaching(region);
        return ForEachSelectionAsync(source, region, async (selection, token) =>
        {
            if (direct && source.CoversWholeChunk(selection))
            {
                switch (await source.ReadWholeChunkAsync(selection, destination, region.Shape, token).ConfigureAwait(false))
                {
                    case DirectRead.Done:
                        return;
                    case DirectRead.Missing:
                        FillBox(destination.Span, region.Shape, selection, fill);
                        return;
                }
            }

            using var lease = await source.AcquireAsync(selection.ChunkCoords, cache, token).ConfigureAwait(false);
            if (lease.Buffer is null)
            {
                FillBox(destination.Span, region.Shape, selection, fill);
            }
            else
            {
                lease.Buffer.CopyTo(selection, destination.Span, region.Shape);
            }
        }, cancellationToken);
    }

    /// <summary>Reads a region into a new array (convenience over the buffer overload).</summary>
    public async Task<T[]> ReadAsync<T>(ArrayRegion region, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T>
    {
        var result = new T[region.ElementCount];
        await ReadAsync<T>(region, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads the whole array densely (convenience; prefer regions or <see cref="ForEachChunkAsync"/> for large arrays).</summary>
    public Task<T[]> ReadAllAsync<T>(CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T> => ReadAsync<T>(ArrayRegion.Whole(Metadata.Shape), cancellationToken);

    /// <summary>Reads element bytes (machine byte order, C order) without conversion — for any fixed-size type.</summary>
    public Task ReadRawAsync(ArrayRegion region, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var size = DataType.ItemSize;
        if (DataType.IsVariableLength)
        {
            throw new InvalidOperationException($"Array '{Path}' holds variable-length strings; use ReadStringsAsync");
        }

        EnsureLength(region, destination.Length / size);
        var fill = FillValue.Bytes;
        return ForEachChunkAsync(region, (selection, chunk, _) =>
        {
            if (chunk is null)
            {
                FillRawBox(destination.Span, region.Shape, selection, fill.Span);
            }
            else
            {
                chunk.CopyRawTo(selection, destination.Span, region.Shape);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Reads a region of a string array (v3 <c>string</c> / v2 vlen-utf8).</summary>
    public async Task<string[]> ReadStringsAsync(ArrayRegion? region = null, CancellationToken cancellationToken = default)
    {
        region ??= ArrayRegion.Whole(Metadata.Shape);
        if (!DataType.IsVariableLength)
        {
            throw new InvalidOperationException($"Array '{Path}' holds {DataType}, not strings");
        }

        var result = new string[region.ElementCount];
        var fill = FillValue.Text ?? "";
        await ForEachChunkAsync(region, (selection, chunk, _) =>
        {
            if (chunk is null)
            {
                FillBox<string>(result, region.Shape, selection, fill);
            }
            else
            {
                chunk.CopyStringsTo(selection, result, region.Shape);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Visits every read chunk overlapping <paramref name="region"/> once, in parallel (bounded by the context),
    /// with the decoded chunk (null = not stored, i.e. fill) and the part of it inside the region. The chunk
    /// is held in the memory budget only while <paramref name="body"/> runs; do not keep it. A region whose chunks
    /// outnumber the decoded-chunk cache is streamed past the cache (it would only evict everything).
    /// </summary>
    public async Task ForEachChunkAsync(ArrayRegion region, Func<ChunkSelection, ChunkBuffer?, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        var source = Source;
        var cache = source.WorthCaching(region);
        await ForEachSelectionAsync(source, region, async (selection, token) =>
        {
            using var lease = await source.AcquireAsync(selection.ChunkCoords, cache, token).ConfigureAwait(false);
            await body(selection, lease.Buffer, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    // Chunks of the region in parallel: twice the decode slots, so fetching the next chunks overlaps decoding.
    private Task ForEachSelectionAsync(ChunkSource source, ArrayRegion region, Func<ChunkSelection, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, Context.Options.MaxConcurrentDecodes * 2),
            CancellationToken = cancellationToken,
        };
        return Parallel.ForEachAsync(source.ReadGrid.Select(region), options, body);
    }

    // ---------------- writing ----------------

    /// <summary>Writes <paramref name="source"/> (C order, region shape) into <paramref name="region"/>; partly covered chunks are read-modify-written.</summary>
    public Task WriteAsync<T>(ArrayRegion region, ReadOnlyMemory<T> source, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T>
    {
        EnsureNumeric();
        EnsureLength(region, source.Length);
        return WriteCoreAsync(region, (chunk, selection) => chunk.CopyFrom(selection, source.Span, region.Shape), cancellationToken);
    }

    /// <summary>Writes element bytes (machine byte order, C order) without conversion.</summary>
    public Task WriteRawAsync(ArrayRegion region, ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        EnsureLength(region, source.Length / Math.Max(1, DataType.ItemSize));
        return WriteCoreAsync(region, (chunk, selection) => chunk.CopyRawFrom(selection, source.Span, region.Shape), cancellationToken);
    }

    public Task WriteStringsAsync(ArrayRegion region, ReadOnlyMemory<string> source, CancellationToken cancellationToken = default)
    {
        if (!DataType.IsVariableLength)
        {
            throw new InvalidOperationException($"Array '{Path}' holds {DataType}, not strings");
        }

        EnsureLength(region, source.Length);
        return WriteCoreAsync(region, (chunk, selection) => chunk.CopyStringsFrom(selection, source.Span, region.Shape), cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="source"/> of shape <paramref name="sourceShape"/> along <paramref name="axis"/>
    /// (e.g. new time steps): chunks are written first, then the metadata with the grown shape.
    /// </summary>
    public async Task AppendAsync<T>(int axis, ReadOnlyMemory<T> source, long[] sourceShape, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T>
    {
        var shape = Shape;
        if ((uint)axis >= (uint)shape.Length || sourceShape.Length != shape.Length)
        {
            throw new ArgumentException($"Cannot append a {sourceShape.Length}-d block along axis {axis} of a {shape.Length}-d array");
        }

        for (var d = 0; d < shape.Length; d++)
        {
            if (d != axis && sourceShape[d] != shape[d])
            {
                throw new ArgumentException($"Appended block has size {sourceShape[d]} in dimension {d}, the array {shape[d]}");
            }
        }

        var start = new long[shape.Length];
        start[axis] = shape[axis];
        var grown = (long[])shape.Clone();
        grown[axis] += sourceShape[axis];
        SetShape(grown);
        await WriteAsync(new ArrayRegion(start, sourceShape), source, cancellationToken).ConfigureAwait(false);
        await CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task WriteCoreAsync(ArrayRegion region, Action<ChunkBuffer, ChunkSelection> copyIn, CancellationToken cancellationToken)
    {
        ArrayMetadata meta;
        ChunkSource source;
        lock (_gate)
        {
            meta = _metadata;
            source = _source;
        }

        return ChunkWriter.WriteRegionAsync(Store, Path, meta, source, Context, region, copyIn, SkipEmptyChunks, cancellationToken);
    }

    // ---------------- helpers ----------------

    private void EnsureNumeric()
    {
        if (!DataType.IsNumeric)
        {
            throw new InvalidOperationException($"Array '{Path}' holds {DataType}; use ReadRawAsync/ReadStringsAsync");
        }
    }

    private static void EnsureLength(ArrayRegion region, long length)
    {
        if (length != region.ElementCount)
        {
            throw new ArgumentException($"Buffer holds {length} elements, region {region} has {region.ElementCount}");
        }
    }

    private static void FillBox<T>(Span<T> destination, long[] regionShape, ChunkSelection selection, T value)
    {
        var strides = RowCursor.CStrides(regionShape);
        var cursor = new RowCursor(selection.Extent, selection.StartInRegion, strides, selection.StartInRegion, strides);
        while (cursor.MoveNext())
        {
            destination.Slice((int)cursor.OffsetA, cursor.RowLength).Fill(value);
        }
    }

    private static void FillRawBox(Span<byte> destination, long[] regionShape, ChunkSelection selection, ReadOnlySpan<byte> element)
    {
        var strides = RowCursor.CStrides(regionShape);
        var cursor = new RowCursor(selection.Extent, selection.StartInRegion, strides, selection.StartInRegion, strides);
        while (cursor.MoveNext())
        {
            ChunkBuffer.FillBytes(destination.Slice((int)(cursor.OffsetA * element.Length), cursor.RowLength * element.Length), element);
        }
    }
}
