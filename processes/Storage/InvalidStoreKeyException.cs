namespace OpenEoBridge.Storage;

public sealed class InvalidStoreKeyException(string key)
    : ArgumentException($"Invalid store key '{key}': keys are relative, '/'-separated and contain no empty, '.' or '..' segments.")
{
    public string Key { get; } = key;
}
