namespace OpenEoBridge.Zarr.Tests;

/// <summary>A scratch folder for files exchanged with numcodecs, removed when the test ends.</summary>
internal sealed class CompressionTempDirectory : IDisposable
{
    public CompressionTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oeb-codecs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
