using System.Buffers;

namespace OpenEoBridge.Zarr.IO;

/// <summary>
/// The stored bytes of one chunk. When they sit in a rented array, <see cref="Release"/> gives it back, unless
/// the decoded chunk took the array over (an uncompressed chunk decoded without a copy).
/// </summary>
internal readonly struct EncodedChunk(byte[] array, int length, bool rented)
{
    public ReadOnlyMemory<byte> Bytes => array.AsMemory(0, length);

    public int Length => length;

    public static EncodedChunk Owned(byte[] bytes) => new(bytes, bytes.Length, rented: false);

    /// <summary>Returns a rented array to the pool unless <paramref name="keptBy"/> (the decoded chunk's array) is that array.</summary>
    public void Release(byte[]? keptBy)
    {
        if (rented && !ReferenceEquals(array, keptBy))
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
