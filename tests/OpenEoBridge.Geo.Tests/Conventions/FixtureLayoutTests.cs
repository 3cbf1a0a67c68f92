using System.Text.Json;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;

namespace OpenEoBridge.Geo.Tests.Conventions;

/// <summary>Layouts read from the shared fixtures' metadata JSON, checked against their expected.json.</summary>
public class FixtureLayoutTests
{
    [Fact]
    public void Chirps_like_v2_store()
    {
        var layout = DatasetLayoutReader.Read(FixtureAttributes.V2Attributes("xr_chirps_like.zarr", string.Empty), FixtureVariables.V2("xr_chirps_like.zarr"));
        Assert.Equal(["time", "latitude", "longitude"], layout.Dimensions.Select(d => d.Name));
        Assert.Equal([DimensionRole.Time, DimensionRole.Y, DimensionRole.X], layout.Dimensions.Select(d => d.Role));
        Assert.Equal([10L, 12L, 16L], layout.Dimensions.Select(d => d.Size));
        var band = Assert.Single(layout.Bands);
        Assert.Equal("precip", band.Name);
        Assert.Equal("mm/day", band.Units);
        Assert.Equal([-9999.0], band.Packing.MaskedValues);
        Assert.Equal(NumericType.Float32, band.Packing.DecodedType);
        Assert.Equal("spatial_ref", Assert.Single(layout.Excluded).Name);
        Assert.Equal("spatial_ref", layout.GridMappingVariable);
        Assert.Equal(4326, layout.Crs!.EpsgCode);

        var expected = FixtureAttributes.Expected("v2", "xr_chirps_like");
        var gdal = expected.GetProperty("cf_decoded").GetProperty("geotransform_gdal").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(gdal, layout.Transform!.Value.ToGdal());

        var times = Values(expected, "time").Select(v => (long)v).ToArray();
        var labels = layout.TimeCoder!.Decode(times).Select(l => l.ToDateString());
        Assert.Equal(expected.GetProperty("cf_decoded").GetProperty("time").EnumerateArray().Select(e => e.GetString()), labels);

        var latitude = AxisExtent.FromCentres(Values(expected, "latitude"));
        Assert.False(latitude.Ascending);
        Assert.True(expected.GetProperty("cf_decoded").GetProperty("latitude_descending").GetBoolean());
        var longitude = AxisExtent.FromCentres(Values(expected, "longitude"));
        var bbox = GeographicExtent.FromAxes(longitude, latitude, layout.Crs);
        var fromTransform = layout.Transform.Value.CellEdgeBounds(12, 16);
        AssertBox(fromTransform, bbox, 1e-9);
        AssertBox(new BoundingBox(29.0, 5.4, 29.8, 6.0), bbox, 1e-9);

        // Masking the stored values gives the NaN count xarray reports.
        var stored = Values(expected, "precip");
        var decoded = stored.Select(v => band.Packing.Decode(v)).ToArray();
        Assert.Equal(expected.GetProperty("cf_decoded").GetProperty("precip").GetProperty("nan_count").GetInt32(), decoded.Count(double.IsNaN));
    }

    [Fact]
    public void Era5_like_v2_store_with_packed_int16()
    {
        var layout = DatasetLayoutReader.Read(FixtureAttributes.V2Attributes("xr_era5_like.zarr", string.Empty), FixtureVariables.V2("xr_era5_like.zarr"));
        Assert.Equal(["t2m", "tp"], layout.Bands.Select(b => b.Name).Order());
        Assert.Contains(layout.Excluded, e => e.Name == "number" && e.Reason.Contains("auxiliary coordinate"));
        Assert.Equal(CoordinateReferenceSystem.Wgs84, layout.Crs);
        Assert.Null(layout.Transform);

        var t2m = layout.Bands.Single(b => b.Name == "t2m").Packing;
        Assert.Equal(0.002, t2m.ScaleFactor);
        Assert.Equal(260.0, t2m.AddOffset);
        Assert.Equal([-32767.0], t2m.MaskedValues);
        Assert.Equal(NumericType.Float32, t2m.DecodedType);

        var expected = FixtureAttributes.Expected("v2", "xr_era5_like");
        var cf = expected.GetProperty("cf_decoded").GetProperty("t2m");
        var decoded = Values(expected, "t2m").Select(v => t2m.Decode(v)).ToArray();
        Assert.Equal(cf.GetProperty("nan_count").GetInt32(), decoded.Count(double.IsNaN));
        // expected.json sums float64 results; xarray (and we) decode int16 to float32, ~1e-5 relative per value.
        Assert.Equal(cf.GetProperty("sum").GetDouble(), decoded.Where(d => !double.IsNaN(d)).Sum(), 0.01);

        var hours = Values(expected, "time").Select(v => (long)v).ToArray();
        Assert.Equal(
            expected.GetProperty("cf_decoded").GetProperty("time").EnumerateArray().Select(e => e.GetString() + "Z"),
            layout.TimeCoder!.Decode(hours).Select(l => l.ToRfc3339String()));

        // Latitude starts at the pole: the cell edge beyond 90° is clamped for STAC.
        var bbox = GeographicExtent.FromAxes(AxisExtent.FromCentres(Values(expected, "longitude")), AxisExtent.FromCentres(Values(expected, "latitude")), layout.Crs!);
        AssertBox(new BoundingBox(-0.125, 88.875, 1.875, 90), bbox, 1e-12);
    }

