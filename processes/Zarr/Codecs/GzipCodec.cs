using System.IO.Compression;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>v3 <c>gzip</c> / numcodecs <c>gzip</c>: one gzip member (RFC 1952).</summary>
public sealed class GzipCodec(int level) : IDecodeIntoCodec
{
    public string Name => "gzip";

    public int Level { get; } = level;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        using var stream = new GZipStream(new ReadOnlyMemoryStream(encoded), CompressionMode.Decompress);
        return StreamDecoding.ReadAll(stream, Name, expectedLength, limits.MaxDecompressedBytes);
    }

    public void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits)
    {
        using var stream = new GZipStream(new ReadOnlyMemoryStream(encoded), CompressionMode.Decompress);
        StreamDecoding.ReadExactly(stream, Name, destination);
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded)
    {
        using var output = new MemoryStream();
        using (var stream = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(Level, 0, 9) }, leaveOpen: true))
        {
            stream.Write(decoded.Span);
        }

        return output.ToArray();
    }
}

/// <summary>numcodecs <c>zlib</c> (and Blosc's inner zlib): a zlib container (RFC 1950).</summary>
public sealed class ZlibCodec(int level) : IDecodeIntoCodec
{
    public string Name => "zlib";

    public int Level { get; } = level;

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> encoded, int? expectedLength, ZarrLimits limits)
    {
        using var stream = new ZLibStream(new ReadOnlyMemoryStream(encoded), CompressionMode.Decompress);
        return StreamDecoding.ReadAll(stream, Name, expectedLength, limits.MaxDecompressedBytes);
    }

    public void DecodeInto(ReadOnlyMemory<byte> encoded, Span<byte> destination, ZarrLimits limits)
    {
        using var stream = new ZLibStream(new ReadOnlyMemoryStream(encoded), CompressionMode.Decompress);
        StreamDecoding.ReadExactly(stream, Name, destination);
    }

    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> decoded)
    {
        using var output = new MemoryStream();
        using (var stream = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(Level, 0, 9) }, leaveOpen: true))
        {
            stream.Write(decoded.Span);
        }

        return output.ToArray();
    }
}

/// <summary>A read-only stream over memory without copying it.</summary>
internal sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => memory.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, memory.Length - _position);
        memory.Span.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
