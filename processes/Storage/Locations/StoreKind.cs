namespace OpenEoBridge.Storage.Locations;

/// <summary>The kinds of store a location can name.</summary>
public enum StoreKind
{
    FileSystem,
    S3,
    Http,
}