    [Theory]
    [InlineData("xr_calendar_noleap.zarr")]
    [InlineData("xr_calendar_360_day.zarr")]
    public void Time_series_without_x_and_y_is_refused_with_the_reason(string store)
    {
        var error = Assert.Throws<FormatException>(() => DatasetLayoutReader.Read(Attributes.Empty, FixtureVariables.V2(store)));
        Assert.Contains("tas", error.Message);
        Assert.Contains("no single x and y", error.Message);
    }

    [Fact]
    public void GeoZarr_v3_dataset_with_base64_fill_value()
    {
        var group = FixtureAttributes.V3Attributes("xr_dataset_geozarr.zarr");
        var layout = DatasetLayoutReader.Read(group, FixtureVariables.V3("xr_dataset_geozarr.zarr"));
        Assert.Equal(["precip", "t2m"], layout.Bands.Select(b => b.Name).Order());
        Assert.Equal(4326, layout.Crs!.EpsgCode);

        var expected = FixtureAttributes.Expected("v3", "xr_dataset_geozarr");
        var t2m = layout.Bands.Single(b => b.Name == "t2m").Packing;
        Assert.Equal([expected.GetProperty("cf_decoded").GetProperty("t2m_FillValue").GetDouble()], t2m.MaskedValues);
        Assert.Empty(layout.Bands.Single(b => b.Name == "precip").Packing.MaskedValues);

        var geo = GeoZarrAttributes.FromAttributes(group);
        Assert.Equal("EPSG:4326", geo.ProjCode);
        Assert.Equal(["latitude", "longitude"], geo.SpatialDimensions!);
        Assert.Equal([12L, 16L], geo.SpatialShape!);
        Assert.Equal(CoordinateReferenceSystem.Wgs84, geo.ResolveCrs());
        var transformBounds = geo.SpatialTransform!.Value.CellEdgeBounds(geo.SpatialShape![0], geo.SpatialShape[1]);
        AssertBox(geo.SpatialBbox!.Value, transformBounds, 1e-9);

        var centres = AxisExtent.FromCentres(Values(expected, "longitude"));
        Assert.Equal(0.05, centres.Step!.Value, 12);
        Assert.Equal(geo.SpatialBbox.Value.MinX, centres.MinEdge, 9);
    }

    [Fact]
    public void GeoZarr_multiscales_pick_level_zero_and_keep_the_pyramid()
    {
        var root = FixtureAttributes.V3Attributes("geozarr_multiscales.zarr");
        var pyramid = Multiscales.FromAttributes(root)!;
        Assert.Equal(["0", "1"], pyramid.Levels.Select(l => l.Path));
        Assert.Equal("0", pyramid.FullResolution.Path);
        Assert.Equal("0", pyramid.Levels[1].DerivedFrom);
        Assert.Equal([2.0, 2.0], pyramid.Levels[1].Scale!);
        Assert.Equal(0.5, pyramid.Levels[1].SpatialTransform!.Value.A);
        Assert.Equal("mean", pyramid.Resampling);

        var layout = DatasetLayoutReader.Read(root, FixtureVariables.V3("geozarr_multiscales.zarr", pyramid.FullResolution.Path));
        Assert.Equal([DimensionRole.Time, DimensionRole.Y, DimensionRole.X], layout.Dimensions.Select(d => d.Role));
        Assert.Equal(4326, layout.Crs!.EpsgCode);
        Assert.Null(layout.TimeCoder);
        var x = AxisExtent.FromCentres(Values(FixtureAttributes.Expected("v3", "geozarr_multiscales"), "0/x"));
        var y = AxisExtent.FromCentres(Values(FixtureAttributes.Expected("v3", "geozarr_multiscales"), "0/y"));
        var bbox = root.GetDoubles("spatial:bbox")!;
        AssertBox(new BoundingBox(bbox[0], bbox[1], bbox[2], bbox[3]), GeographicExtent.FromAxes(x, y, layout.Crs), 1e-12);
    }

    [Fact]
    public void Older_multiscales_list_form_is_read()
    {
        var attributes = FixtureAttributes.ToDictionary(JsonDocument.Parse("""
            {"multiscales": [{"datasets": [{"path": "full"}, {"path": "half"}, {"path": "quarter"}], "type": "reduce"}]}
            """).RootElement);
        var pyramid = Multiscales.FromAttributes(attributes)!;
        Assert.Equal(["full", "half", "quarter"], pyramid.Levels.Select(l => l.Path));
        Assert.Equal("full", pyramid.FullResolution.Path);
        Assert.Equal("half", pyramid.Levels[2].DerivedFrom);
        Assert.Null(Multiscales.FromAttributes(Attributes.Empty));
        Assert.Throws<FormatException>(() => Multiscales.FromAttributes(FixtureAttributes.ToDictionary(JsonDocument.Parse("""{"multiscales": {"levels": 3}}""").RootElement)));
    }

    private static double[] Values(JsonElement expected, string array) =>
        expected.GetProperty("arrays").GetProperty(array).GetProperty("values_c_order").EnumerateArray()
            .Select(e => Attributes.AsDouble(e)!.Value).ToArray();

    private static void AssertBox(BoundingBox expected, BoundingBox actual, double tolerance)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"bbox[{i}]: expected {e[i]}, got {a[i]} (expected {expected}, got {actual})");
        }
    }
}
