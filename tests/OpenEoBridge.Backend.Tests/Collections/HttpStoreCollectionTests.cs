using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// A store read over HTTP (a loopback static file server over the v2 fixtures): served like a local one, with the
/// store's URL as the Zarr asset.
/// </summary>
public sealed class HttpStoreCollectionTests : IAsyncLifetime
{
    private WebApplication? _files;
    private string _root = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _files = builder.Build();
        _files.UseStaticFiles(new StaticFileOptions
        {
            // Zarr keys: dot files (.zmetadata, .zgroup) and extension-less chunk keys.
            FileProvider = new PhysicalFileProvider(Path.Combine(SharedPaths.ZarrFixtures, "v2"), ExclusionFilters.None),
            ServeUnknownFileTypes = true,
        });
        await _files.StartAsync();
        _root = _files.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    [Fact]
    public async Task A_store_over_http_is_served_with_its_url_as_the_zarr_asset()
    {
        var location = $"{_root}/xr_chirps_like.zarr";
        using var server = new CatalogServer([(location, null)]);

        var collection = await server.CollectionAsync("xr_chirps_like");

        var asset = collection.GetProperty("assets").GetProperty("zarr");
        Assert.Equal(location, asset.GetProperty("href").GetString());
        Assert.Equal("application/vnd+zarr", asset.GetProperty("type").GetString());
        Assert.Equal(["data"], asset.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["precip"], collection.GetProperty("cube:dimensions").GetProperty("bands").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(10, (DateTime.Parse(collection.GetProperty("cube:dimensions").GetProperty("t").GetProperty("extent")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTime.Parse(collection.GetProperty("cube:dimensions").GetProperty("t").GetProperty("extent")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Days + 1);
    }

    public async Task DisposeAsync()
    {
        if (_files is not null)
        {
            await _files.DisposeAsync();
        }
    }
}
