using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Storage.FileSystem;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// Stores that grow: metadata is served from memory until the refresh interval has passed, then re-read, so an
/// appended time step shows in the extent. The clock is a manual one; nothing waits for real time.
/// </summary>
public sealed class CatalogRefreshTests : IDisposable
{
    private const string MakeDaily = """
import sys
import numpy as np, pandas as pd, xarray as xr, rioxarray
path = sys.stdin.read().strip()
t = pd.date_range("2024-03-01", periods=3, freq="D")
ds = xr.Dataset({"precip": (("time", "latitude", "longitude"), np.zeros((3, 4, 5), "float32"))},
                coords={"time": t, "latitude": [1.5, 0.5, -0.5, -1.5], "longitude": [10.5, 11.5, 12.5, 13.5, 14.5]})
ds["time"].encoding.update({"units": "days since 2000-01-01", "calendar": "proleptic_gregorian", "dtype": "int64"})
ds.rio.write_crs("EPSG:4326").to_zarr(path, mode="w", consolidated=True)
""";

    private const string AppendDay = """
import sys
import numpy as np, pandas as pd, xarray as xr
path = sys.stdin.read().strip()
old = xr.open_zarr(path)
t = pd.date_range(pd.Timestamp(old["time"].values[-1]) + pd.Timedelta(days=1), periods=1, freq="D")
ds = xr.Dataset({"precip": (("time", "latitude", "longitude"), np.ones((1, 4, 5), "float32"))},
                coords={"time": t, "latitude": old["latitude"].values, "longitude": old["longitude"].values})
ds.to_zarr(path, append_dim="time", consolidated=True)
""";

    private readonly string _directory = Directory.CreateTempSubdirectory("oeb-catalog-refresh-").FullName;

    private string Store => Path.Combine(_directory, "daily.zarr");

    [Fact]
    public async Task An_appended_time_step_shows_after_the_refresh_interval()
    {
        ReferencePython.Run(MakeDaily, Store);
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var server = new CatalogServer([(Store, "daily")], new Dictionary<string, string?> { ["OpenEo:Catalog:RefreshInterval"] = "00:10:00" }, clock);
        Assert.Equal("2024-03-03T00:00:00Z", await LastLabelAsync(server));

        ReferencePython.Run(AppendDay, Store);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("2024-03-03T00:00:00Z", await LastLabelAsync(server));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("2024-03-04T00:00:00Z", await LastLabelAsync(server));
        var collection = await server.CollectionAsync("daily");
        Assert.Equal("2024-03-04T00:00:00Z", collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0][1].GetString());
    }

    [Fact]
    public async Task Growing_stores_advertise_an_open_temporal_end()
    {
        ReferencePython.Run(MakeDaily, Store);
        using var server = new CatalogServer([(Store, "daily")], new Dictionary<string, string?> { ["OpenEo:Catalog:Sources:0:Growing"] = "true" });

        var collection = await server.CollectionAsync("daily");

        var interval = collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];
        Assert.Equal("2024-03-01T00:00:00Z", interval[0].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, interval[1].ValueKind);
        Assert.Equal("2024-03-03T00:00:00Z", collection.GetProperty("cube:dimensions").GetProperty("t").GetProperty("extent")[1].GetString());
    }

    [Fact]
    public async Task The_fingerprint_changes_with_the_consolidated_metadata_only()
    {
        ReferencePython.Run(MakeDaily, Store);
        var store = new FileSystemStore(Store, writable: false);
        var before = await MetadataFingerprint.ReadAsync(store, string.Empty, default);
        Assert.NotNull(before);
        Assert.Equal(before, await MetadataFingerprint.ReadAsync(store, string.Empty, default));

        ReferencePython.Run(AppendDay, Store);
        Assert.NotEqual(before, await MetadataFingerprint.ReadAsync(store, string.Empty, default));

        File.Delete(Path.Combine(Store, ".zmetadata"));
        Assert.Null(await MetadataFingerprint.ReadAsync(store, string.Empty, default));
    }

    private static async Task<string> LastLabelAsync(CatalogServer server)
    {
        var collection = await server.CollectionAsync("daily");
        return collection.GetProperty("cube:dimensions").GetProperty("t").GetProperty("extent")[1].GetString()!;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
