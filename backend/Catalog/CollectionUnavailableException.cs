namespace OpenEoBridge.Backend.Catalog;

/// <summary>A store opened but cannot be served as a collection; the message is the reason logged.</summary>
public sealed class CollectionUnavailableException(string message) : Exception(message);
