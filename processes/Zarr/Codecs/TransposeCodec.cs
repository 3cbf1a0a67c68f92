using OpenEoBridge.Zarr.Chunks;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>
/// v3 <c>transpose</c>: the encoded array's axis i is the decoded array's axis <c>order[i]</c>. Decoding only
/// permutes strides; the crop-and-convert copy does the actual reordering. v2 <c>order: "F"</c> is the
/// reversed permutation.
/// </summary>
public sealed class TransposeCodec : IArrayToArrayCodec
{
    public TransposeCodec(int[] order)
    {
        var seen = new bool[order.Length];
        foreach (var axis in order)
        {
            if (axis < 0 || axis >= order.Length || seen[axis])
            {
                throw new ZarrException($"transpose order [{string.Join(", ", order)}] is not a permutation");
            }

            seen[axis] = true;
        }

        Order = order;
        Inverse = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            Inverse[order[i]] = i;
        }
    }

    public string Name => "transpose";

    public int[] Order { get; }

    private int[] Inverse { get; }

    public static TransposeCodec FortranOrder(int rank) => new([.. Enumerable.Range(0, rank).Reverse()]);

    public ChunkSpec EncodedSpec(ChunkSpec decoded)
    {
        if (decoded.Shape.Length != Order.Length)
        {
            throw new ZarrException($"transpose order has {Order.Length} axes, the chunk {decoded.Shape.Length}");
        }

        return decoded with { Shape = [.. Order.Select(a => decoded.Shape[a])] };
    }

    public ChunkBuffer Decode(ChunkBuffer encoded, ChunkSpec decoded) => encoded.PermuteAxes(Inverse);

    public ChunkBuffer Encode(ChunkBuffer decoded, ChunkSpec decoded2) => decoded.PermuteAxes(Order).ToCContiguous();
}
