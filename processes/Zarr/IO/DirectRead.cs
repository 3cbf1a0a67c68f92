namespace OpenEoBridge.Zarr.IO;

/// <summary>Outcome of decoding a whole chunk straight into a caller's buffer.</summary>
internal enum DirectRead
{
    /// <summary>Written into the destination.</summary>
    Done,

    /// <summary>The chunk is not stored: the caller writes the fill value.</summary>
    Missing,

    /// <summary>Not attempted (cached or being loaded): take the normal, shared path.</summary>
    NotDone,
}
