namespace OpenEoBridge.Zarr.Compression;

/// <summary>Blosc pre-filter; the numeric values are the ones numcodecs uses in its JSON config.</summary>
public enum BloscShuffle
{
    NoShuffle = 0,
    ByteShuffle = 1,
    BitShuffle = 2,
}
