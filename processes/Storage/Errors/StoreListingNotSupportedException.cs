namespace OpenEoBridge.Storage.Errors;

/// <summary>The store cannot enumerate its keys (HTTP stores): readers must rely on consolidated metadata instead.</summary>
public sealed class StoreListingNotSupportedException(string location)
    : StoreException(
        location,
        null,
        $"The store {location} cannot list its keys: a store read over plain HTTP(S) has no listing. " +
        "A Zarr hierarchy served over HTTP needs consolidated metadata ('.zmetadata' for Zarr v2, " +
        "'consolidated_metadata' in the root zarr.json for Zarr v3), or must be opened through S3 instead.");
