namespace OpenEoBridge.Storage;

/// <summary>The first <paramref name="Length"/> bytes of an array rented from the shared array pool.</summary>
public readonly record struct RentedBytes(byte[] Array, int Length);
